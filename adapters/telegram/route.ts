/**
 * POST /api/telegram, Telegram's webhook. The secret header is checked (constant time) before anything
 * is read; the update is validated (zod), written to the durable inbox in the store (which also
 * de-duplicates update_ids across instances) and only then acknowledged with 200 — Telegram never
 * resends what it got a 200 for. The turn runs after (runUpdate), as it does for an update the inbox
 * resumes after a crash; its replies go out through the Bot API.
 */
import type { Request, Response } from 'restify';
import { CHANNEL_TEXT } from '../text';
import type { TurnHandler } from '../../dialogs/turn/turnContracts';
import { constantTimeEqual, HttpError, readJsonObject, route, sendJson } from '../../platform/http';
import type { Logger } from '../../platform/logger';
import type { DurableInbox } from '../durableInbox';
import type { TelegramAdapter } from './telegramAdapter';
import type { TelegramApi } from './telegramApi';
import { TelegramInbound, toActivity } from './toActivity';

export const TELEGRAM_WEBHOOK_PATH = '/api/telegram';
const MAX_BODY_BYTES = 256 * 1024;
const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

export type RunUpdate = (id: string, payload: string) => Promise<void>;

export interface UpdateRunnerDeps {
  api: TelegramApi;
  adapter: TelegramAdapter;
  logger: Logger;
  bot: TurnHandler;
}

export interface TelegramWebhookDeps {
  inbox: DurableInbox;
  webhookSecret: string;
  logger: Logger;
  /** what runs an accepted update once it is acknowledged */
  runUpdate: RunUpdate;
}

function unsupportedReply(lang: 'zh' | 'en'): string {
  return CHANNEL_TEXT.unsupported[lang];
}

/** Runs one stored update (fresh or resumed); failures are logged (ids only), never thrown. */
export function updateRunner(deps: UpdateRunnerDeps): RunUpdate {
  const { api, adapter, bot, logger } = deps;
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
  return async (id, payload) => {
    try {
      const mapped = toActivity(JSON.parse(payload) as Record<string, unknown>);
      await handle(mapped);
    } catch (err) {
      const e = err as Error & { errorCode?: number };
      logger.error({ err: { name: e.name, message: e.message, errorCode: e.errorCode }, updateId: id }, 'Telegram update failed');
    }
  };
}

export function telegramWebhookRoute(deps: TelegramWebhookDeps): (req: Request, res: Response) => Promise<void> {
  const { inbox, logger, runUpdate } = deps;
  return route(
    async (req, res) => {
      const secret = req.headers[SECRET_HEADER];
      if (typeof secret !== 'string' || !constantTimeEqual(secret, deps.webhookSecret)) {
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
      void inbox.run(id, payload, runUpdate).catch((err: Error) => {
        logger.error({ err: { name: err.name, message: err.message }, updateId: id }, 'Telegram inbox bookkeeping failed');
      });
    },
    (err) => logger.error({ err }, 'Telegram request failed'),
  );
}
