/**
 * Hostile input on every inbound route, with valid credentials: thousands of generated payloads
 * (fast-check) must each get a 2xx or a 4xx — never a 5xx — and the process must keep answering
 * /healthz throughout. The real app, the real recognizer and real adapters; only WeChat's and
 * Telegram's own servers are local fakes.
 */
import crypto from 'node:crypto';
import fc from 'fast-check';
import { wechatSignature } from '../../adapters/wechatKit/wechatCrypto';
import { startFakeBotApi, FakeBotApi } from '../adapters/telegram/fakeBotApi';
import { BOT_TOKEN, SECRET as TELEGRAM_SECRET } from '../adapters/telegram/telegramHelpers';
import { textUpdate } from '../adapters/telegram/sampleUpdates';
import { FakeWeChatApi, startFakeWeChatApi } from '../adapters/wechat/fakeWeChatApi';
import { startReplySink, ReplySink } from '../helpers/replySink';
import { ADMIN_TOKEN, RunningApp, startTestApp } from '../helpers/testApp';
import { hostileJsonBody, hostileValue, hostileWeChatXml } from './hostilePayloads';

const WECHAT_TOKEN = 'fuzztoken2024';
const WECHAT_APP_ID = 'wx00000000fuzz0000';
const WECHAT_APP_SECRET = 'fuzz-secret-0123456789';
const APP_API_KEY = 'fuzz-app-key-0123456789abcdef';
const DIRECTLINE_SECRET = 'fuzz-directline-secret-0123456789abcdef';

interface Tally {
  sent: number;
  byStatus: Map<number, number>;
  fiveHundreds: { route: string; status: number; body: string }[];
}

const tally: Tally = { sent: 0, byStatus: new Map(), fiveHundreds: [] };

