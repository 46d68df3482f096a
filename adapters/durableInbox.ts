/**
 * A durable inbox for webhook channels (Telegram, WeChat): what a platform will not resend once we
 * acknowledge it is written to the store first, keyed by the platform's own id, so
 *   - a redelivery of the same id, on any instance, finds it there and is not run twice;
 *   - a process killed after the acknowledgement loses nothing: the entry stays `pending` and any
 *     instance takes it over when its lease runs out (at startup, then every few seconds).
 * The instance working on an entry keeps its lease alive; a takeover is an atomic compare-and-set on
 * the lease, so two instances starting together run a left-over entry once. An entry that failed
 * `maxAttempts` times (a message that kills the process) is set aside, not retried forever.
 * Finished entries keep only their id (payload removed: it may hold customer text) until they expire.
 */
import crypto from 'node:crypto';
import { DocumentStore, DuplicateKeyError } from '../storage/documentStore';

export interface InboxEntry {
  _id: string;
  status: 'pending' | 'done' | 'failed';
  /** what the platform sent (JSON or XML text), removed when the entry is finished */
  payload?: string;
  owner: string;
  leaseUntil?: Date;
  attempts: number;
  receivedAt: Date;
  /** set when finished: the id is remembered until then (TTL index) */
  expiresAt?: Date;
}

export interface DurableInboxOptions {
  /** how long an entry stays with the instance that took it without a heartbeat (ms) */
  leaseMs?: number;
  /** how long a finished id is remembered, to refuse late redeliveries (ms) */
  keepDoneMs?: number;
  maxAttempts?: number;
  /** the clock (tests simulate an old crash with it) */
  now?: () => number;
}

export type InboxHandler<T = unknown> = (id: string, payload: string) => Promise<T>;

export class DurableInbox {
  readonly instance = crypto.randomUUID();
  private readonly leaseMs: number;
  private readonly keepDoneMs: number;
  private readonly maxAttempts: number;
  private readonly now: () => number;
  private indexed?: Promise<void>;
  private sweeping?: Promise<number>;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly store: DocumentStore,
    private readonly name: string,
    options: DurableInboxOptions = {},
  ) {
    this.leaseMs = options.leaseMs ?? 15_000;
    this.keepDoneMs = options.keepDoneMs ?? 24 * 3600_000;
    this.maxAttempts = options.maxAttempts ?? 3;
    this.now = options.now ?? Date.now;
  }

  private get entries() {
    return this.store.collection<InboxEntry>(this.name);
  }

  private ready(): Promise<void> {
    this.indexed ??= Promise.all([
      this.store.ensureIndex(this.name, { fields: { expiresAt: 1 }, expireAfterSeconds: 0 }),
      this.store.ensureIndex(this.name, { fields: { status: 1, leaseUntil: 1 } }),
    ]).then(() => undefined);
    return this.indexed;
  }

  /** Records an entry this instance will run; false when the id is already known (a redelivery). */
  async accept(id: string, payload: string): Promise<boolean> {
    await this.ready();
    const now = this.now();
    try {
      await this.entries.insertOne({
        _id: id,
        status: 'pending',
        payload,
        owner: this.instance,
        leaseUntil: new Date(now + this.leaseMs),
        attempts: 1,
        receivedAt: new Date(now),
      });
      return true;
    } catch (err) {
      if (err instanceof DuplicateKeyError) return false;
      throw err;
    }
  }

  /**
   * Keeps an accepted entry's lease alive until the returned finish() marks it done — for callers whose
   * work ends later than one function (WeChat: once the reply has left, passively or through the API).
   */
  hold(id: string): () => Promise<void> {
    const heartbeat = setInterval(() => {
      this.entries
        .updateOne({ _id: id, owner: this.instance, status: 'pending' }, { $set: { leaseUntil: new Date(this.now() + this.leaseMs) } })
        .catch(() => undefined); // a missed heartbeat only risks a second run, never a lost message
    }, Math.max(10, Math.floor(this.leaseMs / 3)));
    heartbeat.unref();
    let finished: Promise<void> | undefined;
    return () => {
      clearInterval(heartbeat);
      finished ??= this.finish(id, 'done');
      return finished;
    };
  }

  /** Runs an accepted entry, keeping its lease alive meanwhile; marks it done whether or not it threw. */
  async run<T>(id: string, payload: string, handler: InboxHandler<T>): Promise<T> {
    const finish = this.hold(id);
    try {
      return await handler(id, payload);
    } finally {
      await finish();
    }
  }

  /** Takes over and runs every pending entry whose lease ran out (oldest first); returns how many ran. */
  resume(handler: InboxHandler, onFailed?: (id: string) => void): Promise<number> {
    // one sweep at a time per instance: the timer must not start a second while the first is running
    this.sweeping ??= this.sweep(handler, onFailed).finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  /** Resumes now, then again every lease/3 until stop(). Errors go to onError (the sweep goes on). */
  start(handler: InboxHandler, onError: (err: unknown) => void, onFailed?: (id: string) => void): void {
    const tick = () => void this.resume(handler, onFailed).catch(onError);
    tick();
    this.timer = setInterval(tick, Math.max(10, Math.floor(this.leaseMs / 3)));
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private async sweep(handler: InboxHandler, onFailed?: (id: string) => void): Promise<number> {
    await this.ready();
    const expired = await this.entries.find({ status: 'pending', leaseUntil: { $lt: new Date(this.now()) } }, { sort: { receivedAt: 1 }, limit: 100 });
    let ran = 0;
    for (const entry of expired) {
      const taken = await this.entries.findOneAndUpdate(
        { _id: entry._id, status: 'pending', leaseUntil: entry.leaseUntil },
        { $set: { owner: this.instance, leaseUntil: new Date(this.now() + this.leaseMs) }, $inc: { attempts: 1 } },
      );
      if (!taken) continue; // another instance got there first
      if (taken.attempts > this.maxAttempts || taken.payload === undefined) {
        await this.finish(taken._id, 'failed');
        onFailed?.(taken._id);
        continue;
      }
      await this.run(taken._id, taken.payload, handler);
      ran++;
    }
    return ran;
  }

  private async finish(id: string, status: 'done' | 'failed'): Promise<void> {
    await this.entries.updateOne(
      { _id: id },
      { $set: { status, expiresAt: new Date(this.now() + this.keepDoneMs) }, $unset: { payload: true, leaseUntil: true } },
    );
  }
}
