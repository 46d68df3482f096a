/**
 * Throttles wrong admin tokens per source address, on every /api/admin/* route (whoever registered it):
 * after `maxFailures` wrong or missing tokens in a window, each admin request from that address gets
 * 429 with Retry-After until the window ends — one with the right token too. Answering the right token
 * normally would keep the API a guessing oracle at full speed; the price is that an admin who shares an
 * address with an attacker waits out the window (or uses another address).
 *
 * Each request is counted as a failure before its token is checked and forgiven when the token is right,
 * so a burst of concurrent guesses cannot all slip past a check made before any was counted. The count
 * is in the store (FailureThrottle), so it holds across instances. Runs as a restify `use` handler: after
 * routing (only real admin routes), before the route's own bearer check, which still answers the 401.
 */
import type { Next, Request, Response, Server } from 'restify';
import type { Logger } from '../platform/logger';
import { addressBucket, requestAddress } from '../platform/clientAddress';
import { FailureThrottle, ThrottleRule } from '../services/throttle/failureThrottle';
import { constantTimeEqual, HttpError, sendError } from '../platform/http';

export interface AdminThrottleOptions {
  adminToken?: string;
  failures: FailureThrottle;
  /** wrong tokens per address per window */
  maxFailures: number;
  windowMs?: number;
  /** behind a reverse proxy: the client is the last X-Forwarded-For entry (the one our proxy added) */
  trustProxy: boolean;
  logger: Logger;
  /** a request with a live staff session (cookie) is no token guess: it is not counted (the route checks its role) */
  hasStaffSession?: (req: Request) => Promise<boolean>;
}

const ADMIN_PATH = /^\/api\/admin(\/|$)/i;

function bearerMatches(req: Request, token: string): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(String(req.headers.authorization ?? ''));
  return Boolean(match && constantTimeEqual(match[1].trim(), token));
}

export function registerAdminThrottle(server: Server, options: AdminThrottleOptions): void {
  const rule: ThrottleRule = { scope: 'admin-address', limit: options.maxFailures, windowMs: options.windowMs ?? 15 * 60 * 1000 };
  const refuse = (res: Response, wait: number) => {
    res.setHeader('Retry-After', String(wait));
    sendError(res, new HttpError(429, 'too_many_failures', `too many wrong admin tokens from this address; retry in ${wait} s`));
  };
  server.use((req: Request, res: Response, next: Next) => {
    const path = String(req.getRoute?.()?.path ?? '');
    // a switched-off admin API (no token) answers 403 by itself: nothing to guess
    if (!options.adminToken || !ADMIN_PATH.test(path)) return next();
    const token = options.adminToken;
    const address = addressBucket(requestAddress(req, options.trustProxy));
    (async () => {
      if (!req.headers.authorization && options.hasStaffSession && (await options.hasStaffSession(req))) return 'continue';
      const blocked = await options.failures.blockedFor(rule, address);
      if (blocked > 0) return refuse(res, blocked);
      const wait = await options.failures.fail(rule, address);
      if (wait > 0) {
        options.logger.warn({ retryAfterSeconds: wait }, 'admin API: too many wrong tokens from one address');
        return refuse(res, wait);
      }
      if (bearerMatches(req, token)) await options.failures.forgive(rule, address);
      return 'continue';
    })().then(
      (outcome) => (outcome === 'continue' ? next() : next(false)),
      (err) => {
        options.logger.error({ err }, 'admin throttle failed');
        sendError(res, new HttpError(503, 'unavailable', 'try again shortly'));
        next(false);
      },
    );
  });
}
