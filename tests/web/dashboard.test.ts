/**
 * The operations dashboard (/dashboard) in real headless Chromium against the real app: a few real customer
 * turns plus CSAT answers and coupons, then an admin logs in through the page and sees the tiles filled with
 * those numbers and the charts drawn, at 1280 × 800 and at 390 × 844 without sideways scrolling; an agent is
 * told the page needs an admin. Saves docs/screenshots/dashboard-1280.png and dashboard-390.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { ScriptedRecognizer } from '../helpers/scriptedRecognizer';
import { ADMIN_TOKEN, RunningApp, startTestApp } from '../helpers/testApp';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = path.join(__dirname, '..', '..', 'docs', 'screenshots');
const hasChromium = fs.existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(`SKIPPED dashboard browser tests: ${CHROMIUM} is missing (apt-get install -y chromium fonts-wqy-microhei)`);
}

const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
const PASSWORD = 'Rose-Petal-2024!';
type Row = { _id: string } & Record<string, unknown>;
const REASONS = ['angry', 'requested', 'repeated_failures', 'quality', 'complaint'];

/**
 * Five earlier days of web-chat shoppers (so the charts have something to show): each customer takes three
 * turns two minutes apart (one conversation), the first customer of each day is handed to a human, the
 * third ends on a turn the NLU did not understand.
 */
function earlierWeek(now: number) {
  const events: Row[] = [];
  for (let d = 1; d <= 5; d++) {
    for (let k = 0; k < 3 + (d % 3); k++) {
      const start = now - d * 86400_000 - 3600_000 * (k + 1);
      const turn = (i: number, intent: string, extra: Record<string, unknown> = {}) =>
        events.push({ _id: `w${d}_${k}_${i}`, at: new Date(start + i * 120_000), customerId: `c_w${d}_${k}`, channelId: 'webchat', latencyMs: 60 + ((k * 37 + d * 11 + i * 13) % 400), attempts: 1, intent, confidence: 0.9, ...extra });
      turn(0, 'recommendation', { funnel: ['recommendationsShown'] });
      turn(1, 'product_info', k % 2 === 0 ? { funnel: ['cardClicks'] } : {});
      if (k === 0) turn(2, 'complaint', { handoffReason: REASONS[d % REASONS.length] });
      else if (k === 2) turn(2, 'other', { confidence: 0.3, fallback: true });
      else turn(2, 'place_order', { funnel: k % 3 === 1 ? ['cartLinks', 'offersClaimed'] : ['cartLinks', 'giftsClaimed'] });
    }
  }
  return events;
}

const tileValue = (page: Page, metric: string) => page.locator(`.dash-tile[data-metric="${metric}"] .dash-tile-value`).textContent();

/** Pixels of a canvas that are not transparent: a chart that was drawn has many. */
function paintedPixels(page: Page, id: string): Promise<number> {
  return page.evaluate((canvasId) => {
    const canvas = (globalThis as any).document.getElementById(canvasId);
    if (!canvas || !canvas.width || !canvas.height) return 0;
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data as Uint8ClampedArray;
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
    return painted;
  }, id);
}

const overflow = (page: Page) => page.evaluate(() => {
  const doc = (globalThis as any).document.documentElement;
  return doc.scrollWidth - doc.clientWidth;
});

async function logIn(page: Page, username: string): Promise<void> {
  const form = page.locator('form.staff-login');
  await form.waitFor({ timeout: 10000 });
  await form.getByLabel('用户名').fill(username);
  await form.getByLabel('密码').fill(PASSWORD);
  await form.getByRole('button', { name: '登录' }).click();
}

