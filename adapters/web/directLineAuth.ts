/**
 * Who is calling the Direct Line endpoint: the holder of the secret (full access, server-to-server) or
 * of a token (one conversation). Missing or forged credentials → 401; an expired token or a token for
 * another conversation → 403, which is what the official client takes as "refresh or reconnect".
 * Wrong secrets and forged tokens are counted per client address: past the limit, that address gets
 * 429 whatever it presents until the minute is over, so guessing gets nowhere.
 */
import type { IncomingMessage } from 'node:http';
import { constantTimeEqual, HttpError } from '../../platform/http';
import { clientIp } from './clientAddress';
import { RateLimiter, TooManyRequestsError } from './rateLimit';
import type { TokenClaims, TokenService } from './tokens';

export type Caller = { kind: 'secret' } | { kind: 'token'; token: string; claims: TokenClaims };

export interface FailureThrottle {
  limiter: RateLimiter;
  trustProxy: boolean;
}

export class DirectLineAuth {
  constructor(
    private readonly secret: string,
    readonly tokens: TokenService,
    private readonly throttle: FailureThrottle,
  ) {}

  /** Refuses (429) an address that used up its failures for this minute. */
  refuseIfThrottled(req: IncomingMessage): void {
    const wait = this.throttle.limiter.waiting(clientIp(req, this.throttle.trustProxy));
    if (wait > 0) throw new TooManyRequestsError(wait, `too many wrong credentials from this address; retry in ${wait} s`);
  }

  /** Counts a wrong credential against the request's address. */
  countFailure(req: IncomingMessage): void {
    this.throttle.limiter.take(clientIp(req, this.throttle.trustProxy));
  }

  /** From `Authorization: Bearer …` (REST) or, for the stream, the `t` query value. */
  identify(req: IncomingMessage, queryToken?: string | null): Caller {
    this.refuseIfThrottled(req);
    const header = String(req.headers.authorization ?? '');
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const presented = match?.[1] ?? queryToken ?? '';
    if (!presented) throw new HttpError(401, 'unauthorized', 'send Authorization: Bearer <Direct Line secret or token>');
    if (constantTimeEqual(presented, this.secret)) return { kind: 'secret' };
    const verified = this.tokens.verify(presented);
    if (!verified.ok) {
      // an expired token is a sleeping laptop, not a guess: it is not counted
      if (verified.reason === 'expired') throw new HttpError(403, 'token_expired', 'the Direct Line token has expired');
      this.countFailure(req);
      throw new HttpError(401, 'unauthorized', 'the Direct Line secret or token is not valid');
    }
    return { kind: 'token', token: presented, claims: verified.claims };
  }

  /** Refuses a token bound to another conversation. */
  requireAccess(caller: Caller, conversationId: string): void {
    if (caller.kind === 'token' && caller.claims.conv !== conversationId) {
      throw new HttpError(403, 'forbidden', 'this token is for another conversation');
    }
  }

  /** A token with a user speaks for that user only: never in a conversation started for someone else. */
  requireUser(caller: Caller, conversationUserId: string | undefined): void {
    if (caller.kind === 'token' && caller.claims.user && conversationUserId && conversationUserId !== caller.claims.user) {
      throw new HttpError(403, 'forbidden', 'this token is for another user');
    }
  }

  requireSecret(caller: Caller, what: string): void {
    if (caller.kind !== 'secret') throw new HttpError(403, 'forbidden', `${what} needs the Direct Line secret`);
  }
}
