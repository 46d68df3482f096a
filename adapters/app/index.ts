/**
 * App channel: POST /api/app/messages → 200 {"replies": [Activity, …]} for the turn; with an inbox, what
 * is sent outside a request waits there for GET /api/app/messages and GET /api/app/events (see README.md).
 */
import type { Server } from 'restify';
import type { TurnHandler } from '../../dialogs/turn/turnContracts';
import type { Logger } from '../../platform/logger';
import { AppAdapter } from './appAdapter';
import type { AppInbox } from './inbox';
import { APP_EVENTS_PATH, inboxEventsRoute, inboxMessagesRoute } from './inboxRoutes';
import { APP_MESSAGES_PATH, appMessagesRoute } from './route';

export { AppAdapter } from './appAdapter';
export { APP_CHANNEL_ID, toActivity } from './toActivity';
export { APP_INBOX, APP_INBOX_SEQ, AppInbox } from './inbox';

export interface AppChannelOptions {
  maxBodyBytes: number;
  apiKey?: string;
  logger: Logger;
  bot: TurnHandler;
  /** where proactive messages wait for the app; without one the app channel refuses them */
  inbox?: AppInbox;
}

export function registerAppChannel(server: Server, options: AppChannelOptions): AppAdapter {
  const adapter = new AppAdapter(options.inbox);
  adapter.onTurnError = (context, error) => options.bot.handleTurnError(context, error);
  server.post(APP_MESSAGES_PATH, appMessagesRoute({ adapter, ...options }));
  if (options.inbox) {
    const deps = { inbox: options.inbox, logger: options.logger, apiKey: options.apiKey };
    server.get(APP_MESSAGES_PATH, inboxMessagesRoute(deps));
    server.get(APP_EVENTS_PATH, inboxEventsRoute(deps));
  }
  return adapter;
}
