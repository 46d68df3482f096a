/**
 * The agent console (/agent) in real headless Chromium against the real app: an admin creates an agent,
 * the agent logs in through the page, an angry app-channel customer (whose message carries a <script>)
 * shows up in the queue live, the agent claims, reads the history with the script shown as text, replies
 * with a canned response, and the customer receives it through the app inbox. Saves the screenshots the
 * README shows (docs/screenshots/agent-1280.png, agent-390.png).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { ScriptedRecognizer } from '../helpers/scriptedRecognizer';
import { ADMIN_TOKEN, RunningApp, startTestApp } from '../helpers/testApp';
import { TicketService } from '../../services/tickets';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = path.join(__dirname, '..', '..', 'docs', 'screenshots');
const hasChromium = fs.existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(`SKIPPED agent console browser tests: ${CHROMIUM} is missing (apt-get install -y chromium fonts-wqy-microhei)`);
}

const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
const ANGRY = '你们什么垃圾东西！气死了，马上给我退款 <script>window.__x=1</script>';
const CANNED = { title: '道歉安抚', text: '非常抱歉给您带来不好的体验，我是客服小美，马上为您处理。' };
const angry = { intent: 'return_refund' as const, sentiment: { label: 'negative' as const, score: 0.95, anger: 0.93 } };

(hasChromium ? describe : describe.skip)('agent console in headless Chromium', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let customerId: string;
  const problems: string[] = [];

  /** screenshots without the passing notices over the content */
  const noToasts = () => page.waitForFunction(() => (globalThis as any).document.querySelectorAll('.toast').length === 0, undefined, { timeout: 10000 });

  /** a fresh browser context logged in through the form */
  const login = async (target: Page, username: string, password: string) => {
    await target.goto(`${app.url}/agent`);
    const form = target.locator('form.staff-login');
    await form.getByLabel('用户名').fill(username);
    await form.getByLabel('密码').fill(password);
    await form.getByRole('button', { name: '登录' }).click();
    await target.locator('.staff-user-name').waitFor();
  };

  beforeAll(async () => {
    app = await startTestApp({ DEMO_DATA: 'true' }, { recognizer: new ScriptedRecognizer({ [ANGRY]: angry, 你好: 'greeting' }) });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('console', (msg) => {
      // refused requests are checked below with their address; the 401/409 ones are part of the story
      if (msg.type() === 'error' && !/^Failed to load resource/.test(msg.text())) problems.push(`console error: ${msg.text()}`);
    });
    page.on('response', (res) => {
      if (res.status() >= 500 || res.status() === 404) problems.push(`${res.status()} ${new URL(res.url()).pathname}`);
    });
  }, 60000);

  afterAll(async () => {
    await browser?.close();
    await app?.close(1000);
  });

  it('logs in, sees an angry customer arrive live, claims, reads the script as text and answers with a canned response', async () => {
    const created = await app.post('/api/admin/agents', { username: 'mei', password: 'Rose-Petal-2024!', role: 'agent', displayName: '小美' }, admin);
    expect(created.status).toBe(201);
    expect((await app.post('/api/admin/canned', CANNED, admin)).status).toBe(201);

    await page.goto(`${app.url}/agent`);
    const form = page.locator('form.staff-login');
    await form.waitFor({ timeout: 10000 });
    await expect(page.locator('#app').isHidden()).resolves.toBe(true);
    await form.getByLabel('用户名').fill('mei');
    await form.getByLabel('密码').fill('wrong password');
    await form.getByRole('button', { name: '登录' }).click();
    await page.getByText('用户名或密码不对').waitFor();
    await form.getByLabel('密码').fill('Rose-Petal-2024!');
    await form.getByRole('button', { name: '登录' }).click();

    await page.locator('.staff-user-name', { hasText: '小美' }).waitFor();
    await page.locator('.live-on').waitFor({ timeout: 10000 });
    await page.locator('#queue-list .empty').waitFor();
    await expect(page.title()).resolves.toBe('客服工作台');

    // the customer writes while the page is open: it arrives without a reload
    await app.say('zoe', ANGRY);
    customerId = (await app.directory.find({ channelId: 'app', userId: 'zoe' }))!;
    expect(customerId).toBeTruthy();
    const item = page.locator('.queue-item', { hasText: customerId });
    await item.waitFor({ timeout: 10000 });
    await expect(item.locator('.reason').textContent()).resolves.toBe('情绪激动');
    await expect(item.locator('.channel').textContent()).resolves.toBe('App');
    await expect(item.locator('.mood').textContent()).resolves.toMatch(/负面|愤怒/);
    await page.waitForFunction(() => (globalThis as any).document.title === '(1) 客服工作台');
    // the wait time ticks
    const firstWait = await item.locator('.wait').textContent();
    await page.waitForFunction((before) => (globalThis as any).document.querySelector('.queue-item .wait')?.textContent !== before, firstWait, { timeout: 5000 });

    await item.getByRole('button', { name: `认领 ${customerId}` }).click();
    await page.locator('#conversation .state-agent', { hasText: '我在接待' }).waitFor({ timeout: 10000 });
    await page.waitForFunction(() => (globalThis as any).document.title === '客服工作台');

    // the message is shown as the customer wrote it, as text: no script ran, no element was made
    const said = page.locator('#history .from-customer .turn-text', { hasText: '<script>window.__x=1</script>' });
    await said.first().waitFor({ timeout: 10000 });
    await expect(page.evaluate(() => (globalThis as any).__x)).resolves.toBeUndefined();
    await expect(page.locator('#conversation script').count()).resolves.toBe(0);
    await expect(page.locator('#history .from-bot').count()).resolves.toBeGreaterThan(0);
    await page.locator('#profile h3', { hasText: '身份' }).waitFor();

    await page.locator('#canned').selectOption({ label: CANNED.title });
    await expect(page.locator('#composer-text').inputValue()).resolves.toBe(CANNED.text);
    await page.getByRole('button', { name: '发送' }).click();
    await page.locator('#history .from-agent .turn-text', { hasText: CANNED.text }).waitFor({ timeout: 10000 });
    await expect(page.locator('#composer-text').inputValue()).resolves.toBe('');

    // the customer's app receives the agent's words (and was told an agent joined)
    const inbox = await app.get(`/api/app/messages?userId=zoe`);
    expect(inbox.status).toBe(200);
    const texts = (inbox.json.replies as { text?: string }[]).map((a) => a.text ?? '');
    expect(texts).toContain(CANNED.text);

    fs.mkdirSync(SHOTS, { recursive: true });
    await noToasts();
    await page.screenshot({ path: path.join(SHOTS, 'agent-1280.png') });
    expect(problems).toEqual([]);
  }, 90000);

  it('stacks queue and conversation on a 390 px phone without sideways scrolling', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator('#history .from-agent').first().waitFor();
    const overflow = await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth - (globalThis as any).document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const queueBox = await page.locator('#queue').boundingBox();
    const conversationBox = await page.locator('#conversation').boundingBox();
    expect(conversationBox!.y).toBeGreaterThanOrEqual(queueBox!.y + queueBox!.height - 1);
    await noToasts();
    await page.screenshot({ path: path.join(SHOTS, 'agent-390.png'), fullPage: true });
    expect(problems).toEqual([]);
  }, 30000);

  it('shows a second agent who holds the customer and refuses their claim', async () => {
    expect((await app.post('/api/admin/agents', { username: 'lin', password: 'Lotus-Leaf-2024!', role: 'agent' }, admin)).status).toBe(201);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    const other = await context.newPage();
    try {
      await login(other, 'lin', 'Lotus-Leaf-2024!');
      const item = other.locator('.queue-item', { hasText: customerId });
      await item.locator('.holder', { hasText: '由 mei 接待' }).waitFor({ timeout: 10000 });
      await expect(item.getByRole('button', { name: /认领/ }).count()).resolves.toBe(0);
      await item.click();
      await other.locator('#conversation .state-agent', { hasText: '由 mei 接待' }).waitFor();
      await expect(other.locator('#composer-send').isDisabled()).resolves.toBe(true);
      await other.getByRole('button', { name: '接管' }).click();
      await other.locator('.toast.bad', { hasText: '该客户已由 mei 接待' }).waitFor();
    } finally {
      await context.close();
    }
    const queue = await app.get('/api/agent/queue', admin);
    expect(queue.json.items.find((i: { customerId: string }) => i.customerId === customerId)).toMatchObject({ state: 'agent', agent: 'mei' });
  }, 60000);

  it('lists tickets with an SLA countdown, filters them and updates a status', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const ticket = await new TicketService(app.store).create({ customerId, type: 'quality', orderId: '1688000000000104', problem: 'leaking' });
    await page.getByRole('tab', { name: '工单' }).click();
    const row = page.locator('.ticket', { hasText: ticket._id });
    await row.waitFor({ timeout: 10000 });
    await expect(row.locator('.sla').textContent()).resolves.toMatch(/^剩 \d/);
    await row.locator('.ticket-new-status').selectOption('in_progress');
    await row.locator('.ticket-note').fill('已联系仓库核实');
    await row.getByRole('button', { name: '更新' }).click();
    await page.locator('.ticket.status-in_progress', { hasText: ticket._id }).waitFor({ timeout: 10000 });
    const listed = await app.get('/api/admin/tickets', admin);
    expect(listed.json.items.find((t: { id: string }) => t.id === ticket._id)).toMatchObject({ status: 'in_progress' });

    await page.locator('#ticket-status').selectOption('closed');
    await page.locator('#ticket-list .empty').waitFor();
    await page.locator('#ticket-status').selectOption('');
    await row.waitFor();
    await noToasts();
    await page.screenshot({ path: path.join(SHOTS, 'agent-tickets-1280.png') });
    await page.getByRole('tab', { name: '会话' }).click();
    expect(problems).toEqual([]);
  }, 30000);

  it('resolves the conversation: it leaves the queue and the customer is asked for a rating', async () => {
    await page.locator('#conversation').getByRole('button', { name: '解决' }).click();
    await page.locator('.toast.good', { hasText: '已解决' }).waitFor({ timeout: 10000 });
    await page.locator('.queue-item', { hasText: customerId }).waitFor({ state: 'detached', timeout: 10000 });
    const inbox = await app.get(`/api/app/messages?userId=zoe`);
    const texts = (inbox.json.replies as { text?: string }[]).map((a) => a.text ?? '');
    expect(texts.join('\n')).toMatch(/1.*5|满意/);

    // going online (auto-assignment) is one click in the bar
    await page.locator('.online-toggle').click();
    await page.locator('.online-toggle[aria-pressed="true"]', { hasText: '在线' }).waitFor();
    expect(problems).toEqual([]);
  }, 30000);
});
