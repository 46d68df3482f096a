/**
 * Writing knowledge records to the document store: a batch is validated whole before anything is
 * written, then new ids go in with insertMany and existing ones are replaced.
 */
import type { z } from 'zod';
import type { Collection } from '../storage/documentStore';
import { firstIssue } from './importers/productSchema';

/** A record handed to an upsert method is invalid; nothing of that batch was written. */
export class KnowledgeValidationError extends Error {
  constructor(
    readonly id: string,
    readonly reason: string,
  ) {
    super(`invalid record ${id}: ${reason}`);
    this.name = 'KnowledgeValidationError';
  }
}

/** validates a whole batch before any of it is written */
export function validated<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, items: unknown[]): T[] {
  return items.map((item) => {
    const r = schema.safeParse(item);
    if (!r.success) throw new KnowledgeValidationError(String((item as { _id?: unknown })?._id ?? '?'), firstIssue(r.error));
    return r.data;
  });
}

export interface UpsertResult {
  inserted: number;
  updated: number;
}

/** Writes documents: one insertMany for new ids, replaceOne for existing ones. */
export async function upsertAll<T extends { _id: string }>(col: Collection<T>, docs: T[]): Promise<UpsertResult> {
  // the same id twice in one batch: the last one wins
  docs = [...new Map(docs.map((d) => [d._id, d])).values()];
  if (!docs.length) return { inserted: 0, updated: 0 };
  const existing = new Set<string>();
  for (let i = 0; i < docs.length; i += 1000) {
    const ids = docs.slice(i, i + 1000).map((d) => d._id);
    for (const d of await col.find({ _id: { $in: ids } })) existing.add(d._id);
  }
  const fresh = docs.filter((d) => !existing.has(d._id));
  const old = docs.filter((d) => existing.has(d._id));
  for (let i = 0; i < fresh.length; i += 1000) await col.insertMany(fresh.slice(i, i + 1000));
  for (const d of old) await col.replaceOne({ _id: d._id }, d);
  return { inserted: fresh.length, updated: old.length };
}

