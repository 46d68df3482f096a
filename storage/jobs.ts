/**
 * Durable jobs in the DocumentStore: scheduled work that survives restarts and runs once across several
 * instances sharing one store. agenda would need MongoDB (and is ESM-only); claiming rows atomically with
 * findOneAndUpdate works the same on both backends (proven by the storage contract suite).
 *
 * A row is due while it carries `dueAt` (epoch ms of runAt while scheduled, of lockedUntil while running;
 * a number because NeDB leaves Dates out of sparse indexes); finished and failed rows drop the field, so
 * the sparse index on it holds only live work and one poll is one indexed findOneAndUpdate, never a scan. A runner that dies mid-job stops heartbeating; once its lock
 * expires the row is due again and another runner takes it (at-least-once across crashes: handlers
 * should be idempotent, e.g. by writing rows with unique keys).
 */
import crypto from 'node:crypto';
import { DocumentStore, DuplicateKeyError } from './documentStore';
import { JOBS_COLLECTION, JobDoc, fromDoc, listFilter, rowId } from './jobs/records';
import { claimUpdate, describeError, failureUpdate, heartbeatUpdate, successUpdate } from './jobs/transitions';
import {
  JobContext,
  JobHandler,
  JobListFilter,
  JobLockLostError,
  JobRecord,
  JobRunnerOptions,
  JobSpec,
} from './jobs/types';

export * from './jobs/types';
export { JOBS_COLLECTION };

export const DEFAULT_MAX_ATTEMPTS = 5;
const EVERY_KEY = 'every';

export function defaultBackoffMs(attempt: number): number {
  return Math.min(1000 * 2 ** Math.max(0, attempt - 1), 60 * 60 * 1000);
}

export class JobRunner {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly lockMs: number;
  private readonly pollMs: number;
  private readonly now: () => Date;
  private readonly backoffMs: (attempt: number) => number;
  private readonly concurrency: number;
  private readonly stopTimeoutMs: number;
  private readonly workers = new Set<Promise<void>>();
  private active = 0;
  private timer?: NodeJS.Timeout;
  private started = false;
  private stopping = false;

  constructor(
    private readonly store: DocumentStore,
    private readonly opts: JobRunnerOptions,
  ) {
    this.lockMs = opts.lockMs ?? 60_000;
    this.pollMs = opts.pollMs ?? 1000;
    this.now = opts.now ?? (() => new Date());
    this.backoffMs = opts.backoffMs ?? defaultBackoffMs;
    this.concurrency = Math.max(1, opts.concurrency ?? 4);
    this.stopTimeoutMs = opts.stopTimeoutMs ?? 30_000;
  }

  /** The claim index (sparse: only live rows) and the admin listing's. Idempotent. */
  static async ensureIndexes(store: DocumentStore): Promise<void> {
    await store.ensureIndex(JOBS_COLLECTION, { fields: { dueAt: 1 }, sparse: true });
    await store.ensureIndex(JOBS_COLLECTION, { fields: { name: 1, runAt: 1 } });
  }

  private get jobs() {
    return this.store.collection<JobDoc>(JOBS_COLLECTION);
  }

  /** Idempotent by (name, key): a keyed row's _id is derived from both, so the store's unique _id decides. */
  async schedule(spec: JobSpec): Promise<JobRecord> {
    return this.insertOrGet(spec);
  }

  /** One row per name, run every `intervalMs` from now on; a later call (restart) updates interval and data. */
  async every(name: string, intervalMs: number, data?: Record<string, unknown>): Promise<void> {
    if (!(intervalMs > 0)) throw new Error(`every(${name}): interval must be positive`);
    const existing = await this.insertOrGet({ name, key: EVERY_KEY, data }, intervalMs);
    if (existing.everyMs === intervalMs && data === undefined) return;
    const set: Record<string, unknown> = { everyMs: intervalMs };
    if (data !== undefined) set.data = data;
    await this.jobs.updateOne({ _id: existing._id }, { $set: set });
  }

  handle(name: string, handler: JobHandler): void {
    this.handlers.set(name, handler);
  }

  start(): void {
    if (this.started || this.stopping) return;
    this.started = true;
    // a tick does not wait for the handlers it started: a long job keeps its slot while the next ticks
    // fill the free ones (each tick is at most one claim query while nothing is due)
    const tick = () => {
      if (this.stopping) return;
      void this.runDue().catch((err: unknown) => this.opts.logger?.error({ err }, 'job poll failed'));
      this.timer = setTimeout(tick, this.pollMs).unref();
    };
    this.timer = setTimeout(tick, 0).unref();
  }

