/**
 * Bot Framework channel (Azure Bot Service channels and the Bot Framework Emulator):
 * POST /api/messages through botbuilder's own CloudAdapter. With no MicrosoftAppId it accepts the
 * Emulator's unauthenticated requests and POSTs replies to the activity's serviceUrl; with an app id,
 * requests without a valid Bot Framework JWT get 401.
 */
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationBotFrameworkAuthenticationOptions,
  TurnContext,
} from 'botbuilder';
import type { Server } from 'restify';
import { HttpError, readJsonObject, route, sendJson } from '../../server/http';
import type { Logger } from '../../services/observability/logger';

export interface BotFrameworkChannelOptions {
  appId?: string;
  appPassword?: string;
  appType: string;
  tenantId?: string;
  maxBodyBytes?: number;
  logger: Logger;
  bot: { run(context: TurnContext): Promise<void>; handleTurnError(context: TurnContext, error: Error): Promise<void> };
}

export function createCloudAdapter(options: Pick<BotFrameworkChannelOptions, 'appId' | 'appPassword' | 'appType' | 'tenantId'>): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: options.appId ?? '',
    MicrosoftAppPassword: options.appPassword ?? '',
    MicrosoftAppType: options.appType,
    MicrosoftAppTenantId: options.tenantId ?? '',
  } as ConfigurationBotFrameworkAuthenticationOptions);
  return new CloudAdapter(auth);
}

/** Captures what CloudAdapter answers, so every error leaves this route as JSON. */
class ResponseShim {
  statusCode = 200;
  body: unknown;
  status(code: number) {
    this.statusCode = code;
  }
  send(body: unknown) {
    this.body = body;
  }
  header() {}
  end() {}
}

export function registerBotFrameworkChannel(server: Server, options: BotFrameworkChannelOptions): CloudAdapter {
  const adapter = createCloudAdapter(options);
  adapter.onTurnError = (context, error) => options.bot.handleTurnError(context, error);
  server.post(
    '/api/messages',
    route(
      async (req, res) => {
        if (options.appId && !req.headers.authorization) {
          throw new HttpError(401, 'unauthorized', 'a Bot Framework bearer token is required');
        }
        const body = await readJsonObject(req, options.maxBodyBytes ?? 256 * 1024);
        if (typeof body.type !== 'string' || body.type === '') throw new HttpError(400, 'invalid_activity', 'activity.type is required');
        if (typeof body.serviceUrl !== 'string') throw new HttpError(400, 'invalid_activity', 'activity.serviceUrl is required');
        const conversation = body.conversation as { id?: unknown } | undefined;
        if (!conversation || typeof conversation.id !== 'string') throw new HttpError(400, 'invalid_activity', 'activity.conversation.id is required');
        const from = body.from as { id?: unknown } | undefined;
        if (body.type === 'message' && (!from || typeof from.id !== 'string')) throw new HttpError(400, 'invalid_activity', 'activity.from.id is required');
        (req as unknown as { body: unknown }).body = body;
        const shim = new ResponseShim();
        try {
          await adapter.process(req, shim as never, (ctx) => options.bot.run(ctx));
        } catch (err) {
          // CloudAdapter's own schema rejected the activity
          if ((err as Error).name === 'ZodError') throw new HttpError(400, 'invalid_activity', 'not a valid Bot Framework activity');
          throw err;
        }
        if (shim.statusCode === 401) throw new HttpError(401, 'unauthorized', 'invalid Bot Framework token');
        if (shim.statusCode >= 400) throw new HttpError(shim.statusCode, 'rejected', typeof shim.body === 'string' ? shim.body : 'request rejected');
        if (shim.body === undefined) {
          res.writeHead(shim.statusCode);
          res.end();
        } else sendJson(res, shim.statusCode, shim.body);
      },
      (err) => options.logger.error({ err }, 'Bot Framework request failed'),
    ),
  );
  return adapter;
}
