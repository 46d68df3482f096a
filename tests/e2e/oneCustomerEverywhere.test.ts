/**
 * One customer across the three newest entry points, on one real app with the real NLU and the demo store:
 * a viewer asks about their order in the live room and gets a private follow-up with a link code; they send
 * the code in the Mini Program (the same customer now) and verify their phone there through WeChat's phone
 * button; then they call the store, and the caller's number, proven by Twilio's signature, is that same
 * customer, whose order the bot reads out. An agent opening the customer sees one history with all three
 * channels in it.
 */
import { MINIPROGRAM_INBOX } from '../../adapters/miniprogram';
import { OrderService } from '../../services/orders';
import { demoOrders } from '../../services/orders/demo/demoOrders';
import { ADMIN_TOKEN, RunningApp, startTestApp } from '../helpers/testApp';
import { waitUntil } from '../adapters/contract/channelDriver';
import { createRoom, LIVE_API_KEY, privateMessages, sendComments, settled } from '../adapters/live/liveKit';
import { FakeMiniProgramApi, startFakeMiniProgramApi } from '../adapters/miniprogram/fakeMiniProgramApi';
import { MP_APP_ID, MP_APP_SECRET, mpEnv, Push, pushTo, textPush } from '../adapters/miniprogram/miniProgramTestKit';
import { spoken, TwilioCall, voiceEnv } from '../adapters/voice/fakeTwilio';

const PHONE = '13912345678';

describe('one customer: live room → Mini Program → phone call → one history for the agent', () => {
  let app: RunningApp;
  let mp: FakeMiniProgramApi;
  beforeAll(async () => {
    mp = await startFakeMiniProgramApi(MP_APP_ID, MP_APP_SECRET);
    app = await startTestApp({ DEMO_DATA: 'true', LIVE_API_KEY, LIVE_CLUSTER_WINDOW_MS: '60000', LIVE_MIN_INTERVAL_MS: '0', ...mpEnv(mp.url), ...voiceEnv() });
  }, 120_000);
  afterAll(async () => {
    await app.close(1000);
    await mp.close();
  });

  /** a Mini Program message, and the texts the customer received for it once it is done */
  const inMiniProgram = async (openid: string, push: Push) => {
    const before = mp.sends.length;
    expect((await pushTo(app.url, push)).text).toBe('success');
    await waitUntil('the Mini Program message to be done', async () => (await app.store.collection<{ _id: string; status: string }>(MINIPROGRAM_INBOX).findOne({ _id: `m:${push.MsgId}` }))?.status === 'done');
    return mp
      .sendsTo(openid, before)
      .map((s) => s.body.text?.content ?? s.body.link?.title ?? s.body.miniprogrampage?.title ?? '')
      .join('\n');
  };

  it('is one customer on all three, and the agent sees one history', async () => {
    // 1. the live room: a private question about an order gets a private follow-up and a link code
    const roomId = await createRoom(app, { name: '周末护肤专场', productIds: ['sk-0001', 'sk-0003'] });
    await sendComments(app, roomId, [{ userId: 'fan-88', nickname: '小鹿', text: '我上周买的东西怎么还没到，帮我查下订单' }]);
    await settled(app);
    const viewerCustomer = await liveCustomer(app);
    await new OrderService(app.store).insert(demoOrders(viewerCustomer).map((o) => ({ ...o, _id: `7301${o._id.slice(4)}` })));
    const followUp = (await privateMessages(app, roomId)).filter((m) => m.userId === 'fan-88');
    expect(followUp.length).toBeGreaterThan(0);
    const code = /绑定 (\d{6})/.exec(followUp.map((m) => m.text).join('\n'))?.[1];
    expect(code).toBeDefined();

    // 2. the Mini Program: the code joins the openid to the viewer; the phone button proves the number
    const openid = 'mp-fan-88';
    expect(await inMiniProgram(openid, textPush(openid, `绑定 ${code}`))).toMatch(/绑定成功|已关联|关联成功/);
    expect(await app.directory.find({ channelId: 'miniprogram', userId: openid })).toBe(viewerCustomer);
    mp.loginCodes.set('login-88', { openid });
    mp.phoneCodes.set('phone-88', { purePhoneNumber: PHONE, countryCode: '86' });
    const login = await app.post('/api/miniprogram/login', { code: 'login-88', phoneCode: 'phone-88' });
    expect(login.status).toBe(200);
    expect(login.json.linked).toContain('phone');
    expect(JSON.stringify(login.json)).not.toContain(PHONE);
    expect(await inMiniProgram(openid, textPush(openid, '你们的退货政策是什么'))).toMatch(/退/);

    // 3. the phone: the caller's number is the customer who verified it in the Mini Program
    const call = new TwilioCall(app, `+86${PHONE}`);
    expect(spoken(await call.start())).toMatch(/您好/);
    const heard = spoken(await call.speak('我的订单到哪了'));
    // the order seeded for the viewer, its number read out one digit at a time
    expect(heard).toMatch(/订单 7 3 0 1/);
    expect(heard).toMatch(/已发货|派送中/);
    expect(heard).not.toMatch(/https?:|¥/);
    const voiceCustomer = await waitForVoiceCustomer(app);
    expect(voiceCustomer).toBe(viewerCustomer);

    // 4. the agent opens the customer: one history, every channel in it
    const agent = await agentLogin(app);
    const r = await app.get(`/api/agent/conversations/${viewerCustomer}`, agent);
    expect(r.status).toBe(200);
    const history = r.json.history as { from: string; channelId?: string; text: string }[];
    const channels = new Set(history.filter((e) => e.from === 'customer').map((e) => e.channelId));
    expect([...channels].sort()).toEqual(expect.arrayContaining(['live', 'miniprogram', 'voice']));
    expect(history.some((e) => e.from === 'customer' && e.text.includes('帮我查下订单'))).toBe(true);
    expect(history.some((e) => e.from === 'customer' && e.text.includes('我的订单到哪了'))).toBe(true);
    // the customer called last: an agent's reply cannot ring them back, and the console is told why
    expect(await app.delivery.deliver(viewerCustomer, { text: '您好，我是小林', kind: 'agent', agentName: '小林' })).toEqual({ channelId: 'voice', delivered: false, reason: 'voice_call_ended' });
  }, 180_000);

  it('an agent’s reply to a viewer who wrote last in the live room goes to their private messages', async () => {
    const roomId = await createRoom(app, { name: '彩妆夜', productIds: ['mk-0004'] });
    await sendComments(app, roomId, [{ userId: 'fan-99', text: '我要投诉，收到的口红断了', private: true }]);
    await settled(app);
    const customerId = (await app.directory.find({ channelId: 'live', userId: (await liveViewerIds(app)).find((id) => id.endsWith(':fan-99'))! }))!;
    expect(await app.delivery.deliver(customerId, { text: '您好，我是小林，马上为您处理', kind: 'agent', agentName: '小林' })).toEqual({ channelId: 'live', delivered: true });
    const mine = (await privateMessages(app, roomId)).filter((m) => m.userId === 'fan-99');
    expect(mine.map((m) => m.text)).toContain('您好，我是小林，马上为您处理');
  }, 60_000);
});

