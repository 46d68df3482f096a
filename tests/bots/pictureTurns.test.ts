/**
 * Pictures through the real app (app channel, data: URLs, real NLU, real OCR in its worker): an order
 * screenshot → that order's status; a label → the product; a complaint photo's text on the ticket; a picture
 * with nothing the shop can use → the question what it is about. Images are rendered here in Chromium.
 */
import { DEMO_ORDER_IDS } from '../../services/orders/demo/demoOrders';
import { complaintPhotoHtml, hasChromium, labelHtml, orderPageHtml, PictureRenderer, startPictureRenderer } from '../helpers/pictureRenderer';
import { EmbeddedStore } from '../../storage';
import { RunningApp, startTestApp } from '../helpers/testApp';

const maybe = hasChromium ? describe : describe.skip;
if (!hasChromium) console.warn('SKIPPED picture turn tests: /usr/bin/chromium is missing (apt-get install -y chromium fonts-wqy-microhei)');

const dataUrl = (png: Buffer, type = 'image/png') => `data:${type};base64,${png.toString('base64')}`;

maybe('pictures on the app channel', () => {
  let app: RunningApp;
  let renderer: PictureRenderer;
  let screenshot: Buffer;
  const raw = new EmbeddedStore(null);

  beforeAll(async () => {
    [app, renderer] = await Promise.all([startTestApp({ DEMO_DATA: 'true' }, { store: raw }), startPictureRenderer()]);
    screenshot = await renderer.render(orderPageHtml({ orderId: DEMO_ORDER_IDS.shipped }));
  }, 120000);

  afterAll(async () => {
    await renderer?.close();
    await app?.close(1000);
  });

  async function send(userId: string, picture: Buffer, text?: string): Promise<string[]> {
    const r = await app.post('/api/app/messages', { userId, ...(text ? { text } : {}), attachments: [{ contentType: 'image/png', contentUrl: dataUrl(picture), name: 'shot.png' }] });
    expect(r.status).toBe(200);
    return (r.json.replies as { text?: string }[]).map((a) => a.text ?? '');
  }

  it('answers a screenshot of an order page with that order status, alone or with a question', async () => {
    const alone = await send('demo', screenshot);
    expect(alone.join('\n')).toContain(DEMO_ORDER_IDS.shipped);
    expect(alone.join('\n')).toMatch(/已发货|派送中/);
    const asked = await send('demo', screenshot, '这个订单到哪了');
    expect(asked.join('\n')).toContain(DEMO_ORDER_IDS.shipped);
    expect(asked.join('\n')).toMatch(/派送中|运单号/);
  }, 90000);

  it('answers a photo of a label about that product', async () => {
    const label = await renderer.render(labelHtml({ brand: '雅诗兰黛', name: '特润修护肌活精华露', size: '50ml' }));
    const r = await app.post('/api/app/messages', { userId: 'label-fan', attachments: [{ contentType: 'image/png', contentUrl: dataUrl(label) }] });
    expect(r.status).toBe(200);
    const replies = r.json.replies as { text?: string; attachments?: { content?: { title?: string } }[] }[];
    expect(replies[0].text).toMatch(/^雅诗兰黛特润修护肌活精华露 50ml，¥1020/);
    expect(replies[0].attachments?.[0]?.content?.title).toBe('雅诗兰黛特润修护肌活精华露 50ml');
  }, 90000);

  it('keeps the text of a complaint photo on the quality ticket', async () => {
    const photo = await renderer.render(complaintPhotoHtml(['生产日期 2024-01-05', '限用日期 2025-01-04', '批号 B2401X']), { width: 390, height: 300 });
    // the photo comes with the first message, so the flow does not ask for photos: it asks for a description
    expect((await send('demo', photo, `订单${DEMO_ORDER_IDS.deliveredRecently}的精华收到就漏液了`)).join('\n')).toMatch(/描述一下问题/);
    const done = (await app.say('demo', '今天打开快递发现瓶子漏了一半')).join('\n');
    const ticketId = /工单 (T\d{8}-[0-9A-Z]{6})/.exec(done)?.[1];
    expect(done).toMatch(/照片 1 张/);
    const ticket = await app.store.collection<{ _id: string; attachments: { pictureText?: string }[] }>('tickets').findOne({ _id: ticketId! });
    expect(ticket?.attachments[0].pictureText).toMatch(/限用日期\s*2025-01-04/);
    expect(ticket?.attachments[0].pictureText).toMatch(/B2401X/);
    // personal data: on disk (the store under the encryption) the text is not in clear
    const stored = await raw.collection<{ _id: string; attachments: { pictureText?: unknown }[] }>('tickets').findOne({ _id: ticketId! });
    expect(JSON.stringify(stored)).not.toContain('B2401X');
    expect(stored?.attachments[0].pictureText).toBeDefined();
  }, 90000);

  it('asks what a picture is about when nothing on it is readable', async () => {
    const blank = await renderer.render('<html><body style="margin:0;background:linear-gradient(#fce, #9cf)"></body></html>', { width: 200, height: 200, scale: 1 });
    const replies = await send('nobody', blank);
    expect(replies.join('\n')).toMatch(/想咨询什么/);
  }, 90000);
});
