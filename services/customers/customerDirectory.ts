/**
 * The customer directory: every channel identity (channelId + the channel's user id) belongs to exactly
 * one customer. Linking joins two identities' customers into one; the first one survives and the other
 * is marked as merged into it, so data keyed by the old id can be found and moved by merge hooks.
 */
import crypto from 'node:crypto';
import { DocumentStore, DuplicateKeyError } from '../../storage/documentStore';
import type { CustomerLock } from './customerLock';

export interface ChannelIdentity {
  channelId: string;
  userId: string;
}

export interface Customer {
  _id: string;
  identities: ChannelIdentity[];
  createdAt: Date;
  updatedAt: Date;
  /** set when this customer was joined into another */
  mergedInto?: string;
}

interface IdentityDoc {
  _id: string; // `${channelId}:${userId}`
  channelId: string;
  userId: string;
  customerId: string;
}

/** Called after `merged` was joined into `survivor`, to move whatever other modules keep per customer. */
export type MergeHook = (survivorId: string, mergedId: string) => Promise<void>;

export class IdentityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IdentityError';
  }
}

const MAX_ID_LENGTH = 256;
/** identity → customer answers kept in memory (embedded store only); past this many the oldest go */
const CACHE_LIMIT = 20000;

function identityKey(identity: ChannelIdentity): string {
  for (const [field, value] of Object.entries(identity)) {
    if (typeof value !== 'string' || value.length === 0 || value.length > MAX_ID_LENGTH) {
      throw new IdentityError(`${field} must be a non-empty string of at most ${MAX_ID_LENGTH} characters`);
    }
  }
  return `${identity.channelId}:${identity.userId}`;
}

export class CustomerDirectory {
  private readonly hooks: MergeHook[] = [];
  /**
   * Every turn resolves its identity twice (before and under the lock). The embedded store lives in this
   * one process, and every change of an identity's customer (create, merge, erase) goes through this
   * class, so the answers can be kept here and dropped by the code that changes them. With MongoDB a
   * second instance could merge or erase behind our back, so there is no cache (it would need a shared
   * invalidation channel, e.g. a change stream on `identities`).
   */
  private readonly cache: Map<string, string> | undefined;
  /** bumped around every change; a read that overlapped one does not fill the cache with what it saw */
  private generation = 0;

  /**
   * With `lock` (the turns' per-customer lock), a merge holds the locks of both customers: no turn of
   * either runs during it, and a turn that resolved the merged id before re-resolves after it.
   */
  constructor(
    private readonly store: DocumentStore,
    private readonly lock?: CustomerLock,
  ) {
    this.cache = store.kind === 'embedded' ? new Map() : undefined;
  }

  static async ensureIndexes(store: DocumentStore): Promise<void> {
    await store.ensureIndex('identities', { fields: { customerId: 1 } });
  }

  onMerge(hook: MergeHook): void {
    this.hooks.push(hook);
  }

  private get customers() {
    return this.store.collection<Customer>('customers');
  }

  private get identities() {
    return this.store.collection<IdentityDoc>('identities');
  }

  /** The customer behind a channel identity; a new customer is created for a first-time identity. */
  async resolve(identity: ChannelIdentity): Promise<string> {
    const key = identityKey(identity);
    const cached = this.cache?.get(key);
    if (cached !== undefined) return cached;
    const generation = this.generation;
    const existing = await this.identities.findOne({ _id: key });
    if (existing) return this.remember(key, existing.customerId, generation);
    const customerId = `c_${crypto.randomBytes(9).toString('base64url')}`;
    try {
      // identity first: if another turn created it meanwhile, we lose the race cleanly and use theirs
      await this.identities.insertOne({ _id: key, ...identity, customerId });
    } catch (err) {
      if (!(err instanceof DuplicateKeyError)) throw err;
      const winner = await this.identities.findOne({ _id: key });
      if (!winner) throw err;
      return this.remember(key, winner.customerId, generation);
    }
    const now = new Date();
    await this.customers.insertOne({
      _id: customerId,
      identities: [{ channelId: identity.channelId, userId: identity.userId }],
      createdAt: now,
      updatedAt: now,
    });
    return this.remember(key, customerId, generation);
  }

