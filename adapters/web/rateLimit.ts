/**
 * A small fixed-window counter per client address, used twice: for the page-token route (stop a script
 * from minting tokens and conversations in bulk, generous for people reloading the page) and for wrong
 * credentials on the Direct Line endpoint (stop guessing; only failures are counted there).
 */
import { HttpError } from '../../platform/http';

export { clientIp } from './clientAddress';

/** 429 with the seconds to wait; routes turn `retryAfterSeconds` into a Retry-After header. */
export class TooManyRequestsError extends HttpError {
  constructor(
    readonly retryAfterSeconds: number,
    message: string,
  ) {
    super(429, 'too_many_requests', message);
  }
}

export class RateLimiter {
  private windowStart = 0;
  private counts = new Map<string, number>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request; returns the seconds to wait when over the limit, else 0. */
  take(key: string): number {
    this.roll();
    const count = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, count);
    return count > this.perMinute ? this.secondsLeft() : 0;
  }

  /** Without counting: the seconds to wait when `key` has already used up this window, else 0. */
  waiting(key: string): number {
    this.roll();
    return (this.counts.get(key) ?? 0) >= this.perMinute ? this.secondsLeft() : 0;
  }

  private roll(): void {
    const now = this.now();
    if (now - this.windowStart >= 60000) {
      this.windowStart = now;
      this.counts = new Map();
    }
  }

  private secondsLeft(): number {
    return Math.max(1, Math.ceil((this.windowStart + 60000 - this.now()) / 1000));
  }
}
