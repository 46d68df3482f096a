/**
 * POST /api/messages: refuse what cannot be authenticated before reading it, read a bounded JSON body,
 * map it through our schema (400), let botbuilder verify the token (401 when it says no), then run
 * the turn and answer with its invoke response. Each rejection is one log line without a stack.
 */
import type { Activity, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { Request, Response } from 'restify';
import type { TurnHandler } from '../../dialogs/turn/turnContracts';
import { HttpError, readJsonObject, route, sendJson } from '../../platform/http';
import type { Logger } from '../../platform/logger';
import type { AuthenticatedRequest, BotFrameworkAdapter } from './botFrameworkAdapter';
import { quietly } from './quietConsole';
import { toActivity } from './toActivity';

export const BOT_FRAMEWORK_MESSAGES_PATH = '/api/messages';
const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

export interface BotFrameworkRouteDeps {
  adapter: BotFrameworkAdapter;
  auth: ConfigurationBotFrameworkAuthentication;
  /** an app id is set: every request needs a Bot Framework token */
  authenticated: boolean;
  allowUnauthenticated: boolean;
  maxBodyBytes?: number;
  logger: Logger;
  bot: TurnHandler;
}

/**
 * Whether token validation said no (→ 401) rather than failed (→ 500, e.g. the OpenID document could not
 * be fetched): botframework-connector's AuthenticationError carries its status, and a bad signature
 * surfaces as jsonwebtoken's own error, which would otherwise be a 500 any client can trigger.
 */
function isAuthenticationFailure(err: unknown): boolean {
  const e = err as { statusCode?: unknown; name?: unknown } | undefined;
  if (e?.statusCode === 401 || e?.statusCode === 403) return true;
  return e?.name === 'JsonWebTokenError' || e?.name === 'TokenExpiredError' || e?.name === 'NotBeforeError';
}

export function botFrameworkMessagesRoute(deps: BotFrameworkRouteDeps): (req: Request, res: Response) => Promise<void> {
  const { adapter, auth, authenticated, logger } = deps;

  const handle = async (req: Request, res: Response) => {
    if (!authenticated && !deps.allowUnauthenticated) {
      req.resume();
      throw new HttpError(401, 'unauthorized', 'this bot has no MicrosoftAppId: unauthenticated requests are refused');
    }
    const authHeader = String(req.headers.authorization ?? '');
    if (authenticated && !/^Bearer\s+\S+$/.test(authHeader)) {
      req.resume();
      throw new HttpError(401, 'unauthorized', 'a Bot Framework bearer token is required');
    }
    const body = await readJsonObject(req, deps.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
    const mapped = toActivity(body, authenticated);
    if (!mapped.ok) throw new HttpError(400, mapped.code, mapped.reason);
    const activity = mapped.activity;

    let verified: AuthenticatedRequest | '' = '';
    if (authenticated) {
      try {
        verified = await quietly(() => auth.authenticateRequest(activity as Activity, authHeader));
      } catch (err) {
        if (isAuthenticationFailure(err)) throw new HttpError(401, 'unauthorized', 'invalid Bot Framework token');
        throw err;
      }
    }
    const invoke = await adapter.runTurn(verified, activity, (ctx) => deps.bot.run(ctx));
    if (invoke?.body === undefined) {
      res.writeHead(invoke?.status ?? 200);
      res.end();
    } else sendJson(res, invoke.status, invoke.body);
  };

  return route(
    async (req, res) => {
      try {
        await handle(req, res);
      } catch (err) {
        // one line per rejection, no stack: rejections are cheap to send and must stay cheap to log
        if (err instanceof HttpError) logger.warn({ status: err.status, code: err.code }, 'Bot Framework request rejected');
        throw err;
      }
    },
    (err) => logger.error({ err }, 'Bot Framework request failed'),
  );
}
