/**
 * Telegram channel on /api/telegram: Telegram's webhook. The secret header is checked (constant time)
 * before anything is read; the update is validated (zod), written to the durable inbox in the store
 * (which also de-duplicates update_ids across instances) and only then acknowledged with 200 — Telegram
 * never resends what it got a 200 for. The turn runs after; its replies go out through the Bot API.
 * Updates a killed process acknowledged but never finished are resumed from the inbox at startup.
 */
import type { Server } from 'restify';
import { constantTimeEqual, HttpError, readJsonObject, route, sendJson } from '../../platform/http';
import type { Logger } from '../../platform/logger';
import type { DocumentStore } from '../../storage/documentStore';
import { DurableInbox } from '../durableInbox';
import type { TelegramSettings } from './config';
import { TelegramAdapter } from './telegramAdapter';
import { TelegramApi } from './telegramApi';
import { TelegramInbound, toActivity } from './toActivity';
import type { TurnHandler } from '../../dialogs/turn/turnContracts';

export { telegramConfigSchema, telegramSettings } from './config';
export { TELEGRAM_CHANNEL_ID, toActivity } from './toActivity';
export { TelegramAdapter } from './telegramAdapter';
export { TelegramApi, TelegramApiError, TelegramNetworkError } from './telegramApi';

const MAX_BODY_BYTES = 256 * 1024;
const SECRET_HEADER = 'x-telegram-bot-api-secret-token';
const INBOX = 'telegramInbox';

export interface TelegramChannelOptions extends TelegramSettings {
  logger: Logger;
  /** the durable inbox: updates are stored before the 200 and de-duplicated by update_id there */
  store: DocumentStore;
  bot: TurnHandler;
}

/** What index.ts drives: resume left-over updates at startup (and keep sweeping), stop on shutdown. */
export interface TelegramChannel {
  adapter: TelegramAdapter;
  inbox: DurableInbox;
  startInbox(): void;
  stopInbox(): void;
}

function unsupportedReply(lang: 'zh' | 'en'): string {
  return lang === 'en'
    ? 'Sorry, I cannot read this kind of message yet. Please describe your question in text or send a photo.'
    : '亲，暂时还看不了这类消息哦，请用文字或图片描述您的问题，我马上帮您看看～';
}

export function registerTelegramChannel(server: Server, options: TelegramChannelOptions): TelegramChannel {
  const { logger, bot } = options;
  const api = new TelegramApi({ apiRoot: options.apiRoot, botToken: options.botToken });
  const adapter = new TelegramAdapter(api);
  adapter.onTurnError = (context, error) => bot.handleTurnError(context, error);
  const inbox = new DurableInbox(options.store, INBOX);

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

  /** Runs one stored update; failures are logged (ids only), the entry is finished either way. */
  const runStored = async (id: string, payload: string): Promise<void> => {
    try {
      const mapped = toActivity(JSON.parse(payload) as Record<string, unknown>);
      await handle(mapped);
    } catch (err) {
      const e = err as Error & { errorCode?: number };
      logger.error({ err: { name: e.name, message: e.message, errorCode: e.errorCode }, updateId: id }, 'Telegram update failed');
    }
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
        if (mapped.kind === 'ignore') return sendJson(res, 200, { ok: true });
        const id = String(update.update_id);
        const payload = JSON.stringify(update);
        // in the store before the 200: after it Telegram will not send this update again
        const fresh = await inbox.accept(id, payload);
        sendJson(res, 200, { ok: true });
        if (!fresh) return; // a redelivery: this or another instance has it
        void inbox.run(id, payload, runStored).catch((err: Error) => {
          logger.error({ err: { name: err.name, message: err.message }, updateId: id }, 'Telegram inbox bookkeeping failed');
        });
      },
      (err) => logger.error({ err }, 'Telegram request failed'),
    ),
  );
  return {
    adapter,
    inbox,
    startInbox: () =>
      inbox.start(
        runStored,
        (err) => logger.error({ err: { name: (err as Error).name, message: (err as Error).message } }, 'Telegram inbox sweep failed'),
        (id) => logger.error({ updateId: id }, 'Telegram update set aside after repeated failures'),
      ),
    stopInbox: () => inbox.stop(),
  };
}
