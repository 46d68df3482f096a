/**
 * The chat page's picture button in real headless Chromium: it is shown (for pictures only) at phone and desktop
 * widths, and a picture picked with it goes through Web Chat's own Direct Line client to the upload endpoint and
 * reaches the bot with its bytes and the customer's words; the customer's bubble shows the file's name.
 */
import { Browser, chromium, Page } from 'playwright-core';
import { hasChromium, CHROMIUM } from '../../helpers/pictureRenderer';
import { startWebChatServer, WebChatServer } from './webChatServer';

if (!hasChromium) console.warn(`SKIPPED web chat upload browser test: ${CHROMIUM} is missing`);


(hasChromium ? describe : describe.skip)('picture uploads on the chat page', () => {
  let server: WebChatServer;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startWebChatServer(),
      chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] }),
    ]);
  }, 60000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** a real picture: Web Chat draws a thumbnail of it before sending */
  async function picture(): Promise<Buffer> {
    const page = await browser.newPage({ viewport: { width: 120, height: 80 } });
    await page.setContent('<body style="margin:0;background:#f783ac"><b>订单</b></body>');
    const png = await page.screenshot({ type: 'png' });
    await page.close();
    return png;
  }

  async function open(width: number): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 800 }, locale: 'zh-CN' });
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
    });
    await page.goto(`${server.url}/`);
    await page.getByText('亲，您好！', { exact: false }).first().waitFor({ timeout: 20000 });
    return page;
  }

  it('shows the picture button at 360 and 1440 px, for pictures only, inside the page', async () => {
    for (const width of [360, 1440]) {
      const page = await open(width);
      const button = page.locator('.webchat__upload-button').first();
      await button.waitFor({ state: 'visible', timeout: 10000 });
      const box = (await button.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      await expect(page.locator('input.webchat__upload-button--file-input').getAttribute('accept')).resolves.toBe('image/png,image/jpeg,image/webp');
      // nothing wider than the screen
      await expect(page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(width);
      await page.close();
    }
  }, 60000);

  it('sends a picked picture to the bot, which reads its bytes', async () => {
    const PNG = await picture();
    const page = await open(420);
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.url().slice(0, 80)} ${r.failure()?.errorText}`));
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`HTTP ${r.status()} ${r.url().slice(0, 80)}`);
    });
    await page.locator('input.webchat__upload-button--file-input').setInputFiles({ name: 'order.png', mimeType: 'image/png', buffer: PNG });
    // Web Chat keeps the picture in the send box until the customer sends it, with words of their own if they like
    const input = page.locator('[data-id="webchat-sendbox-input"]');
    await input.fill('这个订单到哪了');
    await input.press('Enter');
    await page
      .getByText(`收到图片：order.png image/png ${PNG.length}`, { exact: true })
      .first()
      .waitFor({ timeout: 20000 })
      .catch((err: Error) => {
        throw new Error(`${err.message}\n${problems.join('\n')}`);
      });
    expect(server.seen).toContain('这个订单到哪了');
    // once the echo is back, the customer's bubble names the file (the echo carries no picture to show)
    await page.locator('.webchat__fileContent__fileName', { hasText: 'order.png' }).first().waitFor({ timeout: 10000 });
    expect(problems).toEqual([]);
    await page.close();
  }, 60000);
});