(hasChromium ? describe : describe.skip)('dashboard in headless Chromium', () => {
  let app: RunningApp;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    app = await startTestApp({}, { recognizer: new ScriptedRecognizer({ 你好: 'greeting', 随便说说: { intent: 'other', confidence: 0.2 } }) });
    for (const [username, role] of [
      ['boss', 'admin'],
      ['mei', 'agent'],
    ]) {
      expect((await app.post('/api/admin/agents', { username, password: PASSWORD, role }, admin)).status).toBe(201);
    }
    // three real turns by two app customers today: 2 conversations, 1 of 3 turns not understood
    await app.say('ann', '你好');
    await app.say('ann', '随便说说');
    await app.say('bob', '你好');
    const now = new Date();
    await app.store.collection<Row>('turnEvents').insertMany(earlierWeek(now.getTime()));
    await app.store.collection<Row>('csat').insertMany([
      { _id: 'q1', customerId: 'c_1', channelId: 'app', askedAt: now, score: 5, answeredAt: now },
      { _id: 'q2', customerId: 'c_2', channelId: 'app', askedAt: now, score: 4, answeredAt: now },
      ...[5, 5, 4, 3, 5, 2].map((score, i) => ({ _id: `w${i}`, customerId: `c_w${i}`, channelId: 'webchat', askedAt: now, score, answeredAt: new Date(now.getTime() - (i + 1) * 3600_000) })),
    ]);
    const yesterday = new Date(now.getTime() - 86400_000);
    await app.store.collection<Row>('nluReview').insertMany([
      { _id: 'u1', text: '你们几点发货？', count: 5, status: 'pending', reason: 'low_confidence', predicted: 'other', confidence: 0.2, createdAt: yesterday, updatedAt: yesterday },
      { _id: 'u2', text: '可以开增值税专票吗', count: 3, status: 'pending', reason: 'low_confidence', predicted: 'other', confidence: 0.3, createdAt: yesterday, updatedAt: yesterday },
      { _id: 'u3', text: '<b>do you ship to Macau</b>', count: 2, status: 'pending', reason: 'corrected', predicted: 'shipping_info', confidence: 0.5, createdAt: yesterday, updatedAt: yesterday },
    ]);
    await app.store.collection<Row>('coupons').insertMany(
      ['redeemed', 'issued', 'redeemed', 'issued', 'issued'].map((status, i) => ({ _id: `K${i}`, promotionId: 'p1', customerId: `c_w${i}`, issuedAt: yesterday, expiresAt: now, status })),
    );
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
  }, 60000);

  afterAll(async () => {
    await browser?.close();
    await app?.close(1000);
  });

  async function openPage(width: number, height: number): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('console', (msg) => {
      // failed requests are judged below by their URL; anything else (a CSP refusal …) is a fault
      if (msg.type() === 'error' && !/Failed to load resource/.test(msg.text())) problems.push(`console error: ${msg.text()}`);
    });
    page.on('response', (res) => {
      // a 401 before login is the page asking who it is; the browser's own favicon probe is not the page's
      if (res.status() >= 400 && res.status() !== 401 && !res.url().endsWith('/favicon.ico')) problems.push(`${res.status()} ${res.url()}`);
    });
    await page.goto(`${app.url}/dashboard`);
    return page;
  }

  it('shows an admin the tiles and charts of the last 7 days', async () => {
    const page = await openPage(1280, 800);
    await logIn(page, 'boss');
    await page.locator('body.dash-ready').waitFor({ timeout: 15000 });
    await expect(page.title()).resolves.toBe('运营看板');
    // 3 real turns + (4 + 5 + 3 + 4 + 5) web customers × 3 turns = 66; 2 + 21 conversations, 5 handed off
    await expect(tileValue(page, 'turns')).resolves.toBe('66');
    await expect(tileValue(page, 'conversations')).resolves.toBe('23');
    await expect(tileValue(page, 'containmentRate')).resolves.toBe('78.3%'); // 18 / 23
    await expect(tileValue(page, 'handoffRate')).resolves.toBe('21.7%'); // 5 / 23
    await expect(tileValue(page, 'couponRedemption')).resolves.toBe('40.0%');
    await expect(tileValue(page, 'csat')).resolves.toBe('4.13 / 5'); // (5 + 4 + 5 + 5 + 4 + 3 + 5 + 2) / 8
    await expect(tileValue(page, 'latency')).resolves.toMatch(/^[\d.]+ m?s \/ [\d.]+ m?s$/);
    for (const id of ['chart-trend', 'chart-funnel', 'chart-intents', 'chart-handoffs', 'chart-csat']) expect(await paintedPixels(page, id)).toBeGreaterThan(500);
    await expect(page.locator('#status').textContent()).resolves.toMatch(/已更新/);
    // customers' words are text: the markup in one of them is shown, not parsed
    await expect(page.locator('#unanswered li').first().textContent()).resolves.toBe('你们几点发货？×5');
    await expect(page.locator('#unanswered li').nth(2).textContent()).resolves.toBe('<b>do you ship to Macau</b>×2');
    await expect(page.locator('#unanswered b').count()).resolves.toBe(0);

    // the app channel alone: the three real turns
    await page.locator('#channel').selectOption('app');
    await page.locator('#status', { hasText: 'App' }).waitFor();
    await expect(tileValue(page, 'turns')).resolves.toBe('3');
    await expect(tileValue(page, 'conversations')).resolves.toBe('2');
    await expect(tileValue(page, 'containmentRate')).resolves.toBe('100.0%');
    await expect(tileValue(page, 'fallbackRate')).resolves.toBe('33.3%');
    await expect(tileValue(page, 'csat')).resolves.toBe('4.50 / 5');

    // one channel: nothing happened on WeChat
    await page.locator('#channel').selectOption('wechat');
    await page.locator('#status', { hasText: '微信' }).waitFor();
    await expect(tileValue(page, 'turns')).resolves.toBe('0');
    await expect(tileValue(page, 'containmentRate')).resolves.toBe('—');

    fs.mkdirSync(SHOTS, { recursive: true });
    await page.locator('#channel').selectOption('');
    await page.locator('#status', { hasText: '全部渠道' }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'dashboard-1280.png'), fullPage: true });
    await page.close();
    expect(problems).toEqual([]);
  }, 60000);

  it('fits a 390 px phone without sideways scrolling', async () => {
    const page = await openPage(390, 844);
    await logIn(page, 'boss');
    await page.locator('body.dash-ready').waitFor({ timeout: 15000 });
    await expect(tileValue(page, 'turns')).resolves.toBe('66');
    expect(await paintedPixels(page, 'chart-trend')).toBeGreaterThan(500);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    const widest = await page.evaluate(() => Math.max(...Array.from((globalThis as any).document.querySelectorAll('canvas, .dash-card, .dash-tile') as ArrayLike<any>, (n: any) => n.getBoundingClientRect().right)));
    expect(widest).toBeLessThanOrEqual(390);
    await page.screenshot({ path: path.join(SHOTS, 'dashboard-390.png'), fullPage: true });
    await page.close();
    expect(problems).toEqual([]);
  }, 60000);

  it('tells an agent the page is for admins and shows no figures', async () => {
    const page = await openPage(1280, 800);
    await logIn(page, 'mei');
    await page.locator('.staff-denied').waitFor({ timeout: 10000 });
    await expect(page.locator('#app').isHidden()).resolves.toBe(true);
    await page.close();
    expect(problems).toEqual([]);
  }, 30000);
});
