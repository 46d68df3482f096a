/**
 * The chat page in real headless Chromium (Debian's /usr/bin/chromium through playwright-core):
 * Microsoft's Web Chat talks to the bot through our Direct Line endpoint; the customer types, sees the
 * reply, a product card and suggested actions, taps one, and after a reload still sees the conversation —
 * because its signed HttpOnly cookie says who it is; without the cookie the conversation is not given back.
 * Saves a screenshot under tests/adapters/web/artifacts/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { startWebChatServer, WebChatServer } from './webChatServer';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = path.join(__dirname, 'artifacts');
const hasChromium = fs.existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(`SKIPPED web chat browser tests: ${CHROMIUM} is missing (apt-get install -y chromium fonts-wqy-microhei)`);
}

(hasChromium ? describe : describe.skip)('web chat page in headless Chromium', () => {
  let server: WebChatServer;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  /** a message or card text as the customer sees it (Web Chat also keeps hidden screen-reader copies) */
  const shown = (text: string) => page.getByText(text, { exact: true }).first();
  const button = (name: string) => page.getByRole('button', { name, exact: true }).filter({ visible: true }).first();

  beforeAll(async () => {
    server = await startWebChatServer();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: { width: 420, height: 820 }, locale: 'zh-CN' });
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
    });
  }, 60000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('greets, answers a typed message with a product card and suggested actions, then an adaptive card', async () => {
    await page.goto(`${server.url}/`);
    await expect(page.title()).resolves.toBe('美妆小铺 · 在线客服');
    await page.getByText('亲，您好！', { exact: false }).first().waitFor({ timeout: 20000 });

    // Web Chat's "正在连接…" goes away once the stream is up
    await page.locator('.webchat__connectivityStatus', { hasText: '正在连接' }).waitFor({ state: 'hidden', timeout: 10000 });
    const input = page.locator('[data-id="webchat-sendbox-input"]');
    await input.fill('想买口红');
    await input.press('Enter');

    await shown('为您推荐这款口红：').waitFor({ timeout: 15000 });
    await shown('玫瑰丝绒哑光唇膏 #520').waitFor();
    await shown('¥129 · 显白不拔干').waitFor();
    await page.locator('button.ac-pushButton', { hasText: '加入购物车' }).waitFor();
    // 12 suggested actions were sent; the channel shows at most 10
    await button('黄皮推荐').waitFor();
    await button('转人工').waitFor();
    await expect(page.getByRole('button', { name: '再看看' }).filter({ visible: true }).count()).resolves.toBe(0);
    const image = page.locator('img[src$="/webchat/product.svg"]').first();
    await expect(image.evaluate((img) => (img as unknown as { complete: boolean; naturalWidth: number }).complete && (img as unknown as { naturalWidth: number }).naturalWidth > 0)).resolves.toBe(true);

    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'webchat-card.png') });

    await button('黄皮推荐').click();
    await shown('收到：黄皮推荐').waitFor({ timeout: 15000 });
    expect(server.seen).toEqual(['想买口红', '黄皮推荐']);

    await input.fill('查订单');
    await input.press('Enter');
    await shown('订单 2024-0815-66').waitFor({ timeout: 15000 });
    await shown('顺丰 SF1234567890').waitFor();
    await page.locator('button.ac-pushButton', { hasText: '催一下物流' }).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'webchat-conversation.png') });
    expect(problems).toEqual([]);
  }, 60000);

  /** the page's next GET /api/webchat/token answer */
  const nextSession = () =>
    page
      .waitForResponse((r) => r.url().includes('/api/webchat/token'), { timeout: 20000 })
      .then((r) => r.json() as Promise<{ userId: string; conversationId: string }>);

  it('keeps the same customer and shows the conversation again after a reload, through its cookie', async () => {
    const cookies = await page.context().cookies();
    const visitor = cookies.find((c) => c.name === 'webchat_visitor');
    expect(visitor).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/webchat', secure: false });
    const userId = visitor!.value.split('.')[0];
    expect(userId).toMatch(/^dl_[A-Za-z0-9_-]{22}$/);
    // the page itself keeps no user id
    await expect(page.evaluate(() => JSON.stringify((globalThis as any).localStorage))).resolves.not.toContain('dl_');
    const conversationId = await page.evaluate(() => (globalThis as any).sessionStorage.getItem('beautybot.webchat.conversationId') as string);

    const session = nextSession();
    await page.reload();
    await expect(session).resolves.toEqual(expect.objectContaining({ userId, conversationId }));
    await shown('玫瑰丝绒哑光唇膏 #520').waitFor({ timeout: 20000 });
    await shown('收到：黄皮推荐').waitFor();
    await shown('订单 2024-0815-66').waitFor();
    const input = page.locator('[data-id="webchat-sendbox-input"]');
    await input.fill('还在吗');
    await input.press('Enter');
    await shown('收到：还在吗').waitFor({ timeout: 15000 });
    expect(await server.directory.find({ channelId: 'webchat', userId })).toBeDefined();
    expect(problems).toEqual([]);
  }, 60000);

  it('does not give the conversation back to a browser without the cookie, even with its conversation id', async () => {
    const before = await page.evaluate(() => (globalThis as any).sessionStorage.getItem('beautybot.webchat.conversationId') as string);
    await page.context().clearCookies();
    const session = nextSession();
    await page.reload();
    const fresh = await session;
    expect(fresh.conversationId).not.toBe(before);
    await page.getByText('亲，您好！', { exact: false }).first().waitFor({ timeout: 20000 });
    await expect(page.getByText('收到：还在吗', { exact: true }).count()).resolves.toBe(0);
    expect(problems).toEqual([]);
  }, 60000);
});