  /** The customer behind an identity, without creating one (always asks the store). */
  async find(identity: ChannelIdentity): Promise<string | undefined> {
    return (await this.identities.findOne({ _id: identityKey(identity) }))?.customerId;
  }

  private remember(key: string, customerId: string, generation: number): string {
    if (!this.cache || generation !== this.generation) return customerId;
    if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(key, customerId);
    return customerId;
  }

  /** Runs a change of identities with the cache dropped before and after it. */
  private async changing<T>(change: () => Promise<T>): Promise<T> {
    this.generation++;
    this.cache?.clear();
    try {
      return await change();
    } finally {
      this.generation++;
      this.cache?.clear();
    }
  }

  async get(customerId: string): Promise<Customer | null> {
    return this.customers.findOne({ _id: customerId });
  }

  /**
   * Joins the customers of two identities; `a`'s customer survives (its dialog and profile win,
   * the other's fill the gaps through merge hooks). Returns the surviving customer id.
   * Holds both customers' turn locks: never call it from inside a turn of either (see runAfterTurn).
   */
  async link(a: ChannelIdentity, b: ChannelIdentity): Promise<string> {
    for (;;) {
      const survivorId = await this.resolve(a);
      const mergedId = await this.resolve(b);
      if (survivorId === mergedId) return survivorId;
      if (!this.lock) return this.merge(survivorId, mergedId);
      const done = await this.lock.runAll([survivorId, mergedId], async () => {
        // another merge may have moved either identity while we waited for the locks: start over
        if ((await this.find(a)) !== survivorId || (await this.find(b)) !== mergedId) return undefined;
        return this.merge(survivorId, mergedId);
      });
      if (done) return done;
    }
  }

  /** The customer an id stands for now: itself, or the survivor it was merged into (redirects followed). */
  async current(customerId: string): Promise<string> {
    let id = customerId;
    for (let hops = 0; hops < 100; hops++) {
      const next = (await this.customers.findOne({ _id: id }))?.mergedInto;
      if (!next) return id;
      id = next;
    }
    return id;
  }

  private async merge(survivorId: string, mergedId: string): Promise<string> {
    const moving = await this.identities.find({ customerId: mergedId });
    await this.changing(() => this.identities.updateMany({ customerId: mergedId }, { $set: { customerId: survivorId } }));
    const now = new Date();
    await this.customers.updateOne(
      { _id: survivorId },
      {
        $addToSet: { identities: { $each: moving.map((m) => ({ channelId: m.channelId, userId: m.userId })) } },
        $set: { updatedAt: now },
      },
    );
    await this.customers.updateOne({ _id: mergedId }, { $set: { mergedInto: survivorId, identities: [], updatedAt: now } });
    for (const hook of this.hooks) await hook(survivorId, mergedId);
    return survivorId;
  }

  /** Customers merged into this one, directly or through others (their shells keep `mergedInto`). */
  async mergedFrom(customerId: string): Promise<string[]> {
    const found: string[] = [];
    let frontier = [customerId];
    while (frontier.length > 0 && found.length < 1000) {
      const next = (await this.customers.find({ mergedInto: { $in: frontier } })).map((c) => c._id).filter((id) => !found.includes(id));
      found.push(...next);
      frontier = next;
    }
    return found;
  }

  /** Privacy export: the customer record and the identity documents that point at it. */
  async exportCustomer(customerId: string): Promise<{ customer: Customer | null; identities: ChannelIdentity[] }> {
    const customer = await this.get(customerId);
    const identities = await this.identities.find({ customerId });
    return { customer, identities: identities.map((i) => ({ channelId: i.channelId, userId: i.userId })) };
  }

  /** Privacy erase: the identities go first, so the same channel user comes back as a new customer. */
  async eraseCustomer(customerId: string): Promise<number> {
    const identities = await this.changing(() => this.identities.deleteMany({ customerId }));
    return identities + (await this.customers.deleteOne({ _id: customerId }));
  }
}
