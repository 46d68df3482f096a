/**
 * A DocumentStore decorator that keeps what identifies a person encrypted at rest and stamps the
 * retention expiry, for either backend, without domain code knowing: values at the configured paths are
 * encrypted on every write (documents and `$set`/`$push`/`$addToSet`) and decrypted on every read, and a
 * filter, sort or index on an encrypted field fails loudly instead of silently matching nothing.
 */
import type {
  BaseDocument,
  Collection,
  DocumentStore,
  Filter,
  FindOptions,
  IndexSpec,
  Update,
  UpdateResult,
} from '../documentStore';
import type { FieldCipher } from './fieldCipher';
import { EncryptedFieldError, FieldPaths } from './fieldPaths';

export interface RetentionPolicy {
  collections: string[];
  days: number;
  /** Date field the expiry is written to (a TTL index with expireAfterSeconds 0 sits on it) */
  field: string;
}

export interface EncryptingStoreOptions {
  cipher: FieldCipher;
  /** collection → dotted paths of the values to encrypt */
  fields: Record<string, string[]>;
  retention?: RetentionPolicy;
  now?: () => number;
}

class EncryptingCollection<T extends BaseDocument> implements Collection<T> {
  constructor(
    private readonly inner: Collection<T>,
    private readonly paths: FieldPaths,
    private readonly expiry: (() => Date) | undefined,
    private readonly expiryField: string,
  ) {}

  get name(): string {
    return this.inner.name;
  }

  async findOne(filter: Filter): Promise<T | null> {
    this.paths.checkFilter(filter);
    const doc = await this.inner.findOne(filter);
    return doc && this.paths.decryptDoc(doc);
  }

  async find(filter: Filter, options?: FindOptions): Promise<T[]> {
    this.paths.checkFilter(filter);
    this.paths.checkSort(options);
    return (await this.inner.find(filter, options)).map((d) => this.paths.decryptDoc(d));
  }

  async count(filter: Filter): Promise<number> {
    this.paths.checkFilter(filter);
    return this.inner.count(filter);
  }

  async insertOne(doc: T): Promise<void> {
    await this.inner.insertOne(this.sealDoc(doc));
  }

  async insertMany(docs: T[]): Promise<void> {
    await this.inner.insertMany(docs.map((d) => this.sealDoc(d)));
  }

  async replaceOne(filter: Filter, doc: T, options?: { upsert?: boolean }): Promise<UpdateResult> {
    this.paths.checkFilter(filter);
    return this.inner.replaceOne(filter, this.sealDoc(doc), options);
  }

  async updateOne(filter: Filter, update: Update, options?: { upsert?: boolean }): Promise<UpdateResult> {
    this.paths.checkFilter(filter);
    return this.inner.updateOne(filter, this.sealUpdate(update), options);
  }

  async updateMany(filter: Filter, update: Update): Promise<UpdateResult> {
    this.paths.checkFilter(filter);
    return this.inner.updateMany(filter, this.sealUpdate(update));
  }

  async findOneAndUpdate(filter: Filter, update: Update, options?: { upsert?: boolean }): Promise<T | null> {
    this.paths.checkFilter(filter);
    const doc = await this.inner.findOneAndUpdate(filter, this.sealUpdate(update), options);
    return doc && this.paths.decryptDoc(doc);
  }

  async deleteOne(filter: Filter): Promise<number> {
    this.paths.checkFilter(filter);
    return this.inner.deleteOne(filter);
  }

  async deleteMany(filter: Filter): Promise<number> {
    this.paths.checkFilter(filter);
    return this.inner.deleteMany(filter);
  }

  private sealDoc(doc: T): T {
    const stamped = this.expiry && (doc as Record<string, unknown>)[this.expiryField] === undefined ? { ...doc, [this.expiryField]: this.expiry() } : doc;
    return this.paths.encryptDoc(stamped);
  }

  /** Every write to a retained collection moves its expiry: retention counts from the last activity. */
  private sealUpdate(update: Update): Update {
    let out = update;
    if (this.expiry && update.$set?.[this.expiryField] === undefined && update.$unset?.[this.expiryField] === undefined) {
      out = { ...update, $set: { ...update.$set, [this.expiryField]: this.expiry() } };
    }
    return this.paths.encryptUpdate(out);
  }
}

export class EncryptingStore implements DocumentStore {
  private readonly now: () => number;

  constructor(
    readonly inner: DocumentStore,
    private readonly options: EncryptingStoreOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  get kind(): DocumentStore['kind'] {
    return this.inner.kind;
  }

  /** For keyed look-up hashes (a phone number → a value that can be stored and queried). */
  get cipher(): FieldCipher {
    return this.options.cipher;
  }

  collection<T extends BaseDocument>(name: string): Collection<T> {
    const inner = this.inner.collection<T>(name);
    const retention = this.options.retention;
    const retained = retention && retention.collections.includes(name) ? retention : undefined;
    const paths = this.options.fields[name];
    if (!paths && !retained) return inner;
    const expiry = retained && (() => new Date(this.now() + retained.days * 86_400_000));
    return new EncryptingCollection<T>(inner, this.paths(name), expiry, retention?.field ?? 'expiresAt');
  }

  async ensureIndex(collection: string, spec: IndexSpec): Promise<void> {
    for (const field of Object.keys(spec.fields)) {
      for (const path of this.options.fields[collection] ?? []) {
        if (field === path || field.startsWith(`${path}.`)) throw new EncryptedFieldError(collection, path, 'it cannot be indexed');
      }
    }
    await this.inner.ensureIndex(collection, spec);
  }

  /** The TTL indexes that make the retention stamps take effect; called once at startup. */
  async ensureRetentionIndexes(): Promise<void> {
    const retention = this.options.retention;
    if (!retention) return;
    for (const name of retention.collections) {
      await this.inner.ensureIndex(name, { fields: { [retention.field]: 1 }, expireAfterSeconds: 0 });
    }
  }

  /**
   * Rewrites every stored value that is still plaintext or under an older key with the current key
   * (after adding a key in front of DATA_ENCRYPTION_KEY). Run it in a quiet moment: a document written
   * by a turn between this read and this write would lose that turn's change. Returns how many changed.
   */
  async reencrypt(): Promise<number> {
    let changed = 0;
    for (const name of Object.keys(this.options.fields)) {
      const raw = this.inner.collection<BaseDocument>(name);
      const paths = this.paths(name);
      for (const doc of await raw.find({})) {
        if (!paths.needsRewrap(doc)) continue;
        await raw.replaceOne({ _id: doc._id }, paths.encryptDoc(paths.decryptDoc(doc)));
        changed++;
      }
    }
    return changed;
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  compact(): Promise<void> {
    return this.inner.compact();
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private paths(name: string): FieldPaths {
    return new FieldPaths(this.options.cipher, name, this.options.fields[name] ?? []);
  }
}
