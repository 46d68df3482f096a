/**
 * The state changes of a job row, as store updates. Every change after the claim is applied with the
 * claim's lockToken in the filter, so a runner that lost its lock (it stalled past lockedUntil and another
 * runner took the job) cannot overwrite the newer run.
 */
import crypto from 'node:crypto';
import type { Update } from '../documentStore';
import type { JobDoc } from './records';

const RELEASE = { lockedBy: '', lockToken: '', lockedUntil: '' } as const;

/** Running under this runner's lock; the row stays due at lockedUntil so another runner resumes it after a crash. */
export function claimUpdate(instanceId: string, now: Date, lockMs: number): Update {
  const lockedUntil = new Date(now.getTime() + lockMs);
  return {
    $set: {
      state: 'running',
      lockedBy: instanceId,
      lockToken: crypto.randomUUID(),
      lockedUntil,
      dueAt: lockedUntil.getTime(),
      lastRunAt: now,
    },
    $inc: { attempts: 1 },
  };
}

export function heartbeatUpdate(now: Date, lockMs: number): Update {
  const lockedUntil = new Date(now.getTime() + lockMs);
  return { $set: { lockedUntil, dueAt: lockedUntil.getTime() } };
}

/** Done for good, or (recurring) scheduled again one interval from now with a fresh attempt count. */
export function successUpdate(job: JobDoc, now: Date): Update {
  if (job.everyMs === undefined) {
    return { $set: { state: 'done', lastResult: 'done', doneAt: now }, $unset: { ...RELEASE, dueAt: '' } };
  }
  const next = new Date(now.getTime() + job.everyMs);
  return {
    $set: { state: 'scheduled', runAt: next, dueAt: next.getTime(), attempts: 0, lastResult: 'done', doneAt: now },
    $unset: RELEASE,
  };
}

/**
 * A failed attempt: retried after backoff while attempts remain, else `failed` with the error kept. A
 * recurring job that gives up waits for its next interval instead of stopping for good.
 */
export function failureUpdate(job: JobDoc, now: Date, lastError: string, backoffMs: (attempt: number) => number): Update {
  const gaveUp = job.attempts >= job.maxAttempts;
  const set = { lastError, lastResult: gaveUp ? 'failed' : 'retry' };
  let next: Date | undefined;
  if (!gaveUp) next = new Date(now.getTime() + Math.max(0, backoffMs(job.attempts)));
  else if (job.everyMs !== undefined) next = new Date(now.getTime() + job.everyMs);
  if (!next) return { $set: { ...set, state: 'failed' }, $unset: { ...RELEASE, dueAt: '' }, $inc: { failures: 1 } };
  return {
    $set: { ...set, state: 'scheduled', runAt: next, dueAt: next.getTime(), ...(gaveUp ? { attempts: 0 } : {}) },
    $unset: RELEASE,
    $inc: { failures: 1 },
  };
}

/** What the row and the admin list show: the error's name and message, bounded. */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, 500);
}
