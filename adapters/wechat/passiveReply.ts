/**
 * Passive replies: the XML answered in the HTTP response to WeChat's push (one message), encrypted
 * into the safe-mode envelope when the push was encrypted.
 */
import crypto from 'node:crypto';
import type { WeChatMessage } from './render';
import { WeChatCipher, wechatSignature } from '../wechatKit/wechatCrypto';
import { buildXml } from '../wechatKit/wechatXml';

export function passiveXml(message: WeChatMessage, openid: string, account: string, nowSeconds: number): string {
  const head = { ToUserName: openid, FromUserName: account, CreateTime: nowSeconds };
  if (message.type === 'text') return buildXml({ ...head, MsgType: 'text', Content: message.content });
  const { title, description, picurl, url } = message.article;
  return buildXml({
    ...head,
    MsgType: 'news',
    ArticleCount: 1,
    Articles: [{ Title: title, Description: description, PicUrl: picurl, Url: url }],
  });
}

export interface Envelope {
  cipher: WeChatCipher;
  token: string;
}

/** The safe-mode reply: <xml><Encrypt/><MsgSignature/><TimeStamp/><Nonce/></xml>. */
export function encryptedEnvelope(xml: string, envelope: Envelope, nowSeconds: number, nonce = crypto.randomBytes(6).toString('hex')): string {
  const encrypted = envelope.cipher.encrypt(xml);
  const timestamp = String(nowSeconds);
  return buildXml({
    Encrypt: encrypted,
    MsgSignature: wechatSignature(envelope.token, timestamp, nonce, encrypted),
    TimeStamp: nowSeconds,
    Nonce: nonce,
  });
}
