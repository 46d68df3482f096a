/**
 * WeChat Mini Program keys. The channel is on when MINIPROGRAM_APP_ID, MINIPROGRAM_APP_SECRET and
 * MINIPROGRAM_TOKEN are all set; setting only some of them is a startup error naming the missing ones
 * (a half-configured channel would silently drop customers' messages).
 */
import { z } from 'zod';
import { optionalString } from '../../platform/configFields';

/** `KEY=` (empty) means "use the default", as in .env.example */
const emptyAsUnset = <T extends z.ZodTypeAny>(schema: T) => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema);

export const miniProgramConfigSchema = z.object({
  MINIPROGRAM_APP_ID: optionalString,
  MINIPROGRAM_APP_SECRET: optionalString,
  /** The Token entered under 开发管理 → 消息推送 (signature check). */
  MINIPROGRAM_TOKEN: optionalString.pipe(z.string().regex(/^[A-Za-z0-9]{3,32}$/, 'must be 3–32 letters or digits, as WeChat requires').optional()),
  /** EncodingAESKey (43 characters). Set → safe mode (encrypted pushes). */
  MINIPROGRAM_ENCODING_AES_KEY: optionalString.pipe(z.string().regex(/^[A-Za-z0-9]{43}$/, 'must be the 43-character EncodingAESKey').optional()),
  MINIPROGRAM_API_BASE: emptyAsUnset(z.string().url().default('https://api.weixin.qq.com')),
  /** The data format chosen in 消息推送; pushes in the other format are accepted too. */
  MINIPROGRAM_DATA_FORMAT: emptyAsUnset(z.enum(['json', 'xml']).default('json')),
  /** Subscription-message template for campaign messages (needs a {{thing1.DATA}} field). */
  MINIPROGRAM_TEMPLATE_ID: optionalString,
  /** The product page of the Mini Program, `{id}` standing for the product id: product cards open it. */
  MINIPROGRAM_PRODUCT_PAGE: optionalString.pipe(z.string().max(256).regex(/\{id\}/, 'must contain {id}').optional()),
  /** A JPG/PNG file shown as the product page card's picture (uploaded to WeChat as temporary media). */
  MINIPROGRAM_CARD_THUMB: optionalString,
});

export type MiniProgramConfigKeys = z.infer<typeof miniProgramConfigSchema>;

export interface MiniProgramSettings {
  appId: string;
  appSecret: string;
  token: string;
  encodingAesKey?: string;
  apiBase: string;
  dataFormat: 'json' | 'xml';
  templateId?: string;
  productPage?: string;
  cardThumb?: string;
}

const REQUIRED = ['MINIPROGRAM_APP_ID', 'MINIPROGRAM_APP_SECRET', 'MINIPROGRAM_TOKEN'] as const;

/** The channel's settings, or undefined when the channel is off. Throws naming the missing keys. */
export function miniProgramSettings(config: MiniProgramConfigKeys): MiniProgramSettings | undefined {
  const missing = REQUIRED.filter((k) => !config[k]);
  if (missing.length === REQUIRED.length) return undefined;
  if (missing.length > 0) throw new Error(`invalid configuration: ${missing.join(', ')} required for the Mini Program channel (${REQUIRED.join(', ')} go together)`);
  return {
    appId: config.MINIPROGRAM_APP_ID as string,
    appSecret: config.MINIPROGRAM_APP_SECRET as string,
    token: config.MINIPROGRAM_TOKEN as string,
    encodingAesKey: config.MINIPROGRAM_ENCODING_AES_KEY,
    apiBase: config.MINIPROGRAM_API_BASE.replace(/\/+$/, ''),
    dataFormat: config.MINIPROGRAM_DATA_FORMAT,
    templateId: config.MINIPROGRAM_TEMPLATE_ID,
    productPage: config.MINIPROGRAM_PRODUCT_PAGE,
    cardThumb: config.MINIPROGRAM_CARD_THUMB,
  };
}
