/**
 * POST /api/app/messages: the bearer check (when APP_API_KEY is set), a bounded JSON body, the pure
 * mapping (a 400 names the field it refuses), then the turn; its replies are the 200 response.
 */
import crypto from 'node:crypto';
import type { Request, Response } from 'restify';
import { SOURCE_ADDRESS, TurnHandler } from '../../dialogs/turn/turnContracts';
import { HttpError, requireBearer, route, sendJson } from '../../platform/http';
import type { Logger } from '../../platform/logger';
import type { AppAdapter } from './appAdapter';
import { readAppBody } from './dataUrlPictures';
import { render } from './render';
import { toActivity } from './toActivity';

export const APP_MESSAGES_PATH = '/api/app/messages';

export interface AppRouteDeps {
  adapter: AppAdapter;
  bot: TurnHandler;
  logger: Logger;
  maxBodyBytes: number;
  apiKey?: string;
}

export function appMessagesRoute(deps: AppRouteDeps): (req: Request, res: Response) => Promise<void> {
  const { adapter, bot } = deps;
  return route(
    async (req, res) => {
      if (deps.apiKey) requireBearer(req, deps.apiKey, 'the app channel');
      const body = await readAppBody(req, deps.maxBodyBytes);
      const mapped = toActivity(body, crypto.randomUUID(), new Date());
      if (!mapped.ok) throw mapped.tooLarge ? new HttpError(413, 'payload_too_large', mapped.reason) : new HttpError(400, 'invalid_message', mapped.reason);
      const replies = await adapter.processActivity(mapped.activity, (ctx) => (ctx.turnState.set(SOURCE_ADDRESS, req.socket.remoteAddress), bot.run(ctx)));
      sendJson(res, 200, { replies: replies.map(render) });
    },
    (err) => deps.logger.error({ err }, 'app channel request failed'),
  );
}
