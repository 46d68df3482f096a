/**
 * botbuilder `Storage` on top of the DocumentStore, with eTag optimistic concurrency:
 *   - eTag '*' or no eTag: unconditional write (botbuilder's own semantics);
 *   - eTag IF_ABSENT: create only; rejected when the item exists;
 *   - any other eTag: written only if it still matches the stored one, otherwise EtagConflictError.
 * Items are kept as JSON text so keys with dots or dollars (dialog state can hold any) are safe in MongoDB.
 */
import crypto from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import { DocumentStore, DuplicateKeyError } from './documentStore';

export const BOT_STATE_COLLECTION = 'botState';
/** eTag that means "create this item; fail if someone already did". */
export const IF_ABSENT = '!absent';

interface StateDoc {
  _id: string;
  eTag: string;
  json: string;
  updatedAt: Date;
}

export class EtagConflictError extends Error {
  constructor(readonly key: string) {
    super(`Storage: eTag conflict writing "${key}"`);
    this.name = 'EtagConflictError';
  }
}

// eTags come from a pool of random bytes drawn in bulk: a random draw per write was a visible share of a save
const ETAG_BYTES = 8;
const POOL_TAGS = 2048;
let tagPool = Buffer.alloc(0);
let tagOffset = 0;

function newETag(): string {
  if (tagOffset + ETAG_BYTES > tagPool.length) {
    tagPool = crypto.randomBytes(ETAG_BYTES * POOL_TAGS);
    tagOffset = 0;
  }
  tagOffset += ETAG_BYTES;
  return tagPool.toString('hex', tagOffset - ETAG_BYTES, tagOffset);
}

export class DocumentBotStorage implements Storage {
  constructor(private readonly store: DocumentStore) {}

  private get items() {
    return this.store.collection<StateDoc>(BOT_STATE_COLLECTION);
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!Array.isArray(keys)) throw new TypeError('Storage.read: keys must be an array');
    const result: StoreItems = {};
    if (keys.length === 0) return result;
    const docs = await this.items.find({ _id: { $in: keys } });
    for (const doc of docs) result[doc._id] = { ...JSON.parse(doc.json), eTag: doc.eTag };
    return result;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes || typeof changes !== 'object') throw new TypeError('Storage.write: changes must be an object');
    for (const [key, item] of Object.entries(changes)) {
      const { eTag, ...data } = (item ?? {}) as { eTag?: string };
      const next = { eTag: newETag(), json: JSON.stringify(data), updatedAt: new Date() };
      if (!eTag || eTag === '*') {
        await this.items.replaceOne({ _id: key }, { _id: key, ...next }, { upsert: true });
      } else if (eTag === IF_ABSENT) {
        try {
          await this.items.insertOne({ _id: key, ...next });
        } catch (err) {
          if (err instanceof DuplicateKeyError) throw new EtagConflictError(key);
          throw err;
        }
      } else {
        const r = await this.items.updateOne({ _id: key, eTag }, { $set: next });
        if (r.matched === 0) throw new EtagConflictError(key);
      }
      // hand the new eTag back to the caller's object, so a second save in the same turn is not stale
      if (item && typeof item === 'object') (item as { eTag?: string }).eTag = next.eTag;
    }
  }

  async delete(keys: string[]): Promise<void> {
    if (!Array.isArray(keys)) throw new TypeError('Storage.delete: keys must be an array');
    if (keys.length > 0) await this.items.deleteMany({ _id: { $in: keys } });
  }
}
