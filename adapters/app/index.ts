/** App channel: POST /api/app/messages → 200 {"replies": [Activity, …]} for the turn. */
import crypto from 'node:crypto';
import type { Server } from 'restify';
import { SOURCE_ADDRESS } from '../../dialogs/turn/turnContracts';
import { HttpError, readJsonObject, requireBearer, route, sendJson } from '../../platform/http';
import type { Logger } from '../../platform/logger';
import { AppAdapter } from './appAdapter';
import { render } from './render';
import { toActivity } from './toActivity';
import type { TurnHandler } from '../../dialogs/turn/turnContracts';

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
  server.post(
    '/api/app/messages',
    route(
      async (req, res) => {
        if (options.apiKey) requireBearer(req, options.apiKey, 'the app channel');
        const body = await readJsonObject(req, options.maxBodyBytes);
        const mapped = toActivity(body, crypto.randomUUID(), new Date());
        if (!mapped.ok) throw new HttpError(400, 'invalid_message', mapped.reason);
        const replies = await adapter.processActivity(mapped.activity, (ctx) => (ctx.turnState.set(SOURCE_ADDRESS, req.socket.remoteAddress), options.bot.run(ctx)));
        sendJson(res, 200, { replies: replies.map(render) });
      },
      (err) => options.logger.error({ err }, 'app channel request failed'),
    ),
  );
  return adapter;
}
