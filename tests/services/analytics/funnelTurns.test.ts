/**
 * The shopping funnel as a customer walks it on the app channel, with the real NLU and the demo store:
 * cards shown, one opened with its own button, a cart link asked for, a coupon and a gift claimed — each
 * step shows up once in GET /api/admin/metrics.
 */
import { ADMIN_TOKEN, RunningApp, startTestApp } from '../../helpers/testApp';

interface Reply {
  text?: string;
  attachments?: { content?: { buttons?: { title?: string; value?: string }[] } }[];
}

describe('shopping funnel in the dashboard figures', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startTestApp({ DEMO_DATA: 'true' });
  }, 120000);
  afterAll(() => app?.close(1000));

  const send = async (text: string): Promise<Reply[]> => {
    const r = await app.post('/api/app/messages', { userId: 'shopper', text });
    expect(r.status).toBe(200);
    return r.json.replies as Reply[];
  };

  it('counts each step the customer reached', async () => {
    const cards = await send('我是油皮，想要控油的洗面奶，100块以内');
    // the first card's "more about" button, as a customer taps it
    const buttons = cards.flatMap((a) => a.attachments ?? []).flatMap((a) => a.content?.buttons ?? []);
    const more = buttons.map((b) => String(b.value ?? b.title ?? '')).find((v) => v.startsWith('了解一下'));
    expect(more).toBeTruthy();
    await send(more!);
    expect((await send('我要买这个')).map((a) => a.text).join('\n')).toContain('cart?add=');
    await send('领券');
    await send('领取赠品');
    await send('领取赠品'); // already claimed: not a second gift

    const r = await app.get('/api/admin/metrics?channel=app', { authorization: `Bearer ${ADMIN_TOKEN}` });
    expect(r.status).toBe(200);
    expect(r.json.funnel).toEqual({ recommendationsShown: 1, cardClicks: 1, cartLinks: 1, offersClaimed: 1, giftsClaimed: 1 });
    expect(r.json.turns).toBe(6);
  }, 120000);
});
