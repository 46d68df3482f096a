/**
 * Direct Line tokens: short-lived HS256 JWTs signed with the Direct Line secret, each bound to one
 * conversation and (for the chat page) to one user. A JWT because the official clients read the `user`
 * claim from it (Web Chat then sends that id as `from.id`, and the server enforces it).
 */
import crypto from 'node:crypto';
import { constantTimeEqual } from '../../platform/http';

export interface TokenClaims {
  /** conversation the token may access */
  conv: string;
  /** user id the token speaks for (omitted: the client's `from.id` is trusted) */
  user?: string;
  iat: number;
  exp: number;
}

export type Verified = { ok: true; claims: TokenClaims } | { ok: false; reason: 'invalid' | 'expired' };

const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

function base64url(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url');
}

export class TokenService {
  private readonly key: Buffer;

  constructor(
    secret: string,
    readonly ttlSeconds: number,
    private readonly now: () => number = Date.now,
  ) {
    // a derived key, so a token signature never exposes anything usable as the secret itself
    this.key = crypto.createHmac('sha256', secret).update('directline-token-v1').digest();
  }

  issue(conversationId: string, userId?: string): string {
    const iat = Math.floor(this.now() / 1000);
    const claims: TokenClaims = { conv: conversationId, ...(userId ? { user: userId } : {}), iat, exp: iat + this.ttlSeconds };
    return this.sign(claims);
  }

  sign(claims: TokenClaims): string {
    const body = `${HEADER}.${base64url(JSON.stringify(claims))}`;
    return `${body}.${crypto.createHmac('sha256', this.key).update(body).digest('base64url')}`;
  }

  verify(token: string): Verified {
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== HEADER) return { ok: false, reason: 'invalid' };
    const expected = crypto.createHmac('sha256', this.key).update(`${parts[0]}.${parts[1]}`).digest('base64url');
    if (!constantTimeEqual(parts[2], expected)) return { ok: false, reason: 'invalid' };
    let claims: TokenClaims;
    try {
      claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as TokenClaims;
    } catch {
      return { ok: false, reason: 'invalid' };
    }
    if (typeof claims.conv !== 'string' || typeof claims.exp !== 'number') return { ok: false, reason: 'invalid' };
    if (claims.exp * 1000 <= this.now()) return { ok: false, reason: 'expired' };
    return { ok: true, claims };
  }
}
