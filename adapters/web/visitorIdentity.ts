/**
 * Who is asking the chat page's token route, from something the visitor holds — never from a query
 * parameter, which anyone who learns an id could copy:
 * - a known customer: a user token the shop signs at login (`<base64url(payload)>.<HMAC-SHA256>` with
 *   WEBCHAT_USER_TOKEN_SECRET, payload `{"sub": shopUserId, "exp": unixSeconds}`) → `shop:<shopUserId>`;
 * - anyone else: a signed, HttpOnly, SameSite=Lax cookie this route sets → `dl_<random>`.
 */
import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { constantTimeEqual, HttpError } from '../../platform/http';
import { cameOverHttps } from './clientAddress';

export const VISITOR_COOKIE = 'webchat_visitor';
/** An anonymous visitor's id: `dl_` + random (Direct Line reserves `dl_` for ids embedded in tokens). */
export const PAGE_USER_ID = /^dl_[A-Za-z0-9_-]{16,64}$/;
/** The cookie goes only to the token route, and lasts a year: the same browser is the same customer. */
const COOKIE_ATTRIBUTES = `Path=/api/webchat; Max-Age=${365 * 24 * 3600}; HttpOnly; SameSite=Lax`;

const userTokenPayload = z.object({
  sub: z.string().min(1).max(128).regex(/^[\x21-\x7e]+$/, 'sub must be printable ASCII without spaces'),
  exp: z.number().int().positive(),
});

export interface Visitor {
  userId: string;
  /** Set-Cookie value when this request made a new anonymous visitor */
  setCookie?: string;
}

export interface VisitorIdentityOptions {
  /** the shop's key for user tokens; unset: user tokens are refused (403) */
  userTokenSecret?: string;
  trustProxy: boolean;
  now?: () => number;
}

export class VisitorIdentity {
  private readonly cookieKey: Buffer;
  private readonly now: () => number;

  constructor(
    directLineSecret: string,
    private readonly options: VisitorIdentityOptions,
  ) {
    // derived, so a cookie signature reveals nothing usable as the Direct Line secret or its token key
    this.cookieKey = crypto.createHmac('sha256', directLineSecret).update('webchat-visitor-cookie-v1').digest();
    this.now = options.now ?? Date.now;
  }

  /** The visitor; throws 401 for a forged/expired user token, 403 when user tokens are not configured. */
  identify(req: IncomingMessage, userToken: string | undefined): Visitor {
    if (userToken !== undefined) return { userId: `shop:${this.verifyUserToken(userToken)}` };
    const known = this.fromCookie(String(req.headers.cookie ?? ''));
    if (known) return { userId: known };
    const userId = `dl_${crypto.randomBytes(16).toString('base64url')}`;
    const secure = cameOverHttps(req, this.options.trustProxy) ? '; Secure' : '';
    return { userId, setCookie: `${VISITOR_COOKIE}=${userId}.${this.sign(userId)}; ${COOKIE_ATTRIBUTES}${secure}` };
  }

  private sign(userId: string): string {
    return crypto.createHmac('sha256', this.cookieKey).update(userId).digest('base64url');
  }

  private fromCookie(header: string): string | undefined {
    for (const part of header.split(';')) {
      const [name, value = ''] = part.trim().split('=', 2);
      if (name !== VISITOR_COOKIE) continue;
      const dot = value.lastIndexOf('.');
      const userId = value.slice(0, dot);
      if (dot > 0 && PAGE_USER_ID.test(userId) && constantTimeEqual(value.slice(dot + 1), this.sign(userId))) return userId;
    }
    return undefined;
  }

  private verifyUserToken(token: string): string {
    const secret = this.options.userTokenSecret;
    if (!secret) throw new HttpError(403, 'disabled', 'user tokens are not accepted here: WEBCHAT_USER_TOKEN_SECRET is not set');
    const invalid = new HttpError(401, 'unauthorized', 'the user token is not valid');
    const [payload, signature, ...rest] = token.split('.');
    if (!payload || !signature || rest.length > 0) throw invalid;
    const expected = crypto.createHmac('sha256', secret).update(payload).digest('base64url');
    if (!constantTimeEqual(signature, expected)) throw invalid;
    let claims: unknown;
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      throw invalid;
    }
    const parsed = userTokenPayload.safeParse(claims);
    if (!parsed.success) throw new HttpError(401, 'unauthorized', `the user token's payload is not valid: ${parsed.error.issues[0].message}`);
    if (parsed.data.exp * 1000 <= this.now()) throw new HttpError(401, 'user_token_expired', 'the user token has expired: the shop must sign a fresh one');
    return parsed.data.sub;
  }
}
