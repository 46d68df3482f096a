/**
 * Telegram channel on /api/telegram: Telegram's webhook. The secret header is checked (constant time)
 * before anything is read; the update is validated, de-duplicated by update_id and acknowledged with
 * 200 at once; the turn runs after, and its replies go out through the Bot API.
 */
import type { Server } from 'restify';
import type { TurnContext } from 'botbuilder';
import { constantTimeEqual, HttpError, readJsonObject, route, sendJson } from '../../server/http';
import type { Logger } from '../../services/observability/logger';
import type { TelegramSettings } from './config';
import { TelegramAdapter } from './telegramAdapter';
import { TelegramApi } from './telegramApi';
import { TelegramInbound, toActivity } from './toActivity';

export { telegramConfigSchema, telegramSettings } from './config';
export { TELEGRAM_CHANNEL_ID, toActivity } from './toActivity';
export { TelegramAdapter } from './telegramAdapter';
export { TelegramApi, TelegramApiError, TelegramNetworkError } from './telegramApi';

const MAX_BODY_BYTES = 256 * 1024;
const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

export interface TelegramChannelOptions extends TelegramSettings {
  logger: Logger;
  bot: { run(context: TurnContext): Promise<void>; handleTurnError(context: TurnContext, error: Error): Promise<void> };
}

/** Remembers the update_ids already taken, so Telegram's redeliveries run once. */
class SeenUpdates {
  private readonly ids = new Set<number>();
  constructor(private readonly limit = 10_000) {}
  /** true the first time an id is offered */
  add(id: number): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > this.limit) this.ids.delete(this.ids.values().next().value as number);
    return true;
  }
}

function unsupportedReply(lang: 'zh' | 'en'): string {
  return lang === 'en'
    ? 'Sorry, I cannot read this kind of message yet. Please describe your question in text or send a photo.'
    : '亲，暂时还看不了这类消息哦，请用文字或图片描述您的问题，我马上帮您看看～';
}

export function registerTelegramChannel(server: Server, options: TelegramChannelOptions): TelegramAdapter {
  const { logger, bot } = options;
  const api = new TelegramApi({ apiRoot: options.apiRoot, botToken: options.botToken });
  const adapter = new TelegramAdapter(api);
  adapter.onTurnError = (context, error) => bot.handleTurnError(context, error);
  const seen = new SeenUpdates();

  const handle = async (mapped: TelegramInbound): Promise<void> => {
    if (mapped.kind === 'activity' || mapped.kind === 'unsupported') {
      // stop the button's spinner first; a failure here must not cost the customer the answer
      if (mapped.callbackQueryId) {
        await api.call('answerCallbackQuery', { callback_query_id: mapped.callbackQueryId }).catch((err: Error) => {
          logger.warn({ err: { name: err.name, message: err.message } }, 'Telegram answerCallbackQuery failed');
        });
      }
    }
    if (mapped.kind === 'unsupported') await api.call('sendMessage', { chat_id: mapped.chatId, text: unsupportedReply(mapped.lang) });
    else if (mapped.kind === 'activity') await adapter.processActivity(mapped.activity, (ctx) => bot.run(ctx));
  };

  server.post(
    '/api/telegram',
    route(
      async (req, res) => {
        const secret = req.headers[SECRET_HEADER];
        if (typeof secret !== 'string' || !constantTimeEqual(secret, options.webhookSecret)) {
          req.resume();
          throw new HttpError(401, 'bad_secret', 'missing or wrong X-Telegram-Bot-Api-Secret-Token');
        }
        const update = await readJsonObject(req, MAX_BODY_BYTES);
        const mapped = toActivity(update);
        if (mapped.kind === 'invalid') throw new HttpError(400, 'invalid_update', mapped.reason);
        const fresh = seen.add(update.update_id as number);
        sendJson(res, 200, { ok: true });
        if (!fresh) return;
        void handle(mapped).catch((err: Error & { errorCode?: number }) => {
          logger.error({ err: { name: err.name, message: err.message, errorCode: err.errorCode }, updateId: update.update_id }, 'Telegram update failed');
        });
      },
      (err) => logger.error({ err }, 'Telegram request failed'),
    ),
  );
  return adapter;
}
