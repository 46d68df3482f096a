/** The durable jobs' public shapes (storage/jobs.ts re-exports them; CONTRACTS13.md section J). */
import type { Logger } from '../../platform/logger';

export interface JobSpec {
  name: string;
  /** unique per name: scheduling the same key twice is a no-op (the first row is kept) */
  key?: string;
  runAt?: Date;
  /** ids and settings only, no personal data (job rows are not encrypted); field names: no leading `$`, no `.` */
  data?: Record<string, unknown>;
  /** default 5 */
  maxAttempts?: number;
}

export type JobState = 'scheduled' | 'running' | 'done' | 'failed';

export interface JobRecord extends JobSpec {
  _id: string;
  state: JobState;
  /** attempts of the current run (a recurring job starts again from 0 each interval) */
  attempts: number;
  /** the next run while scheduled */
  runAt: Date;
  maxAttempts: number;
  lockedBy?: string;
  lockedUntil?: Date;
  lastError?: string;
  lastRunAt?: Date;
  doneAt?: Date;
  /** how the last attempt ended: done, retry (failed, will run again) or failed (gave up) */
  lastResult?: 'done' | 'retry' | 'failed';
  /** failed attempts over the row's life */
  failures: number;
  /** recurring jobs: the interval */
  everyMs?: number;
}

export interface JobContext {
  /** Extends this runner's lock; throws JobLockLostError when another runner has taken the job over. */
  heartbeat(): Promise<void>;
}

export type JobHandler = (job: JobRecord, ctx: JobContext) => Promise<void>;

export interface JobRunnerOptions {
  instanceId: string;
  /** how long a claim holds without a heartbeat (default 60 s) */
  lockMs?: number;
  /** poll interval of start() (default 1 s) */
  pollMs?: number;
  now?: () => Date;
  /** delay before retry number `attempt` (1-based); default 1 s · 2^(attempt-1), capped at 1 h */
  backoffMs?: (attempt: number) => number;
  logger?: Logger;
  /** handlers running at once in this runner (default 4) */
  concurrency?: number;
  /** stop() gives up waiting after this long (default 30 s); the lock then expires and another runner resumes */
  stopTimeoutMs?: number;
}

export interface JobListFilter {
  name?: string;
  state?: JobState;
  limit?: number;
}

export class JobLockLostError extends Error {
  constructor(jobId: string) {
    super(`job ${jobId}: lock lost to another runner`);
    this.name = 'JobLockLostError';
  }
}
