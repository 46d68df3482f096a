/**
 * Shared by the Mini Program tests: credentials, pushes as WeChat documents them (客服消息 "接收消息":
 * text, image, miniprogrampage, the user_enter_tempsession event) in JSON and XML, and a push helper that
 * signs the query now with a fresh nonce and, in safe mode, wraps the message in the encrypted envelope.
 */
import crypto from 'node:crypto';
import { WeChatCipher, wechatSignature } from '../../../adapters/wechatKit/wechatCrypto';
import { buildXml } from '../../../adapters/wechatKit/wechatXml';

export const MP_TOKEN = 'miniprogramtoken2024';
export const MP_APP_ID = 'wxmini0123456789ab';
export const MP_APP_SECRET = 'mp-secret-0123456789';
export const MP_AES_KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
export const MP_ACCOUNT = 'gh_mini_account';

export type Format = 'json' | 'xml';
export type Push = Record<string, string | number>;

let seq = 0;
/** a fresh MsgId above 2^53, as WeChat's are (a double would round it) */
export const msgId = () => `${9_007_199_254_740_993n + BigInt(++seq)}`;
const now = () => Math.floor(Date.now() / 1000);

export const textPush = (openid: string, content: string, id = msgId()): Push => ({ ToUserName: MP_ACCOUNT, FromUserName: openid, CreateTime: now(), MsgType: 'text', Content: content, MsgId: id });
export const imagePush = (openid: string, mediaId: string, id = msgId()): Push => ({
  ToUserName: MP_ACCOUNT,
  FromUserName: openid,
  CreateTime: now(),
  MsgType: 'image',
  PicUrl: 'https://mmbiz.qpic.cn/mmbiz_jpg/sample/0',
  MediaId: mediaId,
  MsgId: id,
});
export const pagePush = (openid: string, title: string, pagePath: string, id = msgId()): Push => ({
  ToUserName: MP_ACCOUNT,
  FromUserName: openid,
  CreateTime: now(),
  MsgType: 'miniprogrampage',
  MsgId: id,
  Title: title,
  AppId: MP_APP_ID,
  PagePath: pagePath,
  ThumbUrl: 'https://mmbiz.qpic.cn/thumb/0',
  ThumbMediaId: 'thumb_media_sample',
});
export const voicePush = (openid: string, recognition: string | undefined, mediaId = 'voice_media_1', id = msgId()): Push => ({
  ToUserName: MP_ACCOUNT,
  FromUserName: openid,
  CreateTime: now(),
  MsgType: 'voice',
  MediaId: mediaId,
  Format: 'amr',
  ...(recognition ? { Recognition: recognition } : {}),
  MsgId: id,
});
export const enterPush = (openid: string, createTime = now()): Push => ({ ToUserName: MP_ACCOUNT, FromUserName: openid, CreateTime: createTime, MsgType: 'event', Event: 'user_enter_tempsession', SessionFrom: 'product-page' });

export function encode(push: Push | Record<string, unknown>, format: Format): string {
  return format === 'json' ? JSON.stringify(push) : buildXml(push as Record<string, unknown>);
}

/** The query WeChat signs: signature over (token, timestamp, nonce), now and a fresh nonce by default. */
export function signedQuery(token = MP_TOKEN, extra: Record<string, string> = {}, timestamp = String(now()), nonce = String(crypto.randomInt(1, 2 ** 31))) {
  return { signature: wechatSignature(token, timestamp, nonce), timestamp, nonce, ...extra };
}

export interface PushOptions {
  format?: Format;
  /** wrap in the safe-mode envelope (the app must run with MP_AES_KEY) */
  safe?: boolean;
  token?: string;
  /** the raw body as sent (overrides the encoded push) */
  body?: string;
}

export async function pushTo(baseUrl: string, push: Push | undefined, o: PushOptions = {}) {
  const format = o.format ?? 'json';
  let body = o.body ?? encode(push!, format);
  let query: Record<string, string> = signedQuery(o.token);
  if (o.safe) {
    const encrypted = new WeChatCipher(MP_AES_KEY, MP_APP_ID).encrypt(body);
    query = { ...query, encrypt_type: 'aes', msg_signature: wechatSignature(o.token ?? MP_TOKEN, query.timestamp, query.nonce, encrypted) };
    body = encode({ ToUserName: MP_ACCOUNT, Encrypt: encrypted }, format);
  }
  const res = await fetch(`${baseUrl}/api/miniprogram?${new URLSearchParams(query)}`, {
    method: 'POST',
    headers: { 'content-type': format === 'json' ? 'application/json' : 'text/xml' },
    body,
  });
  return { status: res.status, text: await res.text() };
}

export const mpEnv = (apiBase: string, extra: Record<string, string> = {}) => ({
  MINIPROGRAM_APP_ID: MP_APP_ID,
  MINIPROGRAM_APP_SECRET: MP_APP_SECRET,
  MINIPROGRAM_TOKEN: MP_TOKEN,
  MINIPROGRAM_API_BASE: apiBase,
  ...extra,
});
