/**
 * Who a staff request comes from: the `staff_session` cookie (agents and admins who logged in on a page)
 * or `Authorization: Bearer <ADMIN_TOKEN>` (automation). Routes name the roles they accept; an admin
 * passes every role check. A cookie is sent by the browser on its own, so a cookie-authenticated request
 * that changes something (not GET/HEAD) must also carry the session's CSRF token in `X-CSRF-Token`,
 * which only the page (which read it from /api/agent/me or the login answer) knows.
 */
import type { Request, Response } from 'restify';
import type { StaffAccounts } from '../services/staff/staffAccounts';
import type { StaffSessions } from '../services/staff/staffSessions';
import type { StaffRole, StaffSession } from '../services/staff/types';
import { constantTimeEqual, HttpError, route } from '../platform/http';
import { auditActor } from './adminAudit';

export type { StaffRole } from '../services/staff/types';

export interface StaffPrincipal {
  username: string;
  role: StaffRole;
  via: 'session' | 'token';
}

export interface StaffAuthDeps {
  accounts: StaffAccounts;
  sessions: StaffSessions;
  adminToken?: string;
  /** behind a reverse proxy: trust X-Forwarded-Proto for the cookie's Secure flag */
  trustProxy?: boolean;
}

export const SESSION_COOKIE = 'staff_session';
const SAFE_METHODS = new Set(['GET', 'HEAD']);

/** The value of one cookie from the Cookie header, or undefined. */
export function cookieValue(req: Request, name: string): string | undefined {
  for (const part of String(req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export class StaffAuth {
  constructor(private readonly deps: StaffAuthDeps) {}

  get accounts(): StaffAccounts {
    return this.deps.accounts;
  }

  get sessions(): StaffSessions {
    return this.deps.sessions;
  }

  /**
   * The principal of the request, or HttpError: 401 `unauthenticated` (no or invalid credentials),
   * 403 `forbidden` (role not accepted), 403 `csrf` (cookie request without the right X-CSRF-Token).
   */
  async require(req: Request, roles: StaffRole[]): Promise<StaffPrincipal> {
    const principal = await this.authenticate(req);
    auditActor(req, principal); // an /api/admin/* request is audited with who sent it, a refused role included
    if (principal.role !== 'admin' && !roles.includes(principal.role)) {
      throw new HttpError(403, 'forbidden', `this needs the role ${roles.join(' or ')}`);
    }
    return principal;
  }

  /** The session behind the request's cookie (live, account enabled), or null. No CSRF check. */
  async session(req: Request): Promise<StaffSession | null> {
    const token = cookieValue(req, SESSION_COOKIE);
    if (!token) return null;
    const session = await this.deps.sessions.find(token);
    if (!session) return null;
    // a disabled account loses its sessions at once, not when they expire
    const account = await this.deps.accounts.get(session.username);
    return account && !account.disabled ? session : null;
  }

  /** For the admin throttle: true when the request carries a live staff session (not a wrong token). */
  async hasSession(req: Request): Promise<boolean> {
    return (await this.session(req)) !== null;
  }

  private async authenticate(req: Request): Promise<StaffPrincipal> {
    const bearer = /^Bearer\s+(.+)$/i.exec(String(req.headers.authorization ?? ''));
    if (bearer) {
      // a request that names a token is judged by it alone: a wrong token is never rescued by a cookie
      if (this.deps.adminToken && constantTimeEqual(bearer[1].trim(), this.deps.adminToken)) {
        return { username: 'admin-token', role: 'admin', via: 'token' };
      }
      throw unauthenticated();
    }
    const session = await this.session(req);
    if (!session) throw unauthenticated();
    if (!SAFE_METHODS.has(String(req.method).toUpperCase())) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !constantTimeEqual(sent, session.csrfToken)) {
        throw new HttpError(403, 'csrf', 'missing or wrong X-CSRF-Token header');
      }
    }
    return { username: session.username, role: session.role, via: 'session' };
  }

  /** Set-Cookie for a new session: HttpOnly, SameSite=Strict, Secure when the request came over https. */
  setSessionCookie(req: Request, res: Response, token: string): void {
    const maxAge = Math.floor(this.deps.sessions.ttlMs / 1000);
    res.setHeader('Set-Cookie', `${SESSION_COOKIE}=${token}; ${this.cookieFlags(req)}; Max-Age=${maxAge}`);
  }

  clearSessionCookie(req: Request, res: Response): void {
    res.setHeader('Set-Cookie', `${SESSION_COOKIE}=; ${this.cookieFlags(req)}; Max-Age=0`);
  }

  private cookieFlags(req: Request): string {
    return ['Path=/', 'HttpOnly', 'SameSite=Strict', ...(this.isHttps(req) ? ['Secure'] : [])].join('; ');
  }

  private isHttps(req: Request): boolean {
    if ((req.socket as { encrypted?: boolean } | undefined)?.encrypted) return true;
    if (!this.deps.trustProxy) return false;
    const proto = String(req.headers['x-forwarded-proto'] ?? '').split(',').pop()?.trim().toLowerCase();
    return proto === 'https';
  }
}

function unauthenticated(): HttpError {
  return new HttpError(401, 'unauthenticated', 'log in as staff or send the admin token');
}

type StaffHandler = (req: Request, res: Response, principal: StaffPrincipal) => Promise<void>;

/** A route for staff: the role check, then the handler; JSON errors as `route` gives them. */
export function staffRoute(auth: StaffAuth, roles: StaffRole[], handler: StaffHandler, onUnexpected: (err: unknown, req: Request) => void) {
  return route(async (req, res) => {
    const principal = await auth.require(req, roles);
    await handler(req, res, principal);
  }, onUnexpected);
}
