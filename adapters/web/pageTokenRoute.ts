/**
 * GET /api/webchat/token: the chat page's Direct Line token. Public by design (a visitor has no secret),
 * so it is rate-limited per address and bound to the visitor's identity (signed cookie or shop user
 * token, see visitorIdentity.ts). A `userId` in the query is ignored; `conversationId` resumes a
 * conversation only for the visitor it was started for, otherwise a new one begins.
 */
import type { Server } from 'restify';
import { z } from 'zod';
import { HttpError, queryOf, sendJson } from '../../platform/http';
import type { Logger } from '../../platform/logger';
import { clientIp } from './clientAddress';
import type { DirectLineAuth } from './directLineAuth';
import { CONVERSATION_ID, ConversationStore } from './conversationStore';
import { directLineRoute } from './directLineRoutes';
import { describeIssue } from './inboundBody';
import { RateLimiter, TooManyRequestsError } from './rateLimit';
import type { TokenService } from './tokens';
import type { VisitorIdentity } from './visitorIdentity';

export interface PageTokenDeps {
  limiter: RateLimiter;
  auth: DirectLineAuth;
  identity: VisitorIdentity;
  conversations: ConversationStore;
  tokens: TokenService;
  trustProxy: boolean;
  logger: Logger;
}

const pageTokenQuery = z
  .object({
    conversationId: z.string().regex(CONVERSATION_ID, 'must be a conversation id from this server').optional(),
    userToken: z.string().min(1).max(4096).optional(),
  })
  .strip(); // userId and anything else: ignored, an identity never comes from the query

export function registerPageTokenRoute(server: Server, deps: PageTokenDeps): void {
  server.get(
    '/api/webchat/token',
    directLineRoute(
      async (req, res) => {
        const wait = deps.limiter.take(clientIp(req, deps.trustProxy));
        if (wait > 0) throw new TooManyRequestsError(wait, `too many chat sessions from this address; retry in ${wait} s`);
        deps.auth.refuseIfThrottled(req);
        const query = pageTokenQuery.safeParse(Object.fromEntries(queryOf(req)));
        if (!query.success) throw new HttpError(400, 'bad_argument', describeIssue(query.error));
        let visitor;
        try {
          visitor = deps.identity.identify(req, query.data.userToken);
        } catch (err) {
          // a forged user token is a guess like a wrong Direct Line secret
          if (err instanceof HttpError && err.code === 'unauthorized') deps.auth.countFailure(req);
          throw err;
        }
        const resume = query.data.conversationId ? await deps.conversations.get(query.data.conversationId) : undefined;
        const conversation = resume && resume.userId === visitor.userId ? resume : await deps.conversations.create(visitor.userId);
        res.setHeader('Cache-Control', 'no-store');
        if (visitor.setCookie) res.setHeader('Set-Cookie', visitor.setCookie);
        sendJson(res, 200, {
          token: deps.tokens.issue(conversation.id, visitor.userId),
          conversationId: conversation.id,
          expires_in: deps.tokens.ttlSeconds,
          userId: visitor.userId,
        });
      },
      deps.logger,
      'web chat token request failed',
    ),
  );
}