async function liveViewerIds(app: RunningApp): Promise<string[]> {
  return (await app.store.collection<{ _id: string; channelId: string; userId: string }>('identities').find({ channelId: 'live' })).map((d) => d.userId);
}

/** the customer behind the only live viewer identity so far */
async function liveCustomer(app: RunningApp): Promise<string> {
  const docs = (await app.store.collection<{ _id: string; channelId: string; userId: string; customerId: string }>('identities').find({ channelId: 'live' })).filter((d) => d.userId.endsWith(':fan-88'));
  if (docs.length !== 1) throw new Error(`expected one live viewer, found ${docs.length}`);
  return docs[0].customerId;
}

async function waitForVoiceCustomer(app: RunningApp): Promise<string> {
  const docs = await app.store.collection<{ _id: string; channelId: string; customerId: string }>('identities').find({ channelId: 'voice' });
  if (docs.length !== 1) throw new Error(`expected one caller, found ${docs.length}`);
  return app.directory.current(docs[0].customerId);
}

/** an agent account and its login: the cookie and CSRF token the console sends */
async function agentLogin(app: RunningApp): Promise<Record<string, string>> {
  const password = 'toner-and-tea-at-nine-42';
  expect((await app.post('/api/admin/agents', { username: 'lin', password, role: 'agent', displayName: '小林' }, { authorization: `Bearer ${ADMIN_TOKEN}` })).status).toBe(201);
  const res = await fetch(`${app.url}/api/agent/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'lin', password }) });
  expect(res.status).toBe(200);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0], 'x-csrf-token': csrfToken };
}
