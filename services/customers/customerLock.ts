/**
 * Serializes the turns of one customer, so two messages at the same time (two channels, two bot
 * instances) never interleave their read-modify-write of the customer's state.
 *
 * Within a process a promise chain per customer does it at no cost. With `distributed` on (several
 * instances on one MongoDB), a lease document in the store is held as well; a lease that outlives its
 * holder (crash) expires after `leaseMs`. eTag checks on save remain the last line of defence.
 *
 * Merging two customers holds both locks (`runAll`, taken in id order so two merges cannot deadlock).
 * The lock is not re-entrant: work that needs another customer's lock (linking, from inside a turn)
 * runs after the turn. Waiting is bounded (`timeoutMs`), so a caller that asks again for a lock it holds
 * gets a LockTimeoutError rather than hanging forever. (Detecting that at once would need
 * AsyncLocalStorage, whose promise hooks cost every turn about a tenth of its CPU on Node 20.)
 */
import crypto from 'node:crypto';
import { DocumentStore, DuplicateKeyError } from '../../storage/documentStore';

interface LeaseDoc {
  _id: string;
  owner: string;
  expiresAt: Date;
}

export class LockTimeoutError extends Error {
  constructor(readonly customerId: string) {
    super(`timed out waiting for the turn lock of customer ${customerId}`);
    this.name = 'LockTimeoutError';
  }
}

export interface CustomerLockOptions {
  distributed?: boolean;
  leaseMs?: number;
  timeoutMs?: number;
}

export class CustomerLock {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly owner = crypto.randomBytes(8).toString('hex');
  private readonly leaseMs: number;
  private readonly timeoutMs: number;

  constructor(
    private readonly store: DocumentStore,
    private readonly options: CustomerLockOptions = {},
  ) {
    this.leaseMs = options.leaseMs ?? 30000;
    this.timeoutMs = options.timeoutMs ?? 15000;
  }

  static async ensureIndexes(store: DocumentStore): Promise<void> {
    await store.ensureIndex('turnLocks', { fields: { expiresAt: 1 } });
  }

  /** Runs `work` while holding the customer's lock. */
  async run<T>(customerId: string, work: () => Promise<T>): Promise<T> {
    return this.runHeld(customerId, work);
  }

  /** Runs `work` while holding the locks of all these customers, taken in id order. */
  async runAll<T>(customerIds: string[], work: () => Promise<T>): Promise<T> {
    const ordered = [...new Set(customerIds)].sort();
    const nest = (i: number): Promise<T> => (i === ordered.length ? work() : this.run(ordered[i], () => nest(i + 1)));
    return nest(0);
  }

  private async runHeld<T>(customerId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(customerId) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => mine);
    this.tails.set(customerId, tail);
    try {
      await this.waitFor(previous, customerId);
      if (!this.options.distributed) return await work();
      await this.acquireLease(customerId);
      try {
        return await work();
      } finally {
        await this.leases.deleteOne({ _id: customerId, owner: this.owner }).catch(() => undefined);
      }
    } finally {
      release();
      if (this.tails.get(customerId) === tail) this.tails.delete(customerId);
    }
  }

  /** Waits for the previous holder, at most timeoutMs (a stuck or self-deadlocked holder must not hang every later turn). */
  private async waitFor(previous: Promise<void>, customerId: string): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new LockTimeoutError(customerId)), this.timeoutMs);
    });
    try {
      await Promise.race([previous, timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }

  private get leases() {
    return this.store.collection<LeaseDoc>('turnLocks');
  }

  private async acquireLease(customerId: string): Promise<void> {
    const deadline = Date.now() + this.timeoutMs;
    let wait = 5;
    for (;;) {
      const now = new Date();
      const expiresAt = new Date(now.getTime() + this.leaseMs);
      try {
        await this.leases.insertOne({ _id: customerId, owner: this.owner, expiresAt });
        return;
      } catch (err) {
        if (!(err instanceof DuplicateKeyError)) throw err;
      }
      // the holder died: take over an expired lease
      const taken = await this.leases.updateOne(
        { _id: customerId, expiresAt: { $lt: now } },
        { $set: { owner: this.owner, expiresAt } },
      );
      if (taken.matched > 0) return;
      if (Date.now() > deadline) throw new LockTimeoutError(customerId);
      await new Promise((r) => setTimeout(r, wait + Math.random() * wait));
      wait = Math.min(wait * 2, 100);
    }
  }
}
