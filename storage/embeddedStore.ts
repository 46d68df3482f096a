/**
 * Embedded, persistent document store: one append-only NeDB datafile per collection under DATA_DIR.
 * Used when no MONGODB_URI is configured (development, demos, a single small shop). Every write is on
 * disk when its promise resolves; datafiles are compacted periodically and on close. TTL indexes are
 * enforced as firmly as MongoDB's (see embeddedExpiry.ts): expired documents are never returned and are
 * deleted by a sweep, so a compaction removes them from the files.
 */
import fs from 'node:fs';
import path from 'node:path';
import Datastore from '@seald-io/nedb';
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
import { closeNedbFileHandles, installNedbFileHandles } from './nedbFileHandles';
import { ExpiryRegistry, SWEEP_INTERVAL_MS } from './embeddedExpiry';

const COMPACTION_INTERVAL_MS = 10 * 60 * 1000;
const COLLECTION_NAME = /^[A-Za-z0-9_-]{1,64}$/;

function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { errorType?: string }).errorType === 'uniqueViolated';
}

class EmbeddedCollection<T extends BaseDocument> implements Collection<T> {
  constructor(
    readonly name: string,
    private readonly db: Datastore,
  ) {}

  async findOne(filter: Filter): Promise<T | null> {
    return ((await this.db.findOneAsync(filter)) as unknown as T) ?? null;
  }

  async find(filter: Filter, options: FindOptions = {}): Promise<T[]> {
    let cursor = this.db.findAsync(filter);
    if (options.sort) cursor = cursor.sort(options.sort);
    if (options.skip) cursor = cursor.skip(options.skip);
    if (options.limit) cursor = cursor.limit(options.limit);
    return (await cursor) as unknown as T[];
  }

  async count(filter: Filter): Promise<number> {
    return (await this.db.countAsync(filter)) as unknown as number;
  }

  async insertOne(doc: T): Promise<void> {
    try {
      await this.db.insertAsync(doc);
    } catch (err) {
      if (isUniqueViolation(err)) throw new DuplicateKeyError(this.name, err);
      throw err;
    }
  }

  async insertMany(docs: T[]): Promise<void> {
    if (docs.length === 0) return;
    try {
      await this.db.insertAsync(docs);
    } catch (err) {
      if (isUniqueViolation(err)) throw new DuplicateKeyError(this.name, err);
      throw err;
    }
  }

  async replaceOne(filter: Filter, doc: T, options: { upsert?: boolean } = {}): Promise<UpdateResult> {
    return this.update(filter, doc, { upsert: options.upsert ?? false, multi: false });
  }

  async updateOne(filter: Filter, update: Update, options: { upsert?: boolean } = {}): Promise<UpdateResult> {
    return this.update(filter, update, { upsert: options.upsert ?? false, multi: false });
  }

  async updateMany(filter: Filter, update: Update): Promise<UpdateResult> {
    return this.update(filter, update, { upsert: false, multi: true });
  }

  async findOneAndUpdate(filter: Filter, update: Update, options: { upsert?: boolean } = {}): Promise<T | null> {
    try {
      const result = await this.db.updateAsync(filter, update, {
        upsert: options.upsert ?? false,
        multi: false,
        returnUpdatedDocs: true,
      });
      return result.numAffected > 0 ? ((result.affectedDocuments as unknown as T) ?? null) : null;
    } catch (err) {
      if (isUniqueViolation(err)) throw new DuplicateKeyError(this.name, err);
      throw err;
    }
  }

  async deleteOne(filter: Filter): Promise<number> {
    return this.db.removeAsync(filter, { multi: false });
  }

  async deleteMany(filter: Filter): Promise<number> {
    return this.db.removeAsync(filter, { multi: true });
  }

  private async update(
    filter: Filter,
    update: object,
    options: { upsert: boolean; multi: boolean },
  ): Promise<UpdateResult> {
    try {
      // no returnUpdatedDocs: it deep-copies every updated document; an upsert reports its new one anyway
      const result = await this.db.updateAsync(filter, update, options);
      if (result.upsert) {
        const created = result.affectedDocuments as unknown as BaseDocument | null;
        return { matched: 0, modified: 0, upsertedId: created?._id };
      }
      return { matched: result.numAffected, modified: result.numAffected };
    } catch (err) {
      if (isUniqueViolation(err)) throw new DuplicateKeyError(this.name, err);
      throw err;
    }
  }
}

