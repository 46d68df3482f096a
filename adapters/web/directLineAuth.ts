/**
 * Who is calling the Direct Line endpoint: the holder of the secret (full access, server-to-server) or
 * of a token (one conversation). Missing or forged credentials → 401; an expired token or a token for
 * another conversation → 403, which is what the official client takes as "refresh or reconnect".
 */
import type { IncomingMessage } from 'node:http';
import { constantTimeEqual, HttpError } from '../../server/http';
import type { TokenClaims, TokenService } from './tokens';

export type Caller = { kind: 'secret' } | { kind: 'token'; token: string; claims: TokenClaims };

export class DirectLineAuth {
  constructor(
    private readonly secret: string,
    readonly tokens: TokenService,
  ) {}

  /** From `Authorization: Bearer …` (REST) or, for the stream, the `t` query value. */
  identify(req: IncomingMessage, queryToken?: string | null): Caller {
    const header = String(req.headers.authorization ?? '');
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const presented = match?.[1] ?? queryToken ?? '';
    if (!presented) throw new HttpError(401, 'unauthorized', 'send Authorization: Bearer <Direct Line secret or token>');
    if (constantTimeEqual(presented, this.secret)) return { kind: 'secret' };
    const verified = this.tokens.verify(presented);
    if (!verified.ok) {
      if (verified.reason === 'expired') throw new HttpError(403, 'token_expired', 'the Direct Line token has expired');
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

  requireSecret(caller: Caller, what: string): void {
    if (caller.kind !== 'secret') throw new HttpError(403, 'forbidden', `${what} needs the Direct Line secret`);
  }
}
