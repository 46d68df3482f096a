/**
 * How a job is stored: the public JobRecord plus the claim bookkeeping (dueAt, lockToken) that stays
 * inside the runner.
 */
import type { JobListFilter, JobRecord } from './types';

export const JOBS_COLLECTION = 'jobs';

export interface JobDoc extends JobRecord {
  /** present only while the row is live (scheduled or running): the claim index is sparse on it */
  dueAt?: number;
  /** one claim's token: a runner finishes or heartbeats only the claim it made */
  lockToken?: string;
}

/** Keyed rows get an _id made of (name, key), so the unique _id makes scheduling idempotent on both backends. */
export function rowId(name: string, key: string): string {
  return JSON.stringify([name, key]);
}

export function fromDoc(doc: JobDoc): JobRecord {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { dueAt, lockToken, ...record } = doc;
  return { ...record, failures: record.failures ?? 0 };
}

export function listFilter(filter: JobListFilter): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  if (filter.name !== undefined) query.name = filter.name;
  if (filter.state !== undefined) query.state = filter.state;
  return query;
}
