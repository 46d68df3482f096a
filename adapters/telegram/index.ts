/**
 * Telegram channel on /api/telegram (route.ts): Telegram's webhook, acknowledged only once the update is
 * in the durable inbox, its replies sent through the Bot API. Updates a killed process acknowledged but
 * never finished are resumed from the inbox at startup. Setup: README.md in this folder.
 */
import type { Server } from 'restify';
import type { TurnHandler } from '../../dialogs/turn/turnContracts';
import type { Logger } from '../../platform/logger';
import type { DocumentStore } from '../../storage/documentStore';
import { DurableInbox } from '../durableInbox';
import type { TelegramSettings } from './config';
import { TELEGRAM_WEBHOOK_PATH, telegramWebhookRoute, updateRunner } from './route';
import { TelegramAdapter } from './telegramAdapter';
import { TelegramApi } from './telegramApi';

export { telegramConfigSchema, telegramSettings } from './config';
export { TELEGRAM_CHANNEL_ID, toActivity } from './toActivity';
export { TelegramAdapter } from './telegramAdapter';
export { TelegramApi, TelegramApiError, TelegramNetworkError } from './telegramApi';

/** the store collection of the durable inbox (../durableInbox.ts), keyed by update_id */
export const TELEGRAM_INBOX = 'telegramInbox';

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

export function registerTelegramChannel(server: Server, options: TelegramChannelOptions): TelegramChannel {
  const { logger, bot } = options;
  const api = new TelegramApi({ apiRoot: options.apiRoot, botToken: options.botToken });
  const adapter = new TelegramAdapter(api);
  adapter.onTurnError = (context, error) => bot.handleTurnError(context, error);
  const inbox = new DurableInbox(options.store, TELEGRAM_INBOX);
  const runUpdate = updateRunner({ api, adapter, logger, bot });
  server.post(TELEGRAM_WEBHOOK_PATH, telegramWebhookRoute({ inbox, webhookSecret: options.webhookSecret, logger, runUpdate }));
  return {
    adapter,
    inbox,
    startInbox: () =>
      inbox.start(
        runUpdate,
        (err) => logger.error({ err: { name: (err as Error).name, message: (err as Error).message } }, 'Telegram inbox sweep failed'),
        (id) => logger.error({ updateId: id }, 'Telegram update set aside after repeated failures'),
      ),
    stopInbox: () => inbox.stop(),
  };
}
