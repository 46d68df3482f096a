/**
 * The one data-access interface of the product. Two backends implement it with the same semantics
 * (MongoDB in production, an embedded persistent store when no MongoDB is configured); the contract
 * suite in tests/storage proves it. Domain code never asks which backend it has.
 *
 * Queries and updates use the MongoDB operator subset both backends share:
 *   filters: equality, dotted paths, $eq $ne $gt $gte $lt $lte $in $nin $exists $or $and
 *   updates: $set $unset $inc $push (with $each/$slice) $pull $addToSet $min $max
 * Field names must not start with `$` or contain `.`; store free-form data (bot state) as JSON text.
 */

export interface BaseDocument {
  _id: string;
}

export type Filter = Record<string, unknown>;

export interface Update {
  $set?: Record<string, unknown>;
  $unset?: Record<string, true | 1 | ''>;
  $inc?: Record<string, number>;
  $push?: Record<string, unknown>;
  $pull?: Record<string, unknown>;
  $addToSet?: Record<string, unknown>;
  $min?: Record<string, unknown>;
  $max?: Record<string, unknown>;
}

export interface FindOptions {
  sort?: Record<string, 1 | -1>;
  skip?: number;
  limit?: number;
}

export interface UpdateResult {
  matched: number;
  modified: number;
  /** _id of the document an upsert created */
  upsertedId?: string;
}

export interface IndexSpec {
  /** field → direction; several fields make a compound index (the embedded backend indexes the first) */
  fields: Record<string, 1 | -1>;
  unique?: boolean;
  sparse?: boolean;
  /** documents expire this long after the Date in the (single) indexed field */
  expireAfterSeconds?: number;
}

export interface Collection<T extends BaseDocument> {
  readonly name: string;
  findOne(filter: Filter): Promise<T | null>;
  find(filter: Filter, options?: FindOptions): Promise<T[]>;
  count(filter: Filter): Promise<number>;
  /** Throws DuplicateKeyError when the _id or a unique index is taken. */
  insertOne(doc: T): Promise<void>;
  /** Inserts all or none (embedded) / stops at the first error (MongoDB, ordered); throws DuplicateKeyError. */
  insertMany(docs: T[]): Promise<void>;
  /** Replaces the whole document; with upsert, inserts it when the filter matches nothing. */
  replaceOne(filter: Filter, doc: T, options?: { upsert?: boolean }): Promise<UpdateResult>;
  updateOne(filter: Filter, update: Update, options?: { upsert?: boolean }): Promise<UpdateResult>;
  updateMany(filter: Filter, update: Update): Promise<UpdateResult>;
  /** Atomic: updates one matching document and returns it as it is after the update (null when none matched). */
  findOneAndUpdate(filter: Filter, update: Update, options?: { upsert?: boolean }): Promise<T | null>;
  deleteOne(filter: Filter): Promise<number>;
  deleteMany(filter: Filter): Promise<number>;
}

export interface DocumentStore {
  /** for logs and /readyz only; domain code must not branch on it */
  readonly kind: 'mongo' | 'embedded';
  collection<T extends BaseDocument>(name: string): Collection<T>;
  /** Idempotent; called at startup by each module for the collections it owns. */
  ensureIndex(collection: string, spec: IndexSpec): Promise<void>;
  /** Throws when the store cannot be reached. */
  ping(): Promise<void>;
  /**
   * Rewrites stored data so deleted, expired and overwritten documents no longer remain in it (embedded:
   * every datafile is rewritten; MongoDB: nothing to do — the server reclaims space itself).
   */
  compact(): Promise<void>;
  /** Flushes pending writes and releases connections/files. */
  close(): Promise<void>;
}

export class DuplicateKeyError extends Error {
  constructor(
    readonly collection: string,
    cause?: unknown,
  ) {
    super(`duplicate key in collection "${collection}"`, { cause });
    this.name = 'DuplicateKeyError';
  }
}

export class StoreUnavailableError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'StoreUnavailableError';
  }
}
