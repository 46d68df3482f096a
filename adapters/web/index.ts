/**
 * Web chat channel: a Direct Line 3.0–compatible endpoint (REST + WebSocket stream) served by the bot,
 * the page token route GET /api/webchat/token, and the Chinese-first chat page at `/` built on
 * Microsoft's Web Chat. Always on; see README.md in this folder.
 */
import crypto from 'node:crypto';
import type { Server } from 'restify';
import { HttpError, route, sendJson } from '../../server/http';
import type { Logger } from '../../services/observability/logger';
import type { WebChannelConfig } from './config';
import { DirectLineAuth } from './directLineAuth';
import { BotLike, DirectLineEndpoint, queryOf } from './directLineRoutes';
import { ConversationStore } from './conversationStore';
import { clientIp, RateLimiter } from './rateLimit';
import { registerStaticFiles } from './staticFiles';
import { attachStreams } from './stream';
import { TokenService } from './tokens';
import { WebAdapter } from './webAdapter';

export { webChannelConfigSchema } from './config';
export { WebAdapter } from './webAdapter';
export { TokenService } from './tokens';
export { WEB_CHANNEL_ID, toActivity } from './toActivity';
export { render } from './render';

/** The page's per-browser user id: `dl_` + random (Direct Line reserves `dl_` for ids embedded in tokens). */
export const PAGE_USER_ID = /^dl_[A-Za-z0-9_-]{16,64}$/;

export type WebChannelOptions = Pick<
  WebChannelConfig,
  | 'DIRECTLINE_SECRET'
  | 'DIRECTLINE_TOKEN_TTL_SECONDS'
  | 'DIRECTLINE_MAX_BODY_BYTES'
  | 'DIRECTLINE_MAX_CONVERSATIONS'
  | 'WEBCHAT_TOKEN_RATE_PER_MINUTE'
  | 'WEBCHAT_TRUST_PROXY'
  | 'WEBCHAT_TITLE'
> & { logger: Logger; bot: BotLike; now?: () => number };

export interface WebChannel {
  adapter: WebAdapter;
  conversations: ConversationStore;
  tokens: TokenService;
  close(): void;
}

export function registerWebChannel(server: Server, options: WebChannelOptions): WebChannel {
  let secret = options.DIRECTLINE_SECRET;
  if (!secret) {
    secret = crypto.randomBytes(32).toString('base64url');
    options.logger.warn('DIRECTLINE_SECRET is not set: using a random secret, so web chat tokens do not survive a restart');
  }
  const tokens = new TokenService(secret, options.DIRECTLINE_TOKEN_TTL_SECONDS, options.now);
  const auth = new DirectLineAuth(secret, tokens);
  const conversations = new ConversationStore({ maxConversations: options.DIRECTLINE_MAX_CONVERSATIONS, now: options.now });
  const adapter = new WebAdapter(conversations);
  adapter.onTurnError = (context, error) => options.bot.handleTurnError(context, error);

  new DirectLineEndpoint({
    auth,
    conversations,
    adapter,
    bot: options.bot,
    logger: options.logger,
    maxBodyBytes: options.DIRECTLINE_MAX_BODY_BYTES,
    trustProxy: options.WEBCHAT_TRUST_PROXY,
  }).register(server);
  const streams = attachStreams(server.server, { auth, conversations, logger: options.logger });

  const limiter = new RateLimiter(options.WEBCHAT_TOKEN_RATE_PER_MINUTE, options.now);
  server.get(
    '/api/webchat/token',
    route(
      async (req, res) => {
        const wait = limiter.take(clientIp(req, options.WEBCHAT_TRUST_PROXY));
        if (wait > 0) {
          res.setHeader('Retry-After', String(wait));
          throw new HttpError(429, 'too_many_requests', `too many chat sessions from this address; retry in ${wait} s`);
        }
        const query = queryOf(req);
        const asked = query.get('userId') ?? undefined;
        if (asked !== undefined && !PAGE_USER_ID.test(asked)) {
          throw new HttpError(400, 'bad_argument', 'userId must look like dl_ followed by 16–64 letters or digits');
        }
        const userId = asked ?? `dl_${crypto.randomBytes(16).toString('base64url')}`;
        // the same browser tab reloading gets its conversation (and its history) back
        const resumeId = query.get('conversationId');
        const resume = resumeId ? conversations.get(resumeId) : undefined;
        const conversation = resume && resume.userId === userId ? resume : conversations.create(userId);
        res.setHeader('Cache-Control', 'no-store');
        sendJson(res, 200, {
          token: tokens.issue(conversation.id, userId),
          conversationId: conversation.id,
          expires_in: tokens.ttlSeconds,
          userId,
        });
      },
      (err) => options.logger.error({ err }, 'web chat token request failed'),
    ),
  );

  registerStaticFiles(server, { title: options.WEBCHAT_TITLE, logger: options.logger });
  return {
    adapter,
    conversations,
    tokens,
    close: () => {
      streams.close();
      conversations.endAll();
    },
  };
}
