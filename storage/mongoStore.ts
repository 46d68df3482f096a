/**
 * MongoDB backend through the official driver. In production a replica set shared by every bot
 * instance; the same contract suite as the embedded store runs against it when MONGODB_URI is set.
 */
import { MongoClient, MongoServerError, Db, Document } from 'mongodb';
import {
  BaseDocument,
  Collection,
  DocumentStore,
  DuplicateKeyError,
  Filter,
  FindOptions,
  IndexSpec,
  StoreUnavailableError,
  Update,
  UpdateResult,
} from './documentStore';

function rethrow(collection: string, err: unknown): never {
  if (err instanceof MongoServerError && err.code === 11000) throw new DuplicateKeyError(collection, err);
  throw err;
}

/** field → seconds of the TTL indexes declared on one collection */
type TtlFields = Record<string, number>;

/**
 * MongoDB's TTL monitor deletes expired documents only once a minute; until then reads would still
 * return them. Reads add this condition so an expired document is never returned (the embedded store
 * behaves the same). `$not $lte` keeps documents whose field is missing or not a Date, as TTL does.
 */
function unexpired(filter: Filter, ttl: TtlFields | undefined, now = Date.now()): Filter {
  if (!ttl) return filter;
  const live = Object.entries(ttl).map(([field, seconds]) => ({ [field]: { $not: { $lte: new Date(now - seconds * 1000) } } }));
  return { $and: [filter, ...live] };
}

/* The driver's generic filter types are stricter than our shared operator subset; documents are plain. */
type AnyCollection = import('mongodb').Collection<any>;

class MongoCollection<T extends BaseDocument> implements Collection<T> {
  constructor(
    readonly name: string,
    private readonly c: AnyCollection,
    private readonly ttl?: TtlFields,
  ) {}

  async findOne(filter: Filter): Promise<T | null> {
    return (await this.c.findOne(unexpired(filter, this.ttl))) as T | null;
  }

  async find(filter: Filter, options: FindOptions = {}): Promise<T[]> {
    let cursor = this.c.find(unexpired(filter, this.ttl));
    if (options.sort) cursor = cursor.sort(options.sort);
    if (options.skip) cursor = cursor.skip(options.skip);
    if (options.limit) cursor = cursor.limit(options.limit);
    return (await cursor.toArray()) as unknown as T[];
  }

  async count(filter: Filter): Promise<number> {
    return this.c.countDocuments(unexpired(filter, this.ttl));
  }

  async insertOne(doc: T): Promise<void> {
    try {
      await this.c.insertOne({ ...doc });
    } catch (err) {
      rethrow(this.name, err);
    }
  }

  async insertMany(docs: T[]): Promise<void> {
    if (docs.length === 0) return;
    try {
      await this.c.insertMany(docs.map((d) => ({ ...d })), { ordered: true });
    } catch (err) {
      rethrow(this.name, err);
    }
  }

  async replaceOne(filter: Filter, doc: T, options: { upsert?: boolean } = {}): Promise<UpdateResult> {
    try {
      const r = await this.c.replaceOne(filter, doc, { upsert: options.upsert ?? false });
      return { matched: r.matchedCount, modified: r.modifiedCount, upsertedId: r.upsertedId?.toString() };
    } catch (err) {
      rethrow(this.name, err);
    }
  }

  async updateOne(filter: Filter, update: Update, options: { upsert?: boolean } = {}): Promise<UpdateResult> {
    try {
      const r = await this.c.updateOne(filter, update as Document, { upsert: options.upsert ?? false });
      return { matched: r.matchedCount, modified: r.modifiedCount, upsertedId: r.upsertedId?.toString() };
    } catch (err) {
      rethrow(this.name, err);
    }
  }

  async updateMany(filter: Filter, update: Update): Promise<UpdateResult> {
    try {
      const r = await this.c.updateMany(filter, update as Document);
      return { matched: r.matchedCount, modified: r.modifiedCount };
    } catch (err) {
      rethrow(this.name, err);
    }
  }

  async findOneAndUpdate(filter: Filter, update: Update, options: { upsert?: boolean } = {}): Promise<T | null> {
    try {
      return (await this.c.findOneAndUpdate(filter, update as Document, {
        upsert: options.upsert ?? false,
        returnDocument: 'after',
      })) as T | null;
    } catch (err) {
      rethrow(this.name, err);
    }
  }

  async deleteOne(filter: Filter): Promise<number> {
    return (await this.c.deleteOne(filter)).deletedCount;
  }

  async deleteMany(filter: Filter): Promise<number> {
    return (await this.c.deleteMany(filter)).deletedCount;
  }
}

export class MongoStore implements DocumentStore {
  readonly kind = 'mongo' as const;
  private readonly ttl = new Map<string, TtlFields>();

  private constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
  ) {}

  /** Connects (and fails fast with a clear error when the server cannot be reached). */
  static async connect(uri: string, dbName?: string, serverSelectionTimeoutMS = 5000): Promise<MongoStore> {
    const client = new MongoClient(uri, { serverSelectionTimeoutMS });
    try {
      await client.connect();
      const db = client.db(dbName);
      await db.command({ ping: 1 });
      return new MongoStore(client, db);
    } catch (err) {
      await client.close().catch(() => undefined);
      throw new StoreUnavailableError(`cannot reach MongoDB: ${(err as Error).message}`, err);
    }
  }

  collection<T extends BaseDocument>(name: string): Collection<T> {
    return new MongoCollection<T>(name, this.db.collection(name), this.ttl.get(name));
  }

  async ensureIndex(collection: string, spec: IndexSpec): Promise<void> {
    await this.db.collection(collection).createIndex(spec.fields, {
      unique: spec.unique,
      sparse: spec.sparse,
      expireAfterSeconds: spec.expireAfterSeconds,
    });
    const fields = Object.keys(spec.fields);
    if (spec.expireAfterSeconds !== undefined && fields.length === 1) {
      this.ttl.set(collection, { ...this.ttl.get(collection), [fields[0]]: spec.expireAfterSeconds });
    }
  }

  async ping(): Promise<void> {
    await this.db.command({ ping: 1 });
  }

  /** MongoDB frees deleted documents itself (WiredTiger); there is no datafile of ours to rewrite. */
  async compact(): Promise<void> {
    return undefined;
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
