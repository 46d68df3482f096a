/**
 * A small fixed-window rate limit per client IP, for the page-token route: enough to stop a script from
 * minting tokens (and conversations) in bulk, generous for people reloading the page.
 */
import type { Request } from 'restify';

export class RateLimiter {
  private windowStart = 0;
  private counts = new Map<string, number>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request; returns the seconds to wait when over the limit, else 0. */
  take(key: string): number {
    const now = this.now();
    if (now - this.windowStart >= 60000) {
      this.windowStart = now;
      this.counts = new Map();
    }
    const count = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, count);
    return count > this.perMinute ? Math.ceil((this.windowStart + 60000 - now) / 1000) : 0;
  }
}

export function clientIp(req: Request, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = String(req.headers['x-forwarded-for'] ?? '').split(',')[0].trim();
    if (forwarded) return forwarded;
  }
  return req.socket.remoteAddress ?? 'unknown';
}
