/**
 * A web chat customer uploads a screenshot of their order page (rendered here in Chromium) through the real
 * app's Direct Line upload, the way Web Chat sends it: the real OCR reads the order number and the bot answers
 * with that order's status, in the conversation the customer sees. The echo carries no picture bytes.
 */
import { demoOrders } from '../../../services/orders/demo/demoOrders';
import { hasChromium, orderPageHtml, PictureRenderer, startPictureRenderer } from '../../helpers/pictureRenderer';
import { RunningApp, startTestApp } from '../../helpers/testApp';

const maybe = hasChromium ? describe : describe.skip;
if (!hasChromium) console.warn('SKIPPED web chat upload turn test: /usr/bin/chromium is missing');

const SECRET = 'upload-test-directline-secret-0123456789';
const USER = 'dl_upload_customer_0001';
/** this customer's own copy of the demo orders, under numbers of their own */
const ownId = (demoId: string) => `1699${demoId.slice(4)}`;

maybe('pictures in web chat, through the real app', () => {
  let app: RunningApp;
  let renderer: PictureRenderer;

  beforeAll(async () => {
    [app, renderer] = await Promise.all([startTestApp({ DEMO_DATA: 'true', DIRECTLINE_SECRET: SECRET }), startPictureRenderer()]);
    const customerId = await app.directory.resolve({ channelId: 'webchat', userId: USER });
    await app.store.collection('orders').insertMany(demoOrders(customerId).map((o) => ({ ...o, _id: ownId(o._id) })));
  }, 120000);

  afterAll(async () => {
    await renderer?.close();
    await app?.close(1000);
  });

  it('answers an uploaded order screenshot with that order\'s status', async () => {
    const shipped = demoOrders('x').find((o) => o.status === 'shipped')!;
    const orderId = ownId(shipped._id);
    const screenshot = await renderer.render(orderPageHtml({ orderId }));

    const start = await fetch(`${app.url}/v3/directline/conversations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' },
      body: JSON.stringify({ user: { id: USER } }),
    });
    expect(start.status).toBe(201);
    const { conversationId, token } = (await start.json()) as { conversationId: string; token: string };

    const form = new FormData();
    const activity = { type: 'message', from: { id: USER }, attachments: [{ contentType: 'image/png', name: 'order.png' }] };
    form.append('activity', new Blob([JSON.stringify(activity)], { type: 'application/vnd.microsoft.activity' }));
    form.append('file', new Blob([screenshot], { type: 'image/png' }), 'order.png');
    const posted = await fetch(`${app.url}/v3/directline/conversations/${conversationId}/upload?userId=${USER}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    expect(posted.status).toBe(200);
    const { id } = (await posted.json()) as { id: string };

    // the POST answers after the turn (or after 15 s): poll the conversation for the bot's answer
    const deadline = Date.now() + 60000;
    let raw = '';
    let replies: string[] = [];
    while (Date.now() < deadline) {
      const res = await fetch(`${app.url}/v3/directline/conversations/${conversationId}/activities`, { headers: { authorization: `Bearer ${token}` } });
      raw = await res.text();
      const activities = JSON.parse(raw).activities as { id: string; text?: string; replyToId?: string; from: { role?: string } }[];
      replies = activities.filter((a) => a.from.role === 'bot' && a.replyToId === id).map((a) => a.text ?? '');
      if (replies.length > 0) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(replies.join('\n')).toContain(orderId);
    expect(replies.join('\n')).toMatch(/已发货|派送中/);
    const echo = (JSON.parse(raw).activities as { id: string; attachments?: unknown }[]).find((a) => a.id === id);
    expect(echo?.attachments).toEqual([{ contentType: 'image/png', name: 'order.png' }]);
    expect(raw).not.toContain(screenshot.toString('base64').slice(100, 160));
  }, 120000);
});
