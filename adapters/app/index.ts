/** App channel: POST /api/app/messages → 200 {"replies": [Activity, …]} for the turn (see README.md). */
import type { Server } from 'restify';
import type { TurnHandler } from '../../dialogs/turn/turnContracts';
import type { Logger } from '../../platform/logger';
import { AppAdapter } from './appAdapter';
import { APP_MESSAGES_PATH, appMessagesRoute } from './route';

export { AppAdapter } from './appAdapter';
export { APP_CHANNEL_ID, toActivity } from './toActivity';

export interface AppChannelOptions {
  maxBodyBytes: number;
  apiKey?: string;
  logger: Logger;
  bot: TurnHandler;
}

export function registerAppChannel(server: Server, options: AppChannelOptions): AppAdapter {
  const adapter = new AppAdapter();
  adapter.onTurnError = (context, error) => options.bot.handleTurnError(context, error);
  server.post(APP_MESSAGES_PATH, appMessagesRoute({ adapter, ...options }));
  return adapter;
}
