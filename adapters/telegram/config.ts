/** Telegram keys. The channel is on when TELEGRAM_BOT_TOKEN is set; the webhook secret is then required. */
import { z } from 'zod';
import { optionalString } from '../../platform/configFields';

/** `KEY=` (empty) means "use the default", as in .env.example */
const emptyAsUnset = <T extends z.ZodTypeAny>(schema: T) => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema);

export const telegramConfigSchema = z.object({
  /** The token @BotFather gives, e.g. 123456:ABC-DEF… */
  TELEGRAM_BOT_TOKEN: optionalString.pipe(z.string().regex(/^\d+:[A-Za-z0-9_-]{20,}$/, 'must be a bot token from @BotFather (digits:letters)').optional()),
  /** The secret_token given to setWebhook; Telegram sends it in X-Telegram-Bot-Api-Secret-Token. */
  TELEGRAM_WEBHOOK_SECRET: optionalString.pipe(
    z.string().regex(/^[A-Za-z0-9_-]{16,256}$/, 'must be 16–256 characters of A-Z, a-z, 0-9, _ and -').optional(),
  ),
  TELEGRAM_API_ROOT: emptyAsUnset(z.string().url().default('https://api.telegram.org')),
});

export type TelegramConfigKeys = z.infer<typeof telegramConfigSchema>;

export interface TelegramSettings {
  botToken: string;
  webhookSecret: string;
  apiRoot: string;
}

/** The channel's settings, or undefined when the channel is off. Throws naming the missing key. */
export function telegramSettings(config: TelegramConfigKeys): TelegramSettings | undefined {
  if (!config.TELEGRAM_BOT_TOKEN) return undefined;
  if (!config.TELEGRAM_WEBHOOK_SECRET) {
    throw new Error('invalid configuration: TELEGRAM_WEBHOOK_SECRET required when TELEGRAM_BOT_TOKEN is set');
  }
  return { botToken: config.TELEGRAM_BOT_TOKEN, webhookSecret: config.TELEGRAM_WEBHOOK_SECRET, apiRoot: config.TELEGRAM_API_ROOT.replace(/\/+$/, '') };
}
