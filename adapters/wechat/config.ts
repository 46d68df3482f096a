/**
 * WeChat Official Account keys. The channel is on when WECHAT_TOKEN is set; it then also needs the
 * app id and secret (customer-service messages and safe-mode decryption check the app id).
 */
import { z } from 'zod';
import { optionalString } from '../../platform/configFields';

/** `KEY=` (empty) means "use the default", as in .env.example */
const emptyAsUnset = <T extends z.ZodTypeAny>(schema: T) => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema);

export const wechatConfigSchema = z.object({
  /** The Token entered in the Official Account's server configuration (signature check). */
  WECHAT_TOKEN: optionalString.pipe(z.string().regex(/^[A-Za-z0-9]{3,32}$/, 'must be 3–32 letters or digits, as WeChat requires').optional()),
  WECHAT_APP_ID: optionalString,
  WECHAT_APP_SECRET: optionalString,
  /** EncodingAESKey (43 characters). Set → safe mode (encrypted messages). */
  WECHAT_ENCODING_AES_KEY: optionalString.pipe(z.string().regex(/^[A-Za-z0-9]{43}$/, 'must be the 43-character EncodingAESKey').optional()),
  WECHAT_API_BASE: emptyAsUnset(z.string().url().default('https://api.weixin.qq.com')),
  /** How long a turn may take and still be answered in the HTTP response (WeChat waits 5 s). */
  WECHAT_REPLY_DEADLINE_MS: emptyAsUnset(z.coerce.number().int().min(10).max(4900).default(4500)),
});

export type WeChatConfigKeys = z.infer<typeof wechatConfigSchema>;

export interface WeChatSettings {
  token: string;
  appId: string;
  appSecret: string;
  encodingAesKey?: string;
  apiBase: string;
  replyDeadlineMs: number;
}

/** The channel's settings, or undefined when the channel is off. Throws naming the missing key. */
export function wechatSettings(config: WeChatConfigKeys): WeChatSettings | undefined {
  if (!config.WECHAT_TOKEN) return undefined;
  const missing = (['WECHAT_APP_ID', 'WECHAT_APP_SECRET'] as const).filter((k) => !config[k]);
  if (missing.length > 0) throw new Error(`invalid configuration: ${missing.join(', ')} required when WECHAT_TOKEN is set`);
  return {
    token: config.WECHAT_TOKEN,
    appId: config.WECHAT_APP_ID as string,
    appSecret: config.WECHAT_APP_SECRET as string,
    encodingAesKey: config.WECHAT_ENCODING_AES_KEY,
    apiBase: config.WECHAT_API_BASE.replace(/\/+$/, ''),
    replyDeadlineMs: config.WECHAT_REPLY_DEADLINE_MS,
  };
}
