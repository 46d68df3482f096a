/**
 * Traffic for scripts/crashCycles.ts: one customer per channel message, each through the channel's
 * public contract, each remembering what was ACKNOWLEDGED (a 2xx came back) and how to check, after a
 * kill -9 and a restart, that it was not lost.
 */
import crypto from 'node:crypto';
import { wechatSignature } from '../adapters/wechatKit/wechatCrypto';
import type { FakeBotApi } from '../tests/adapters/telegram/fakeBotApi';
import type { FakeWeChatApi } from '../tests/adapters/wechat/fakeWeChatApi';
import type { ReplySink } from '../tests/helpers/replySink';

export const TG_TOKEN = '7000000001:AAH-crash-token-abcdefghijklmnop';
export const TG_SECRET = 'crash-webhook-secret-0123456789';
export const WX_TOKEN = 'crashtoken2024';
export const WX_APP_ID = 'wx00000000crash000';
export const WX_APP_SECRET = 'crash-secret-0123456789';
export const DL_SECRET = 'crash-directline-secret-0123456789abcdef';

export type Channel = 'app' | 'emulator' | 'webchat' | 'wechat' | 'telegram';

/** An acknowledged message and the check that its effect survived. */
export interface Acked {
  channel: Channel;
  what: string;
  /** resolves true when the effect is there (it may wait for a resumed turn) */
  verify(base: string): Promise<boolean>;
  /** whether the reply was already out (checked at the kill: the rest must come from the inbox) */
  answered?: () => boolean;
}

export interface Fakes {
  telegram: FakeBotApi;
  wechat: FakeWeChatApi;
  sink: ReplySink;
}

const json = { 'content-type': 'application/json' };