  /** Stops claiming and waits for running handlers (at most `timeoutMs`, default stopTimeoutMs). */
  async stop(timeoutMs = this.stopTimeoutMs): Promise<void> {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.workers.size === 0) return;
    let timeout: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<void>((resolve) => {
      timeout = setTimeout(resolve, timeoutMs);
      timeout.unref();
    });
    await Promise.race([Promise.allSettled([...this.workers]), gaveUp]);
    clearTimeout(timeout);
  }

  /**
   * One poll: claims due jobs into the free slots and runs them; resolves with how many ran once this
   * poll's handlers have finished. An idle poll is one indexed query.
   */
  async runDue(): Promise<number> {
    if (this.stopping || this.handlers.size === 0) return 0;
    let ran = 0;
    const mine: Promise<void>[] = [];
    const spawn = (): void => {
      if (this.stopping || this.active >= this.concurrency) return;
      this.active++;
      const worker = (async () => {
        try {
          for (;;) {
            if (this.stopping) return;
            const job = await this.claim();
            if (!job) return;
            spawn(); // more may be due: use another free slot
            ran++;
            await this.execute(job);
          }
        } catch (err) {
          // the store failed under us: the claimed row's lock expires and a later poll retries it
          this.opts.logger?.error({ err }, 'job runner could not reach the store');
        } finally {
          this.active--;
        }
      })();
      mine.push(worker);
      this.workers.add(worker);
      void worker.finally(() => this.workers.delete(worker)).catch(() => undefined);
    };
    spawn();
    for (let i = 0; i < mine.length; i++) await mine[i].catch(() => undefined);
    return ran;
  }

  async list(filter: JobListFilter = {}): Promise<JobRecord[]> {
    const docs = await this.jobs.find(listFilter(filter), { sort: { runAt: 1 }, limit: filter.limit ?? 200 });
    return docs.map(fromDoc);
  }

  private async insertOrGet(spec: JobSpec, everyMs?: number): Promise<JobRecord> {
    const runAt = spec.runAt ?? this.now();
    const doc: JobDoc = {
      _id: spec.key === undefined ? `${spec.name}#${crypto.randomUUID()}` : rowId(spec.name, spec.key),
      name: spec.name,
      state: 'scheduled',
      attempts: 0,
      maxAttempts: spec.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      runAt,
      dueAt: runAt.getTime(),
      failures: 0,
    };
    if (spec.key !== undefined) doc.key = spec.key;
    if (spec.data !== undefined) doc.data = spec.data;
    if (everyMs !== undefined) doc.everyMs = everyMs;
    try {
      await this.jobs.insertOne(doc);
      return fromDoc(doc);
    } catch (err) {
      if (!(err instanceof DuplicateKeyError)) throw err;
      const existing = await this.jobs.findOne({ _id: doc._id });
      if (!existing) throw err;
      return fromDoc(existing);
    }
  }

  /** The one atomic claim: a due row (scheduled and runAt passed, or running with an expired lock). */
  private async claim(): Promise<JobDoc | null> {
    const now = this.now();
    return this.jobs.findOneAndUpdate(
      { dueAt: { $lte: now.getTime() }, name: { $in: [...this.handlers.keys()] } },
      claimUpdate(this.opts.instanceId, now, this.lockMs),
    );
  }

  private async execute(job: JobDoc): Promise<void> {
    const handler = this.handlers.get(job.name);
    const mine = { _id: job._id, lockToken: job.lockToken };
    if (!handler) return; // unreachable: claims ask only for handled names
    if (job.attempts > job.maxAttempts) {
      // runners kept dying on it: give up instead of crashing the next one too
      await this.finish(mine, job, new Error('lock expired too many times (runner stopped mid-job)'));
      return;
    }
    const ctx: JobContext = {
      heartbeat: async () => {
        const r = await this.jobs.updateOne(mine, heartbeatUpdate(this.now(), this.lockMs));
        if (r.matched === 0) throw new JobLockLostError(job._id);
      },
    };
    // a started runner renews its locks itself; tests driving runDue() by hand heartbeat explicitly
    const beat = this.started ? setInterval(() => void ctx.heartbeat().catch(() => undefined), this.lockMs / 3) : undefined;
    beat?.unref();
    let error: unknown;
    try {
      await handler(fromDoc(job), ctx);
    } catch (err) {
      error = err ?? new Error('job failed');
    } finally {
      if (beat) clearInterval(beat);
    }
    await this.finish(mine, job, error);
  }

  private async finish(mine: { _id: string; lockToken?: string }, job: JobDoc, error: unknown): Promise<void> {
    const now = this.now();
    if (error === undefined) {
      await this.jobs.updateOne(mine, successUpdate(job, now));
      return;
    }
    // the error's name only: messages may quote customer data; the row keeps the message for admins
    const name = error instanceof Error ? error.name : typeof error;
    this.opts.logger?.warn({ job: job._id, attempt: job.attempts, error: name }, 'job attempt failed');
    await this.jobs.updateOne(mine, failureUpdate(job, now, describeError(error), this.backoffMs));
  }
}
