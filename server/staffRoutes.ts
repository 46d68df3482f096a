/**
 * Staff accounts and logins over HTTP: admins create and list accounts (`/api/admin/agents`, admin token
 * or admin session); agents and admins log in and out and ask who they are (`/api/agent/login|logout|me`).
 * Wrong logins are throttled per address and username in the store, so the limit holds across instances;
 * an unknown username and a wrong password get the same answer.
 */
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { Logger } from '../platform/logger';
import { addressBucket, requestAddress } from '../platform/clientAddress';
import { HttpError, readJsonObject, route, sendError, sendJson } from '../platform/http';
import type { FailureThrottle, ThrottleRule } from '../services/throttle/failureThrottle';
import { StaffAccountError } from '../services/staff/types';
import { cookieValue, SESSION_COOKIE, StaffAuth, staffRoute } from './staffAuth';

export interface StaffRouteDeps {
  auth: StaffAuth;
  failures: FailureThrottle;
  /** wrong passwords per address and username per window */
  maxLoginFailures: number;
  windowMs?: number;
  trustProxy: boolean;
  logger: Logger;
  /** an agent who logs out stops getting customers assigned (the desk's presence) */
  onLogout?: (username: string) => Promise<void>;
}

const MAX_BODY = 8 * 1024;
const loginBody = z.object({ username: z.string().max(64), password: z.string().max(200) }).strict();

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new HttpError(400, 'invalid_body', `${issue.path.join('.') || 'body'}: ${issue.message}`);
}

export function registerStaffRoutes(server: Server, deps: StaffRouteDeps): void {
  const { auth, logger } = deps;
  const onUnexpected = (err: unknown) => logger.error({ err }, 'staff request failed');
  const rule: ThrottleRule = { scope: 'staff-login', limit: deps.maxLoginFailures, windowMs: deps.windowMs ?? 15 * 60 * 1000 };

  server.post(
    '/api/admin/agents',
    staffRoute(
      auth,
      ['admin'],
      async (req, res, principal) => {
        const body = await readJsonObject(req, MAX_BODY);
        try {
          const account = await auth.accounts.create(body as never);
          logger.info({ username: account.username, role: account.role, by: principal.username }, 'staff account created');
          sendJson(res, 201, { username: account.username, role: account.role });
        } catch (err) {
          if (!(err instanceof StaffAccountError)) throw err;
          if (err.code === 'taken') throw new HttpError(409, 'taken', err.message);
          throw new HttpError(400, err.code, err.message);
        }
      },
      onUnexpected,
    ),
  );

  server.get(
    '/api/admin/agents',
    staffRoute(auth, ['admin'], async (_req, res) => sendJson(res, 200, { items: await auth.accounts.list() }), onUnexpected),
  );

  server.post(
    '/api/agent/login',
    route(async (req, res) => {
      const { username, password } = parse(loginBody, await readJsonObject(req, MAX_BODY));
      const key = `${addressBucket(requestAddress(req, deps.trustProxy))}|${username.trim().toLowerCase()}`;
      // counted before the check and forgiven on success, so a concurrent burst cannot all slip through
      const blocked = (await deps.failures.blockedFor(rule, key)) || (await deps.failures.fail(rule, key));
      if (blocked > 0) {
        logger.warn({ retryAfterSeconds: blocked }, 'staff login: too many wrong passwords for one username from one address');
        res.setHeader('Retry-After', String(blocked));
        return sendError(res, new HttpError(429, 'too_many_failures', `too many wrong logins; retry in ${blocked} s`));
      }
      const account = await auth.accounts.verify(username, password);
      if (!account) throw new HttpError(401, 'wrong_credentials', 'wrong username or password');
      await deps.failures.forgive(rule, key);
      // a new login replaces the browser's previous session
      const previous = cookieValue(req, SESSION_COOKIE);
      if (previous) await auth.sessions.end(previous);
      const { token, session } = await auth.sessions.start(account);
      auth.setSessionCookie(req, res, token);
      logger.info({ username: account._id, role: account.role }, 'staff login');
      sendJson(res, 200, { username: account._id, role: account.role, displayName: account.displayName ?? account._id, csrfToken: session.csrfToken });
    }, onUnexpected),
  );

  server.post(
    '/api/agent/logout',
    route(async (req: Request, res: Response) => {
      const token = cookieValue(req, SESSION_COOKIE);
      // with a live session the CSRF token is required (a foreign page must not log the agent out)
      if (token && (await auth.session(req))) {
        const principal = await auth.require(req, ['agent', 'admin']);
        await auth.sessions.end(token);
        await deps.onLogout?.(principal.username);
      }
      auth.clearSessionCookie(req, res);
      sendJson(res, 200, { loggedOut: true });
    }, onUnexpected),
  );

  server.get(
    '/api/agent/me',
    staffRoute(
      auth,
      ['agent', 'admin'],
      async (req, res, principal) => {
        if (principal.via === 'token') return sendJson(res, 200, { username: principal.username, role: principal.role, displayName: 'Admin (token)', csrfToken: null });
        const session = await auth.session(req);
        const account = session && (await auth.accounts.get(session.username));
        if (!session || !account) throw new HttpError(401, 'unauthenticated', 'log in as staff or send the admin token');
        sendJson(res, 200, { username: account._id, role: account.role, displayName: account.displayName ?? account._id, csrfToken: session.csrfToken });
      },
      onUnexpected,
    ),
  );
}
