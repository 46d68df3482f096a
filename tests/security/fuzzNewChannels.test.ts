/**
 * The fuzz suite's rule on the Mini Program, voice and live-room routes: generated hostile payloads sent
 * with valid credentials (a correct WeChat signature, a correct Twilio signature over exactly the body sent,
 * the live connector's key, the admin token) each get a 2xx or a 4xx, never a 5xx, and the process keeps
 * answering /healthz. The real app and recognizer; WeChat's servers are a local fake.
 */
import fc from 'fast-check';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { ADMIN_TOKEN, RunningApp, startTestApp } from '../helpers/testApp';
import { FakeMiniProgramApi, startFakeMiniProgramApi } from '../adapters/miniprogram/fakeMiniProgramApi';
import { MP_ACCOUNT, MP_APP_ID, MP_APP_SECRET, mpEnv, signedQuery } from '../adapters/miniprogram/miniProgramTestKit';
import { AUTH_TOKEN, PUBLIC_URL, voiceEnv } from '../adapters/voice/fakeTwilio';
import { hostileJsonBody, hostileValue } from './hostilePayloads';

const LIVE_API_KEY = 'fuzz-live-key-0123456789abcdef';
const statuses = new Map<number, number>();
const fiveHundreds: string[] = [];
let sent = 0;

describe('hostile payloads on the Mini Program, voice and live-room routes (valid credentials)', () => {
  let app: RunningApp;
  let mp: FakeMiniProgramApi;
  let seq = 0;

  beforeAll(async () => {
    mp = await startFakeMiniProgramApi(MP_APP_ID, MP_APP_SECRET);
    app = await startTestApp({ DEMO_DATA: 'true', LIVE_API_KEY, LIVE_CLUSTER_WINDOW_MS: '100', LIVE_MIN_INTERVAL_MS: '0', ...mpEnv(mp.url), ...voiceEnv() });
  }, 120_000);
  afterAll(async () => {
    await app.close(2000);
    await mp.close();
    console.log(`fuzz (new channels): ${sent} hostile requests; statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
  });

  async function send(route: string, path: string, init: RequestInit): Promise<number> {
    const res = await fetch(app.url + path, init);
    const text = await res.text();
    sent++;
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    if (res.status >= 500) fiveHundreds.push(`${route}: ${String(init.body ?? path).slice(0, 200)} → ${res.status} ${text.slice(0, 200)}`);
    if (sent % 100 === 0) expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    return res.status;
  }

  const fuzz = <T>(route: string, arbitrary: fc.Arbitrary<T>, runs: number, request: (value: T) => { path: string; init: RequestInit }) =>
    fc.assert(
      fc.asyncProperty(arbitrary, async (value) => {
        const { path, init } = request(value);
        return (await send(route, path, init)) < 500;
      }),
      { numRuns: runs, seed: 20261130, endOnFailure: true },
    );

  it('the Mini Program push (JSON, signed) and its login route', async () => {
    const push = () => ({ ToUserName: MP_ACCOUNT, FromUserName: `mp-fuzz-${seq % 5}`, CreateTime: Math.floor(Date.now() / 1000), MsgType: 'text', Content: '这款精华适合油皮吗', MsgId: String(8_000_000_000 + ++seq) });
    await fuzz('miniprogram', fc.constant(null).chain(() => hostileJsonBody(push())), 250, (body) => ({
      path: `/api/miniprogram?${new URLSearchParams(signedQuery())}`,
      init: { method: 'POST', headers: { 'content-type': 'application/json' }, body },
    }));
    await fuzz('miniprogram login', hostileJsonBody({ code: 'fuzz-code', phoneCode: 'fuzz-phone' }), 100, (body) => ({
      path: '/api/miniprogram/login',
      init: { method: 'POST', headers: { 'content-type': 'application/json' }, body },
    }));
  }, 180_000);

  it('the Twilio voice webhook (signed over exactly what is sent)', async () => {
    const field = fc.oneof(hostileValue.map((v) => (typeof v === 'string' ? v : JSON.stringify(v) ?? '')), fc.constantFrom('', '1', '#', '0', '9', '123456#', 'anonymous', '+266696687'));
    const params = fc.record({
      CallSid: fc.oneof(fc.constant(`CA${'0'.repeat(32)}`), field),
      From: fc.oneof(fc.constant('+8613900001234'), field),
      SpeechResult: fc.option(field, { nil: undefined }),
      Digits: fc.option(field, { nil: undefined }),
      Confidence: fc.option(field, { nil: undefined }),
    });
    await fuzz('voice', params, 250, (p) => {
      const form: Record<string, string> = Object.fromEntries(Object.entries({ AccountSid: 'AC0', CallStatus: 'in-progress', To: '+862161234567', ...p }).filter(([, v]) => v !== undefined)) as Record<string, string>;
      const url = `${PUBLIC_URL}/api/voice/twilio`;
      return {
        path: '/api/voice/twilio',
        init: { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': getExpectedTwilioSignature(AUTH_TOKEN, url, form) }, body: new URLSearchParams(form).toString() },
      };
    });
  }, 180_000);

  it('the live room: comments from the connector and room setup by the admin', async () => {
    const created = await app.post('/api/admin/live/rooms', { name: '模糊测试直播间', productIds: ['sk-0001', 'mk-0004'], offers: [{ text: '前10名赠小样', quota: 10 }] }, { authorization: `Bearer ${ADMIN_TOKEN}` });
    expect(created.status).toBe(201);
    const roomId = created.json.id as string;
    const bearer = { authorization: `Bearer ${LIVE_API_KEY}`, 'content-type': 'application/json' };
    const batch = { comments: [{ userId: 'fan-1', nickname: '小鹿', text: '几号链接', ts: Date.now() }, { userId: 'fan-2', nickname: 'x', text: '我的订单还没到', ts: Date.now() }] };
    await fuzz('live comments', hostileJsonBody(batch), 250, (body) => ({ path: `/api/live/rooms/${roomId}/comments`, init: { method: 'POST', headers: bearer, body } }));
    await fuzz('live reads', fc.tuple(fc.constantFrom('replies', 'private'), fc.string({ maxLength: 300 }), fc.constantFrom(roomId, '__proto__', '..%2F', 'x'.repeat(300))), 100, ([what, after, room]) => ({
      path: `/api/live/rooms/${encodeURIComponent(room)}/${what}?after=${encodeURIComponent(after)}`,
      init: { method: 'GET', headers: bearer },
    }));
    await fuzz('live rooms admin', hostileJsonBody({ name: '新场次', productIds: ['sk-0001'], faq: [{ q: '几点开播', a: '晚上八点' }], offers: [{ text: '前100名赠小样', quota: 100 }], approval: true }), 100, (body) => ({
      path: '/api/admin/live/rooms',
      init: { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' }, body },
    }));
    await app.channels.live!.flush();
  }, 180_000);

  it('never answered 5xx, and sent at least 1,000 hostile payloads', async () => {
    expect(fiveHundreds).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(1000);
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  });
});
