/**
 * The elements every WeChat message push carries or may carry, on the Official Account and the Mini
 * Program alike (after parsing: values are strings), with the shape each must have. Each channel's schema
 * adds its own elements to these.
 */
import { z } from 'zod';

const ID = /^[A-Za-z0-9_-]{1,128}$/;
export const wechatText = (max: number) => z.string().max(max);
export const wechatId = () => z.string().regex(ID, 'must be 1–128 letters, digits, _ or -');

export const wechatMessageFields = {
  ToUserName: wechatId(),
  FromUserName: wechatId(),
  CreateTime: z.string().regex(/^[1-9]\d{0,11}$/, 'must be a positive number of seconds'),
  MsgType: z.string().min(1).max(32),
  MsgId: z.string().regex(/^\d{1,24}$/, 'must be digits').optional(),
  // WeChat's text limit is 2,048 bytes; the body limit (64 KB) bounds it anyway
  Content: wechatText(8192).optional(),
  PicUrl: wechatText(2048).optional(),
  MediaId: wechatText(256).optional(),
  Recognition: wechatText(8192).optional(),
  Format: wechatText(16).optional(),
  Event: wechatText(64).optional(),
};
