/**
 * Web chat channel: a Direct Line 3.0–compatible endpoint (REST + WebSocket stream) served by the bot,
 * the page token route GET /api/webchat/token, and the Chinese-first chat page at `/` built on
 * Microsoft's Web Chat (routes: route.ts). Always on; see README.md in this folder.
 */
import crypto from 'node:crypto';
import type { Server } from 'restify';
import type { TurnHandler } from '../../dialogs/turn/turnContracts';
import type { Logger } from '../../platform/logger';
import type { DocumentStore } from '../../storage/documentStore';
import type { WebChannelConfig } from './config';
import { DirectLineAuth } from './directLineAuth';
import { ConversationStore } from './conversationStore';
import { RateLimiter } from './rateLimit';
import { registerWebRoutes } from './route';
import { TokenService } from './tokens';
import { VisitorIdentity } from './visitorIdentity';
import { WebAdapter } from './webAdapter';

export { webChannelConfigSchema } from './config';
export { WebAdapter } from './webAdapter';
export { TokenService } from './tokens';
export { WEB_CHANNEL_ID, toActivity } from './toActivity';
export { render } from './render';
export { PAGE_USER_ID, VISITOR_COOKIE } from './visitorIdentity';

export type WebChannelOptions = Pick<
  WebChannelConfig,
  | 'DIRECTLINE_SECRET'
  | 'DIRECTLINE_TOKEN_TTL_SECONDS'
  | 'DIRECTLINE_MAX_BODY_BYTES'
  | 'DIRECTLINE_MAX_CONVERSATIONS'
  | 'DIRECTLINE_MAX_ACTIVITY_BYTES'
  | 'DIRECTLINE_MAX_CONVERSATION_BYTES'
  | 'DIRECTLINE_MAX_TOTAL_BYTES'
  | 'DIRECTLINE_AUTH_FAILURES_PER_MINUTE'
  | 'WEBCHAT_USER_TOKEN_SECRET'
  | 'WEBCHAT_TOKEN_RATE_PER_MINUTE'
  | 'WEBCHAT_TRUST_PROXY'
  | 'WEBCHAT_TITLE'
> & {
  /** where conversations and their activities live: every instance on this store serves every conversation */
  store: DocumentStore;
  logger: Logger;
  bot: TurnHandler;
  now?: () => number;
};

export interface WebChannel {
  adapter: WebAdapter;
  conversations: ConversationStore;
  tokens: TokenService;
  close(): void;
}

export async function registerWebChannel(server: Server, options: WebChannelOptions): Promise<WebChannel> {
  let secret = options.DIRECTLINE_SECRET;
  if (!secret) {
    secret = crypto.randomBytes(32).toString('base64url');
    options.logger.warn('DIRECTLINE_SECRET is not set: using a random secret, so web chat tokens do not survive a restart');
  }
  const tokens = new TokenService(secret, options.DIRECTLINE_TOKEN_TTL_SECONDS, options.now);
  const auth = new DirectLineAuth(secret, tokens, {
    limiter: new RateLimiter(options.DIRECTLINE_AUTH_FAILURES_PER_MINUTE, options.now),
    trustProxy: options.WEBCHAT_TRUST_PROXY,
  });
  await ConversationStore.ensureIndexes(options.store);
  // store times follow the real clock (TTL indexes do); `now` is for tokens and rate limits
  const conversations = new ConversationStore(options.store, {
    maxConversations: options.DIRECTLINE_MAX_CONVERSATIONS,
    maxActivityBytes: options.DIRECTLINE_MAX_ACTIVITY_BYTES,
    maxConversationBytes: options.DIRECTLINE_MAX_CONVERSATION_BYTES,
    maxTotalBytes: options.DIRECTLINE_MAX_TOTAL_BYTES,
    onError: (err, conversationId) => options.logger.error({ err, conversationId }, 'web chat stream could not read the store'),
  });
  const adapter = new WebAdapter(conversations);
  adapter.onTurnError = (context, error) => options.bot.handleTurnError(context, error);

  const routes = registerWebRoutes(server, {
    auth,
    conversations,
    tokens,
    adapter,
    identity: new VisitorIdentity(secret, { userTokenSecret: options.WEBCHAT_USER_TOKEN_SECRET, trustProxy: options.WEBCHAT_TRUST_PROXY, now: options.now }),
    pageTokenLimiter: new RateLimiter(options.WEBCHAT_TOKEN_RATE_PER_MINUTE, options.now),
    maxBodyBytes: options.DIRECTLINE_MAX_BODY_BYTES,
    trustProxy: options.WEBCHAT_TRUST_PROXY,
    title: options.WEBCHAT_TITLE,
    logger: options.logger,
    bot: options.bot,
  });
  return {
    adapter,
    conversations,
    tokens,
    close: () => {
      routes.close();
      conversations.endAll();
    },
  };
}