async function eventually(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** How long a resumed turn may take to show: the inbox lease (15 s) + a sweep + the turn. */
const RESUME_MS = 45_000;

/** App channel: "推荐" then "干皮". Acknowledged skin answer → after restart the guide no longer asks it. */
export async function appCustomer(base: string, id: string): Promise<Acked | undefined> {
  const say = (text: string) => fetch(`${base}/api/app/messages`, { method: 'POST', headers: json, body: JSON.stringify({ userId: id, text }) });
  if (!(await say('推荐')).ok) return undefined;
  const answered = await say('干皮');
  // acknowledged = a 2xx whose reply moved on to the next question (a turn that apologised changed nothing)
  if (!answered.ok || !(await answered.text()).includes('抗老')) return undefined;
  return {
    channel: 'app',
    what: `${id}: skin type answered`,
    async verify(b) {
      const r = await fetch(`${b}/api/app/messages`, { method: 'POST', headers: json, body: JSON.stringify({ userId: id, text: '推荐' }) });
      const body = (await r.json()) as { replies?: { text?: string }[] };
      const texts = (body.replies ?? []).map((a) => a.text ?? '').join(' ');
      return r.ok && !/肤质/.test(texts) && texts.length > 0;
    },
  };
}

/** Emulator: a Bot Framework activity with a loopback serviceUrl; the 2xx comes after the turn. */
export async function emulatorCustomer(base: string, fakes: Fakes, id: string): Promise<Acked | undefined> {
  const activity = {
    type: 'message',
    id: crypto.randomUUID(),
    channelId: 'emulator',
    serviceUrl: fakes.sink.url,
    from: { id, name: id, role: 'user' },
    recipient: { id: 'bot', name: 'bot', role: 'bot' },
    conversation: { id: `conv-${id}` },
    text: '你好',
    locale: 'zh-CN',
    timestamp: new Date().toISOString(),
  };
  const r = await fetch(`${base}/api/messages`, { method: 'POST', headers: json, body: JSON.stringify(activity) });
  if (!r.ok) return undefined;
  return {
    channel: 'emulator',
    what: `${id}: reply posted to the serviceUrl`,
    verify: async () => eventually(() => fakes.sink.requests.some((q) => q.url.includes(encodeURIComponent(`conv-${id}`)) || q.body?.conversation?.id === `conv-${id}`), 5000),
  };
}

/**
 * Web chat over Direct Line with the secret (server to server): "推荐" then "干皮"; the POST returns after
 * the turn. Checked like the app channel — a new "推荐" after the restart must not ask the skin type again
 * (the transcript itself is not checked: Direct Line keeps it in memory, see the report).
 */
export async function webChatCustomer(base: string, id: string): Promise<Acked | undefined> {
  const auth = { ...json, authorization: `Bearer ${DL_SECRET}` };
  const say = async (b: string, text: string): Promise<string | undefined> => {
    const started = await fetch(`${b}/v3/directline/conversations`, { method: 'POST', headers: auth, body: '{}' });
    if (!started.ok) return undefined;
    const { conversationId } = (await started.json()) as { conversationId: string };
    const url = `${b}/v3/directline/conversations/${conversationId}/activities`;
    const posted = await fetch(url, { method: 'POST', headers: auth, body: JSON.stringify({ type: 'message', from: { id }, text, locale: 'zh-CN' }) });
    if (!posted.ok) return undefined;
    const r = await fetch(url, { headers: auth });
    const { activities } = (await r.json()) as { activities: { type: string; from?: { id?: string }; text?: string }[] };
    return JSON.stringify(activities.filter((a) => a.type === 'message' && a.from?.id !== id));
  };
  if ((await say(base, '推荐')) === undefined) return undefined;
  // acknowledged = the reply moved on to the next question (a turn that apologised changed nothing)
  if (!(await say(base, '干皮'))?.includes('抗老')) return undefined;
  return {
    channel: 'webchat',
    what: `${id}: skin type answered`,
    async verify(b) {
      const reply = await say(b, '推荐');
      return reply !== undefined && reply.length > 2 && !/肤质/.test(reply);
    },
  };
}

/** WeChat: a signed push (fresh timestamp and nonce); "success" means the answer comes through the API. */
export async function wechatCustomer(base: string, fakes: Fakes, openid: string, msgId: string): Promise<Acked | undefined> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = String(crypto.randomInt(1, 2 ** 31));
  const query = new URLSearchParams({ signature: wechatSignature(WX_TOKEN, timestamp, nonce), timestamp, nonce, openid });
  const body = `<xml><ToUserName><![CDATA[gh_crash]]></ToUserName><FromUserName><![CDATA[${openid}]]></FromUserName><CreateTime>${timestamp}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[你好]]></Content><MsgId>${msgId}</MsgId></xml>`;
  const r = await fetch(`${base}/api/wechat?${query}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body });
  if (!r.ok) return undefined;
  const text = await r.text();
  if (text.includes('<Content>')) return { channel: 'wechat', what: `${openid}: passive reply`, verify: async () => true };
  return {
    channel: 'wechat',
    what: `${openid}: "success", reply through the customer-service API`,
    answered: () => fakes.wechat.sends.some((s) => s.body?.touser === openid),
    verify: async () => eventually(() => fakes.wechat.sends.some((s) => s.body?.touser === openid), RESUME_MS),
  };
}

/** Telegram: an update acknowledged with 200 must get its reply (now or resumed after the restart). */
export async function telegramCustomer(base: string, fakes: Fakes, updateId: number): Promise<Acked | undefined> {
  const chatId = 900_000_000 + updateId;
  const update = {
    update_id: updateId,
    message: { message_id: updateId, date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: 'private' }, from: { id: chatId, first_name: 'C', language_code: 'zh-hans' }, text: '你好' },
  };
  const r = await fetch(`${base}/api/telegram`, { method: 'POST', headers: { ...json, 'x-telegram-bot-api-secret-token': TG_SECRET }, body: JSON.stringify(update) });
  if (!r.ok) return undefined;
  return {
    channel: 'telegram',
    what: `update ${updateId}: reply to chat ${chatId}`,
    answered: () => fakes.telegram.calls.some((c) => c.method === 'sendMessage' && String(c.params.chat_id) === String(chatId)),
    verify: async () => eventually(() => fakes.telegram.calls.some((c) => c.method === 'sendMessage' && String(c.params.chat_id) === String(chatId)), RESUME_MS),
  };
}