export class EmbeddedStore implements DocumentStore {
  readonly kind = 'embedded' as const;
  private readonly dbs = new Map<string, Datastore>();
  private closed = false;
  private readonly expiry: ExpiryRegistry;
  private readonly sweeper: NodeJS.Timeout;
  private sweeping: Promise<void>;

  /** @param dataDir folder for the datafiles; `null` keeps everything in memory (tests, benchmarks). */
  constructor(private readonly dataDir: string | null) {
    if (dataDir !== null) {
      fs.mkdirSync(dataDir, { recursive: true });
      installNedbFileHandles();
    }
    this.expiry = new ExpiryRegistry(dataDir);
    // open the collections that have a TTL so the startup sweep reaches them before anyone asks
    for (const name of this.expiry.collections()) if (COLLECTION_NAME.test(name)) this.db(name);
    this.sweeping = this.sweepExpired().catch(() => undefined);
    this.sweeper = setInterval(() => {
      this.sweeping = this.sweeping.then(() => this.sweepExpired()).catch(() => undefined);
    }, SWEEP_INTERVAL_MS);
    this.sweeper.unref();
  }

  collection<T extends BaseDocument>(name: string): Collection<T> {
    return new EmbeddedCollection<T>(name, this.db(name));
  }

  async ensureIndex(collection: string, spec: IndexSpec): Promise<void> {
    const fields = Object.keys(spec.fields);
    await this.loaded(collection);
    await this.db(collection).ensureIndexAsync({
      fieldName: fields.length === 1 ? fields[0] : fields,
      unique: spec.unique,
      // NeDB leaves Date values out of a sparse index, so a range query through it matched nothing; sparse only
      // matters for uniqueness (documents without the field do not collide), so a non-unique index is never sparse
      sparse: spec.unique ? spec.sparse : undefined,
      expireAfterSeconds: spec.expireAfterSeconds,
    });
    // NeDB skips this when the index came back from the datafile (without its TTL): arm it ourselves
    if (spec.expireAfterSeconds !== undefined && fields.length === 1) {
      const db = this.db(collection);
      await this.expiry.declare(collection, fields[0], spec.expireAfterSeconds, db);
      await this.expiry.sweep(collection, db);
    }
  }

  /** Deletes every expired document now (also at startup, every minute and before compaction). */
  async sweepExpired(): Promise<void> {
    for (const [name, db] of [...this.dbs]) await this.expiry.sweep(name, db);
  }

  async ping(): Promise<void> {
    if (this.closed) throw new StoreUnavailableError('embedded store is closed');
    if (this.dataDir !== null) await fs.promises.access(this.dataDir, fs.constants.W_OK);
  }

  /**
   * Rewrites every datafile without deleted, expired or superseded lines (also done periodically and on
   * close), so erased data really leaves the disk.
   */
  async compact(): Promise<void> {
    await this.sweepExpired();
    if (this.dataDir === null) return;
    for (const db of this.dbs.values()) await db.compactDatafileAsync();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.sweeper);
    await this.sweeping;
    await this.sweepExpired();
    for (const db of this.dbs.values()) {
      db.stopAutocompaction();
      if (this.dataDir !== null) await db.compactDatafileAsync();
    }
    if (this.dataDir !== null) await closeNedbFileHandles([...this.dbs.keys()].map((n) => this.file(n)));
    this.dbs.clear();
  }

  private file(name: string): string {
    return path.join(this.dataDir ?? '', `${name}.db`);
  }

  private async loaded(name: string): Promise<void> {
    const db = this.db(name);
    if (db.autoloadPromise) await db.autoloadPromise;
  }

  private db(name: string): Datastore {
    if (this.closed) throw new StoreUnavailableError('embedded store is closed');
    let db = this.dbs.get(name);
    if (!db) {
      if (!COLLECTION_NAME.test(name)) throw new Error(`invalid collection name "${name}"`);
      db =
        this.dataDir === null
          ? new Datastore({ inMemoryOnly: true })
          : new Datastore({ filename: this.file(name), autoload: true });
      if (this.dataDir !== null) db.setAutocompactionInterval(COMPACTION_INTERVAL_MS);
      this.expiry.arm(name, db);
      this.dbs.set(name, db);
    }
    return db;
  }
}
