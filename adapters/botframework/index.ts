/**
 * Bot Framework channel (Azure Bot Service channels and the Bot Framework Emulator): POST /api/messages
 * through botbuilder's CloudAdapter.
 *
 * - With a MicrosoftAppId every request needs the Bot Framework JWT; botbuilder verifies it (signature,
 *   audience, the key's channel endorsements, the serviceUrl claim) and the activity's channelId stands.
 * - Without one (Emulator mode, refused in production by `allowUnauthenticated` here) the
 *   activity asserts nothing: its channelId becomes `emulator` and replies go only to a loopback serviceUrl.
 * Every activity passes our schema first; each rejection is one log line without a stack.
 */
import { Activity, ConfigurationBotFrameworkAuthentication, ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import { HttpError, readJsonObject, route, sendJson } from '../../platform/http';
import type { Logger } from '../../platform/logger';
import { AuthenticatedRequest, BotFrameworkAdapter } from './botFrameworkAdapter';
import { quietly } from './quietConsole';
import { toActivity } from './toActivity';
import type { TurnHandler } from '../../dialogs/turn/turnContracts';

export { EMULATOR_CHANNEL_ID, inboundActivitySchema, toActivity } from './toActivity';
export { isLoopbackServiceUrl } from './serviceUrl';
export { botFrameworkProductionIssues } from './config';

export interface BotFrameworkChannelOptions {
  appId?: string;
  appPassword?: string;
  appType: string;
  tenantId?: string;
  /** accept unauthenticated (Emulator) traffic when no appId is set: false in production */
  allowUnauthenticated: boolean;
  maxBodyBytes?: number;
  logger: Logger;
  bot: TurnHandler;
  /**
   * botbuilder's parameterized authentication endpoints (ToBotFromChannelOpenIdMetadataUrl,
   * ToBotFromChannelTokenIssuer, …); unset = Azure public cloud. Tests point them at a local OpenID document.
   */
  authEndpoints?: Record<string, string>;
}

export function createBotFrameworkAuthentication(options: Omit<BotFrameworkChannelOptions, 'logger' | 'bot' | 'allowUnauthenticated'>) {
  return new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: options.appId ?? '',
    MicrosoftAppPassword: options.appPassword ?? '',
    MicrosoftAppType: options.appType,
    MicrosoftAppTenantId: options.tenantId ?? '',
    ...options.authEndpoints,
  } as ConfigurationBotFrameworkAuthenticationOptions);
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

export function registerBotFrameworkChannel(server: Server, options: BotFrameworkChannelOptions): BotFrameworkAdapter {
  const auth = createBotFrameworkAuthentication(options);
  const adapter = new BotFrameworkAdapter(auth);
  adapter.onTurnError = (context, error) => options.bot.handleTurnError(context, error);
  const authenticated = Boolean(options.appId);
  if (!authenticated && options.allowUnauthenticated) {
    options.logger.warn(
      'Bot Framework Emulator mode: MicrosoftAppId is not set, so /api/messages accepts unauthenticated activities ' +
        '(channelId forced to "emulator", replies only to a loopback serviceUrl). Set MicrosoftAppId for any real deployment.',
    );
  }

  const handle = async (req: Request, res: Response) => {
    if (!authenticated && !options.allowUnauthenticated) {
      req.resume();
      throw new HttpError(401, 'unauthorized', 'this bot has no MicrosoftAppId: unauthenticated requests are refused');
    }
    const authHeader = String(req.headers.authorization ?? '');
    if (authenticated && !/^Bearer\s+\S+$/.test(authHeader)) {
      req.resume();
      throw new HttpError(401, 'unauthorized', 'a Bot Framework bearer token is required');
    }
    const body = await readJsonObject(req, options.maxBodyBytes ?? 256 * 1024);
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
    const invoke = await adapter.runTurn(verified, activity, (ctx) => options.bot.run(ctx));
    if (invoke?.body === undefined) {
      res.writeHead(invoke?.status ?? 200);
      res.end();
    } else sendJson(res, invoke.status, invoke.body);
  };

  server.post(
    '/api/messages',
    route(
      async (req, res) => {
        try {
          await handle(req, res);
        } catch (err) {
          // one line per rejection, no stack: rejections are cheap to send and must stay cheap to log
          if (err instanceof HttpError) options.logger.warn({ status: err.status, code: err.code }, 'Bot Framework request rejected');
          throw err;
        }
      },
      (err) => options.logger.error({ err }, 'Bot Framework request failed'),
    ),
  );
  return adapter;
}
