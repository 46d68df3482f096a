/**
 * TTL expiry for the embedded store, made as firm as MongoDB's. NeDB alone is not: it forgets
 * `expireAfterSeconds` on restart (the index comes back from the datafile without it, and a second
 * ensureIndex returns early), and it drops an expired document only when a query happens to touch it,
 * so ids nobody reads again stayed on disk for ever. Here the TTL declarations are remembered in a small
 * file beside the datafiles, re-armed whenever a collection is opened, and a sweep deletes every expired
 * document at startup, every minute and before each compaction (which then rewrites them out of the files).
 */
import fs from 'node:fs';
import path from 'node:path';
import type Datastore from '@seald-io/nedb';

/** How often expired documents are deleted (MongoDB's TTL monitor also runs every 60 s). */
export const SWEEP_INTERVAL_MS = 60 * 1000;
/** Beside `<collection>.db`; a collection name cannot contain a dot, so it cannot collide. */
const REGISTRY_FILE = '.ttl-indexes.json';

/** collection → field → seconds after the field's Date at which a document expires */
type Registry = Record<string, Record<string, number>>;

interface NedbTtl {
  ttlIndexes: Record<string, number>;
}

export class ExpiryRegistry {
  private registry: Registry = {};

  constructor(private readonly dataDir: string | null) {
    if (dataDir === null) return;
    try {
      const parsed = JSON.parse(fs.readFileSync(this.file(), 'utf8')) as unknown;
      if (parsed && typeof parsed === 'object') this.registry = parsed as Registry;
    } catch {
      // no file yet (or unreadable): TTLs are declared again by the modules at startup
    }
  }

  /** Collections that have a TTL; the store opens them at startup so the first sweep covers them. */
  collections(): string[] {
    return Object.keys(this.registry);
  }

  /** Records a TTL index (persisted) and arms it on the open datastore. */
  async declare(collection: string, field: string, seconds: number, db: Datastore): Promise<void> {
    const current = this.registry[collection]?.[field];
    this.registry[collection] = { ...this.registry[collection], [field]: seconds };
    this.arm(collection, db);
    if (current !== seconds && this.dataDir !== null) {
      await fs.promises.writeFile(this.file(), JSON.stringify(this.registry), { mode: 0o600 });
    }
  }

  /** NeDB reads `ttlIndexes` on every query: setting it makes reads skip expired documents. */
  arm(collection: string, db: Datastore): void {
    const fields = this.registry[collection];
    if (fields) Object.assign((db as unknown as NedbTtl).ttlIndexes, fields);
  }

  /** Deletes the expired documents of one collection; returns how many. */
  async sweep(collection: string, db: Datastore, now = Date.now()): Promise<number> {
    let removed = 0;
    for (const [field, seconds] of Object.entries(this.registry[collection] ?? {})) {
      // $lt on a Date matches only Dates, as MongoDB's TTL monitor ignores other values
      removed += await db.removeAsync({ [field]: { $lt: new Date(now - seconds * 1000) } }, { multi: true });
    }
    return removed;
  }

  private file(): string {
    return path.join(this.dataDir ?? '', REGISTRY_FILE);
  }
}
