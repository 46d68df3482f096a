/**
 * A day at the store, end to end in Debian's Chromium against the real bot (real NLU, demo store, real
 * Direct Line web chat page, real agent console and dashboard; no scripted recognizer):
 *   an angry customer writes in web chat → the bot hands them over → an agent logs in, claims, reads the
 *   history and profile, answers with a canned response → the customer sees it in web chat; an app-channel
 *   customer gets an agent's reply through the app inbox; the agent resolves → the web chat customer
 *   answers the rating question → the admin's dashboard and GET /api/admin/metrics show the day.
 */
import fs from 'node:fs';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { ADMIN_TOKEN, RunningApp, startTestApp } from '../helpers/testApp';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = fs.existsSync(CHROMIUM);
if (!hasChromium) console.warn(`SKIPPED the whole-day browser test: ${CHROMIUM} is missing (apt-get install -y chromium fonts-wqy-microhei)`);

const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
const AGENT = { username: 'lin', password: 'Camellia-Oil-77', role: 'agent', displayName: '小林' };
const MANAGER = { username: 'boss', password: 'Peony-Season-88', role: 'admin', displayName: '店长' };
const CANNED = { title: '先道歉', text: '非常抱歉让您久等了，我是客服小林，这就帮您加急处理订单。' };

(hasChromium ? describe : describe.skip)('a whole day at the store, in the browser', () => {
  let app: RunningApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];

  const open = async (width: number, height: number): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width, height }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('response', (res) => {
      if (res.status() >= 500) problems.push(`${res.status()} ${new URL(res.url()).pathname}`);
    });
    return page;
  };

  const login = async (page: Page, path: string, who: { username: string; password: string }) => {
    await page.goto(`${app.url}${path}`);
    const form = page.locator('form.staff-login');
    await form.getByLabel('用户名').fill(who.username);
    await form.getByLabel('密码').fill(who.password);
    await form.getByRole('button', { name: '登录' }).click();
    await page.locator('.staff-user-name').waitFor({ timeout: 15000 });
  };

  beforeAll(async () => {
    app = await startTestApp({ DEMO_DATA: 'true' });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
  }, 120000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await app?.close(1000);
  });

  it('runs from an angry web chat customer to the dashboard', async () => {
    expect((await app.post('/api/admin/agents', AGENT, admin)).status).toBe(201);
    expect((await app.post('/api/admin/agents', MANAGER, admin)).status).toBe(201);
    expect((await app.post('/api/admin/canned', CANNED, admin)).status).toBe(201);

    // 1. the customer, on a phone, loses patience in web chat
    const customer = await open(390, 844);
    await customer.goto(`${app.url}/`);
    await customer.locator('.webchat__connectivityStatus', { hasText: '正在连接' }).waitFor({ state: 'hidden', timeout: 20000 });
    const input = customer.locator('[data-id="webchat-sendbox-input"]');
    await input.fill('你们到底怎么回事！！下单一个星期了还不发货，气死我了，再不处理我就去12315投诉！');
    await input.press('Enter');
    // the bot does not argue: it says a person is coming
    await customer.getByText(/人工|客服/).last().waitFor({ timeout: 20000 });
    const queue = await app.get('/api/agent/queue', admin);
    expect(queue.status).toBe(200);
    const waiting = (queue.json.items as { customerId: string; channelId: string; reason: string; state: string }[]).find((i) => i.channelId === 'webchat');
    expect(waiting).toMatchObject({ state: 'queued', reason: 'angry' });
    const webCustomer = waiting!.customerId;

    // 2. the agent logs in, sees the customer waiting, claims, reads history and profile, answers with a canned response
    const agent = await open(1280, 800);
    await login(agent, '/agent', AGENT);
    const item = agent.locator('.queue-item', { hasText: webCustomer });
    await item.waitFor({ timeout: 15000 });
    await item.getByRole('button', { name: `认领 ${webCustomer}` }).click();
    await agent.locator('#conversation .state-agent', { hasText: '我在接待' }).waitFor({ timeout: 15000 });
    await agent.locator('#history .from-customer .turn-text', { hasText: '12315' }).first().waitFor({ timeout: 15000 });
    await agent.locator('#history .from-bot').first().waitFor();
    await agent.locator('#profile h3', { hasText: '身份' }).waitFor();
    await agent.locator('#canned').selectOption({ label: CANNED.title });
    await agent.getByRole('button', { name: '发送' }).click();
    await agent.locator('#history .from-agent .turn-text', { hasText: CANNED.text }).waitFor({ timeout: 15000 });

    // 3. the customer is told an agent joined and sees the reply in web chat, without reloading
    await customer.getByText(/客服小林已接入/).first().waitFor({ timeout: 20000 });
    await customer.getByText(CANNED.text).first().waitFor({ timeout: 20000 });

    // 4. an app-channel customer is handed over too and gets a typed reply through the app inbox
    const appReplies = await app.say('app-amy', "This is ridiculous!! My parcel is two weeks late and nobody answers, I want a human NOW or I'm filing a complaint");
    expect(appReplies.join(' ')).toMatch(/agent|human|person/i);
    const amy = (await app.directory.find({ channelId: 'app', userId: 'app-amy' }))!;
    const amyItem = agent.locator('.queue-item', { hasText: amy });
    await amyItem.waitFor({ timeout: 15000 });
    await amyItem.getByRole('button', { name: `认领 ${amy}` }).click();
    await agent.locator('#conversation .state-agent', { hasText: '我在接待' }).waitFor({ timeout: 15000 });
    await agent.locator('#history .from-customer .turn-text', { hasText: 'two weeks late' }).first().waitFor({ timeout: 15000 });
    await agent.locator('#composer-text').fill('Sorry Amy, I have asked the courier and will update you within the hour.');
    await agent.getByRole('button', { name: '发送' }).click();
    await agent.locator('#history .from-agent .turn-text', { hasText: 'courier' }).waitFor({ timeout: 15000 });
    const inbox = await app.get('/api/app/messages?userId=app-amy&after=0');
    expect(inbox.status).toBe(200);
    expect((inbox.json.replies as { text?: string }[]).map((r) => r.text ?? '').join('\n')).toMatch(/courier/);

    // 5. the agent resolves the web chat customer; the customer rates the service in web chat
    await agent.locator('.queue-item', { hasText: webCustomer }).click();
    await agent.locator('#conversation .state-agent', { hasText: '我在接待' }).waitFor({ timeout: 15000 });
    await agent.locator('#conversation').getByRole('button', { name: '解决' }).click();
    await agent.locator('.queue-item', { hasText: webCustomer }).waitFor({ state: 'detached', timeout: 15000 });
    await customer.getByText(/1.{0,3}5/).last().waitFor({ timeout: 20000 });
    await input.fill('5');
    await input.press('Enter');
    await customer.getByText(/感谢|谢谢/).last().waitFor({ timeout: 20000 });

    // 6. the day in numbers: the API and the manager's dashboard
    let metrics: any;
    const deadline = Date.now() + 15000;
    do {
      const r = await app.get('/api/admin/metrics', admin);
      expect(r.status).toBe(200);
      metrics = r.json;
      if (metrics.csat?.responses >= 1) break;
      await new Promise((r) => setTimeout(r, 300));
    } while (Date.now() < deadline);
    expect(metrics.csat).toMatchObject({ responses: 1, average: 5 });
    expect(metrics.turns).toBeGreaterThanOrEqual(3);
    expect(metrics.conversations).toBeGreaterThanOrEqual(2);
    expect(metrics.handoffRate).toBeGreaterThan(0);
    expect(metrics.handoffReasons).toBeTruthy();

    const manager = await open(1280, 800);
    await login(manager, '/dashboard', MANAGER);
    await manager.locator('body.dash-ready').waitFor({ timeout: 20000 });
    await expect(manager.locator('.dash-tile[data-metric="csat"] .dash-tile-value').textContent()).resolves.toBe('5.00 / 5');
    await expect(manager.locator('.dash-tile[data-metric="handoffRate"] .dash-tile-value').textContent()).resolves.not.toBe('—');

    expect(problems).toEqual([]);
  }, 240000);
});
