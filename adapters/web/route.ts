/**
 * The web chat's HTTP surface, in the order it is registered: the Direct Line REST routes
 * (directLineRoutes.ts), the WebSocket stream on the same server (stream.ts), the chat page's token
 * route (pageTokenRoute.ts) and the page itself with its static files (staticFiles.ts).
 */
import type { Server } from 'restify';
import type { TurnHandler } from '../../dialogs/turn/turnContracts';
import type { Logger } from '../../platform/logger';
import type { ConversationStore } from './conversationStore';
import type { DirectLineAuth } from './directLineAuth';
import { DirectLineEndpoint } from './directLineRoutes';
import { registerPageTokenRoute } from './pageTokenRoute';
import type { RateLimiter } from './rateLimit';
import { registerStaticFiles } from './staticFiles';
import { attachStreams } from './stream';
import type { TokenService } from './tokens';
import type { VisitorIdentity } from './visitorIdentity';
import type { WebAdapter } from './webAdapter';

export interface WebRouteDeps {
  auth: DirectLineAuth;
  conversations: ConversationStore;
  tokens: TokenService;
  adapter: WebAdapter;
  identity: VisitorIdentity;
  /** per-address limit of the public page token route */
  pageTokenLimiter: RateLimiter;
  maxBodyBytes: number;
  trustProxy: boolean;
  title: string;
  logger: Logger;
  bot: TurnHandler;
}

/** Registers every web chat route; close() ends the open streams. */
export function registerWebRoutes(server: Server, deps: WebRouteDeps): { close(): void } {
  const { auth, conversations, logger, trustProxy } = deps;
  new DirectLineEndpoint({ auth, conversations, adapter: deps.adapter, bot: deps.bot, logger, maxBodyBytes: deps.maxBodyBytes, trustProxy }).register(server);
  const streams = attachStreams(server.server, { auth, conversations, logger });
  registerPageTokenRoute(server, { limiter: deps.pageTokenLimiter, auth, identity: deps.identity, conversations, tokens: deps.tokens, trustProxy, logger });
  registerStaticFiles(server, { title: deps.title, logger });
  return streams;
}