describe('hostile payloads on every inbound route (valid credentials)', () => {
  let app: RunningApp;
  let telegram: FakeBotApi;
  let wechat: FakeWeChatApi;
  let sink: ReplySink;
  let seq = 0;
  const next = () => ++seq;

  beforeAll(async () => {
    telegram = await startFakeBotApi(BOT_TOKEN);
    wechat = await startFakeWeChatApi(WECHAT_APP_ID, WECHAT_APP_SECRET);
    sink = await startReplySink();
    app = await startTestApp({
      APP_API_KEY,
      DIRECTLINE_SECRET,
      TELEGRAM_BOT_TOKEN: BOT_TOKEN,
      TELEGRAM_WEBHOOK_SECRET: TELEGRAM_SECRET,
      TELEGRAM_API_ROOT: telegram.url,
      WECHAT_TOKEN,
      WECHAT_APP_ID,
      WECHAT_APP_SECRET,
      WECHAT_API_BASE: wechat.url,
      WECHAT_REPLY_DEADLINE_MS: '300',
    });
  }, 60000);

  afterAll(async () => {
    await app.close(2000);
    await Promise.all([telegram.close(), wechat.close(), sink.close()]);
    console.log(`fuzz: ${tally.sent} hostile requests; statuses ${JSON.stringify(Object.fromEntries(tally.byStatus))}`);
  });

  /** Sends one request and records its status; a 5xx is kept with what caused it. */
  async function send(route: string, init: RequestInit & { path: string }): Promise<number> {
    const res = await fetch(app.url + init.path, init);
    const text = await res.text();
    tally.sent++;
    tally.byStatus.set(res.status, (tally.byStatus.get(res.status) ?? 0) + 1);
    if (res.status >= 500) tally.fiveHundreds.push({ route, status: res.status, body: String(init.body ?? init.path).slice(0, 300) + ` → ${text.slice(0, 200)}` });
    if (tally.sent % 100 === 0) expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    return res.status;
  }

  const json = (extra: Record<string, string> = {}) => ({ 'content-type': 'application/json', ...extra });

  async function fuzz<T>(route: string, arbitrary: fc.Arbitrary<T>, runs: number, request: (value: T) => RequestInit & { path: string }) {
    await fc.assert(
      fc.asyncProperty(arbitrary, async (value) => {
        const status = await send(route, request(value));
        return status < 500;
      }),
      { numRuns: runs, seed: 20261129, endOnFailure: true },
    );
  }

  it('the app channel', async () => {
    const base = { userId: 'fuzz-app-user', text: '你好', locale: 'zh-CN', attachments: [{ contentType: 'image/png', contentUrl: 'data:image/png;base64,iVBORw0KGgo=' }] };
    await fuzz('app', hostileJsonBody(base), 350, (body) => ({ path: '/api/app/messages', method: 'POST', headers: json({ authorization: `Bearer ${APP_API_KEY}` }), body }));
  }, 180000);

  it('the Bot Framework endpoint (Emulator mode)', async () => {
    const base = {
      type: 'message',
      id: 'act1',
      channelId: 'emulator',
      serviceUrl: sink.url,
      conversation: { id: 'fuzz-conv' },
      from: { id: 'fuzz-emulator-user', name: 'u' },
      recipient: { id: 'bot' },
      text: '推荐一款面霜',
      locale: 'zh-CN',
    };
    await fuzz('botframework', hostileJsonBody(base), 350, (body) => ({ path: '/api/messages', method: 'POST', headers: json(), body }));
  }, 180000);

  it('the Direct Line endpoint and the web chat token route', async () => {
    const started = await fetch(`${app.url}/v3/directline/conversations`, { method: 'POST', headers: { authorization: `Bearer ${DIRECTLINE_SECRET}` } });
    expect(started.status).toBeLessThan(300);
    const { conversationId } = (await started.json()) as { conversationId: string };
    const auth = { authorization: `Bearer ${DIRECTLINE_SECRET}` };
    const base = { type: 'message', from: { id: 'dl_fuzz' }, text: '你好', locale: 'zh-CN', channelData: { a: 1 }, value: { b: 2 } };
    await fuzz('directline activities', hostileJsonBody(base), 300, (body) => ({
      path: `/v3/directline/conversations/${encodeURIComponent(conversationId)}/activities`,
      method: 'POST',
      headers: json(auth),
      body,
    }));
    await fuzz('directline misc', fc.tuple(fc.constantFrom('tokens/generate', 'conversations', 'tokens/refresh'), hostileJsonBody({ user: { id: 'dl_x' } })), 100, ([path, body]) => ({
      path: `/v3/directline/${path}`,
      method: 'POST',
      headers: json(auth),
      body,
    }));
    await fuzz('directline reads', fc.tuple(fc.string({ maxLength: 300 }), fc.string({ maxLength: 40 })), 50, ([id, watermark]) => ({
      path: `/v3/directline/conversations/${encodeURIComponent(id)}/activities?watermark=${encodeURIComponent(watermark)}`,
      method: 'GET',
      headers: auth,
    }));
    await fuzz('webchat token', fc.dictionary(fc.constantFrom('userId', 'conversationId', 'userToken', 'locale', '__proto__'), fc.string({ maxLength: 400 })), 100, (query) => ({
      path: `/api/webchat/token?${new URLSearchParams(query as Record<string, string>).toString()}`,
      method: 'GET',
      headers: { cookie: `dl_visitor=${crypto.randomBytes(8).toString('hex')}` },
    }));
  }, 240000);

  it('the WeChat Official Account endpoint (plaintext, signed)', async () => {
    const signed = () => {
      const timestamp = String(Math.floor(Date.now() / 1000));
      const nonce = String(next());
      return new URLSearchParams({ signature: wechatSignature(WECHAT_TOKEN, timestamp, nonce), timestamp, nonce, openid: 'fuzz' }).toString();
    };
    const xml = hostileWeChatXml(
      () => `ofuzz${next() % 7}`,
      () => String(9_000_000_000 + next()),
    );
    await fuzz('wechat', xml, 400, (body) => ({ path: `/api/wechat?${signed()}`, method: 'POST', headers: { 'content-type': 'text/xml' }, body }));
  }, 180000);

  it('the Telegram webhook (with the secret)', async () => {
    const body = fc.oneof(
      { weight: 8, arbitrary: fc.nat().chain((n) => hostileJsonBody(textUpdate(1_000_000 + n, '推荐一款面霜') as unknown as Record<string, unknown>)) },
      {
        weight: 2,
        arbitrary: hostileValue.map((v) => JSON.stringify({ update_id: 2_000_000 + next(), message: { message_id: 1, date: 1, chat: { id: 1, type: 'private' }, from: { id: 1, first_name: 'x', language_code: v }, photo: [null, 1, 'x', v], caption: v } })),
      },
    );
    await fuzz('telegram', body, 350, (payload) => ({ path: '/api/telegram', method: 'POST', headers: json({ 'x-telegram-bot-api-secret-token': TELEGRAM_SECRET }), body: payload }));
  }, 180000);

  it('the admin API (with the admin token)', async () => {
    const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
    const link = { a: { channelId: 'app', userId: 'fuzz-a' }, b: { channelId: 'telegram', userId: 'fuzz-b' } };
    await fuzz('admin link', hostileJsonBody(link), 120, (body) => ({ path: '/api/admin/customers/link', method: 'POST', headers: json(auth), body }));
    const id = fc.oneof(fc.string({ maxLength: 300 }), fc.constantFrom('__proto__', 'constructor', '..%2F..%2Fetc', '%00', 'c_'.padEnd(400, 'x')));
    await fuzz('admin reads', fc.tuple(fc.constantFrom('/api/admin/customers/', '/api/admin/handoffs/', '/api/admin/tickets?status='), id), 130, ([prefix, value]) => ({
      path: prefix.endsWith('/') ? `${prefix}${encodeURIComponent(value)}` : `${prefix}${encodeURIComponent(value)}`,
      method: 'GET',
      headers: auth,
    }));
  }, 180000);

  it('never answered 5xx, and sent at least 2,000 hostile payloads', async () => {
    expect(tally.fiveHundreds).toEqual([]);
    expect(tally.sent).toBeGreaterThanOrEqual(2000);
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  });
});
