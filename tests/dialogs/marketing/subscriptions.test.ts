/**
 * Subscription commands in chat, on the real app: 退订 / stop / unsubscribe and 订阅 / start, confirmed
 * in the customer's language and stored (campaigns then skip the customer as opted_out); 到货提醒我 /
 * 降价提醒我 / "notify me when it's back in stock" on the product in focus stores an alert subscription.
 */
import { RunningApp, startTestApp } from '../../helpers/testApp';

describe('subscriptions in chat', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startTestApp({ DEMO_DATA: 'true' });
  }, 120_000);
  afterAll(() => app.close(1000));

  const customer = async (userId: string) => (await app.directory.find({ channelId: 'app', userId }))!;
  const replies = async (userId: string, text: string) => {
    const r = await app.post('/api/app/messages', { userId, text });
    expect(r.status).toBe(200);
    return r.json.replies as { text?: string }[];
  };

  it('zh: 退订 opts out, 订阅 opts back in, each confirmed in Chinese', async () => {
    await app.say('sub-zh', '你好');
    const id = await customer('sub-zh');
    expect(await app.say('sub-zh', '退订')).toEqual([expect.stringContaining('已为您退订营销消息')]);
    expect(await app.outreach.optOuts.isOptedOut(id)).toBe(true);
    expect(await app.say('sub-zh', '退订。')).toEqual([expect.stringContaining('已经退订过')]);
    expect(await app.say('sub-zh', '订阅')).toEqual([expect.stringContaining('已为您恢复订阅')]);
    expect(await app.outreach.optOuts.isOptedOut(id)).toBe(false);
  });

  it('en: stop and unsubscribe opt out, start opts back in, each confirmed in English', async () => {
    await app.say('sub-en', 'hello');
    const id = await customer('sub-en');
    expect(await app.say('sub-en', 'STOP')).toEqual([expect.stringContaining('You are unsubscribed')]);
    expect(await app.outreach.optOuts.isOptedOut(id)).toBe(true);
    expect(await app.say('sub-en', 'start')).toEqual([expect.stringContaining('You are subscribed again')]);
    expect(await app.outreach.optOuts.isOptedOut(id)).toBe(false);
    expect(await app.say('sub-en', 'unsubscribe')).toEqual([expect.stringContaining('You are unsubscribed')]);
    expect(await app.outreach.optOuts.isOptedOut(id)).toBe(true);
  });

  it('"stop" in the middle of a flow opts out and ends the flow', async () => {
    await app.say('sub-flow', '帮我推荐一款面霜');
    await app.say('sub-flow', 'stop');
    expect(await app.outreach.optOuts.isOptedOut(await customer('sub-flow'))).toBe(true);
    // the flow's question is not waiting any more: a greeting is answered as a greeting
    expect((await app.say('sub-flow', '你好')).join(' ')).not.toMatch(/肤质|skin type/);
  });

  it('到货提醒我 after a product question stores a restock alert for that product', async () => {
    const asked = await replies('sub-alert', '小棕瓶多少钱');
    const productId = /[?&]add=([\w-]+)/.exec(JSON.stringify(asked))?.[1];
    expect(productId).toBeDefined();
    const [confirm] = await app.say('sub-alert', '到货提醒我');
    expect(confirm).toMatch(/到货后第一时间通知您/);
    const id = await customer('sub-alert');
    expect((await app.outreach.alerts.subscriptionsFor(productId!, 'restock')).map((s) => [s.customerId, s.language])).toEqual([[id, 'zh']]);
    expect(await app.say('sub-alert', '降价提醒我')).toEqual([expect.stringMatching(/降价时第一时间通知您/)]);
    expect((await app.outreach.alerts.subscriptionsFor(productId!, 'priceDrop')).map((s) => s.customerId)).toEqual([id]);
    expect(await app.say('sub-alert', '到货提醒我')).toEqual([expect.stringContaining('已经为您登记过')]);
  });

  it('"notify me when it\'s back in stock" with nothing in focus asks which product', async () => {
    expect(await app.say('sub-none', "notify me when it's back in stock")).toEqual([expect.stringContaining('Which product')]);
    expect(await app.outreach.alerts.forCustomer(await customer('sub-none'))).toEqual([]);
  });
});
