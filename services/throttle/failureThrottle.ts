/**
 * Counts failures (wrong admin tokens, wrong link codes) per key — a source address, or one key for
 * everyone — in fixed time windows held in the store, so the limit holds across bot instances and
 * restarts. A key that reached its limit stays blocked until its window ends, whatever it sends.
 *
 * Why not adapters/web/rateLimit.ts: that one counts every request in process memory (a per-instance
 * page-token limit); failures against secrets must be counted once for all instances.
 *
 * Keys are stored hashed: the store never holds a client's address. Fixed windows let a key spend at
 * most 2 × limit failures across one window boundary; the odds in README.md are computed with that.
 */
import crypto from 'node:crypto';
import { DocumentStore, DuplicateKeyError } from '../../storage/documentStore';
export { addressBucket } from '../../platform/clientAddress';

export interface ThrottleRule {
  /** what is being limited, e.g. `admin-address`; part of the stored key */
  scope: string;
  /** failures allowed per window; the next one is refused */
  limit: number;
  windowMs: number;
}

interface WindowDoc {
  _id: string; // `${scope}|${hash(key)}|${window index}`
  count: number;
  expiresAt: Date;
}

export const FAILURE_WINDOWS = 'failureWindows';

export class FailureThrottle {
  constructor(
    private readonly store: DocumentStore,
    private readonly now: () => number = Date.now,
  ) {}

  static async ensureIndexes(store: DocumentStore): Promise<void> {
    await store.ensureIndex(FAILURE_WINDOWS, { fields: { expiresAt: 1 }, expireAfterSeconds: 0 });
  }

  private get windows() {
    return this.store.collection<WindowDoc>(FAILURE_WINDOWS);
  }

  /** Seconds until `key` may try again (0: not blocked). Reads only. */
  async blockedFor(rule: ThrottleRule, key: string): Promise<number> {
    const now = this.now();
    const doc = await this.windows.findOne({ _id: this.docId(rule, key, now) });
    return (doc?.count ?? 0) >= rule.limit ? this.secondsLeft(rule, now) : 0;
  }

  /**
   * Records one failure of `key`; returns the seconds it must now wait: 0 while the failures of this
   * window are at most `limit` (the limit-th failure is still let through), else until the window ends.
   */
  async fail(rule: ThrottleRule, key: string): Promise<number> {
    const now = this.now();
    const _id = this.docId(rule, key, now);
    const expiresAt = new Date((Math.floor(now / rule.windowMs) + 1) * rule.windowMs);
    let doc: WindowDoc | null;
    try {
      doc = await this.windows.findOneAndUpdate({ _id }, { $inc: { count: 1 }, $set: { expiresAt } }, { upsert: true });
    } catch (err) {
      // two instances created the window at once (MongoDB upsert race): the document exists now
      if (!(err instanceof DuplicateKeyError)) throw err;
      doc = await this.windows.findOneAndUpdate({ _id }, { $inc: { count: 1 } });
    }
    return (doc?.count ?? 1) > rule.limit ? this.secondsLeft(rule, now) : 0;
  }

  /**
   * Takes back one failure recorded by `fail` in this window. Callers that must be race-free count an
   * attempt as a failure before checking it (so N concurrent attempts cannot all pass a check made
   * before any of them was counted) and forgive it when it turned out to succeed.
   */
  async forgive(rule: ThrottleRule, key: string): Promise<void> {
    await this.windows.updateOne({ _id: this.docId(rule, key, this.now()), count: { $gt: 0 } }, { $inc: { count: -1 } });
  }

  private docId(rule: ThrottleRule, key: string, now: number): string {
    const hashed = crypto.createHash('sha256').update(`${rule.scope}:${key}`).digest('base64url').slice(0, 22);
    return `${rule.scope}|${hashed}|${Math.floor(now / rule.windowMs)}`;
  }

  private secondsLeft(rule: ThrottleRule, now: number): number {
    const end = (Math.floor(now / rule.windowMs) + 1) * rule.windowMs;
    return Math.max(1, Math.ceil((end - now) / 1000));
  }
}
