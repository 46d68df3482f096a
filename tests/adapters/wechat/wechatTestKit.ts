/** Shared by the WeChat tests: credentials, fresh signed queries (now, a new nonce) and a push helper. */
import crypto from 'node:crypto';
import { wechatSignature } from '../../../adapters/wechatKit/wechatCrypto';
import type { RunningApp } from '../../helpers/testApp';
import * as samples from './samplePayloads';

export const TOKEN = 'beautytoken2024';
export const APP_ID = 'wx1234567890abcdef';
export const APP_SECRET = 'secret-0123456789';

export const nowSeconds = () => String(Math.floor(Date.now() / 1000));
export const freshNonce = () => String(crypto.randomInt(1, 2 ** 31));

/** The query WeChat signs: signature over (token, timestamp, nonce); by default now and a new nonce. */
export function signedQuery(token: string, extra: Record<string, string> = {}, timestamp = nowSeconds(), nonce = freshNonce()) {
  return new URLSearchParams({ signature: wechatSignature(token, timestamp, nonce), timestamp, nonce, openid: 'x', ...extra }).toString();
}

export async function push(app: RunningApp, body: string, query = signedQuery(TOKEN)) {
  const res = await fetch(`${app.url}/api/wechat?${query}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body });
  return { status: res.status, text: await res.text(), type: res.headers.get('content-type') ?? '' };
}

export const withText = (content: string, msgId: string, from = 'openidA') =>
  samples.documentedText.replace('你好', content).replace('1234567890123456', msgId).replace('oia2TjjewbmiOUlr6X-1crbLOvLw', from);

export const plaintextEnv = (apiBase: string) => ({ WECHAT_TOKEN: TOKEN, WECHAT_APP_ID: APP_ID, WECHAT_APP_SECRET: APP_SECRET, WECHAT_API_BASE: apiBase });
