/**
 * One WeChat access token per app id, shared by every bot instance through the store. WeChat keeps only
 * the latest token it issued (the previous one works 5 more minutes), so instances that each fetched their
 * own would keep invalidating each other's. Here an instance reads the token from memory, else from the
 * store; only when none is usable does one instance — the holder of an atomic lease on the app's document —
 * fetch a new one, while the others use the still-valid old token or wait and re-read.
 */
import crypto from 'node:crypto';
import { DuplicateKeyError, type DocumentStore } from '../../storage/documentStore';

export const ACCESS_TOKEN_COLLECTION = 'wechatAccessTokens';

interface TokenDoc {
  _id: string;
  token?: string;
  /** when WeChat stops accepting the token (ms) */
  expiresAt?: number;
  /** when it is due for renewal: a few minutes before expiresAt (ms) */
  refreshAt?: number;
  /** a fetch is under way until then, by leaseOwner (ms; 0 = none) */
  leaseUntil: number;
  leaseOwner?: string;
}

/** renew this long before WeChat's expiry (its tokens live 7200 s) */
const REFRESH_MARGIN_MS = 5 * 60 * 1000;
/** longer than a token request may take; a holder that died frees the lease after it */
const LEASE_MS = 15_000;
const WAIT_STEP_MS = 50;
const MAX_WAITS = 400;

export class SharedAccessToken {
  private readonly store: DocumentStore;
  private readonly appId: string;
  private readonly fetchToken: () => Promise<{ token: string; expiresInSec: number }>;
  private readonly now: () => number;
  private readonly instance = crypto.randomUUID();
  private memory?: { token: string; refreshAt: number };
  private loading?: Promise<string>;

  constructor(o: { store: DocumentStore; appId: string; fetch: () => Promise<{ token: string; expiresInSec: number }>; now?: () => number }) {
    this.store = o.store;
    this.appId = o.appId;
    this.fetchToken = o.fetch;
    this.now = o.now ?? Date.now;
  }

  private get tokens() {
    return this.store.collection<TokenDoc>(ACCESS_TOKEN_COLLECTION);
  }

  /** The current token: memory → the store → a refresh under the lease (concurrent callers share one load). */
  async get(): Promise<string> {
    if (this.memory && this.memory.refreshAt > this.now()) return this.memory.token;
    this.loading ??= this.load().finally(() => (this.loading = undefined));
    return this.loading;
  }

  /**
   * WeChat refused `stale` (40001/40014/42001). Forget it, and drop it from the store only if it is still
   * the stored one: another instance may already have put a newer token there.
   */
  async invalidate(stale: string): Promise<void> {
    if (this.memory?.token === stale) this.memory = undefined;
    await this.tokens.updateOne({ _id: this.appId, token: stale }, { $unset: { token: 1 }, $set: { refreshAt: 0, expiresAt: 0 } });
  }

  private async load(): Promise<string> {
    for (let waits = 0; ; waits++) {
      const now = this.now();
      const doc = await this.tokens.findOne({ _id: this.appId });
      if (doc?.token && (doc.refreshAt ?? 0) > now) {
        this.memory = { token: doc.token, refreshAt: doc.refreshAt! };
        return doc.token;
      }
      if (!doc) await this.tokens.insertOne({ _id: this.appId, leaseUntil: 0 }).catch(ignoreDuplicate);
      const leased = await this.tokens.findOneAndUpdate(
        { _id: this.appId, leaseUntil: { $lt: now } },
        { $set: { leaseUntil: now + LEASE_MS, leaseOwner: this.instance } },
      );
      if (leased) return this.refresh();
      // another instance is renewing: a token due for renewal but not expired still works meanwhile
      if (doc?.token && (doc.expiresAt ?? 0) > now) return doc.token;
      if (waits >= MAX_WAITS) throw new Error(`timed out waiting for another instance to renew the WeChat access token of ${this.appId}`);
      await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
    }
  }

  /** Under the lease: fetch from WeChat, store for everyone, release the lease (also when the fetch fails). */
  private async refresh(): Promise<string> {
    let fetched: { token: string; expiresInSec: number };
    try {
      fetched = await this.fetchToken();
    } catch (err) {
      await this.tokens.updateOne({ _id: this.appId, leaseOwner: this.instance }, { $set: { leaseUntil: 0 } }).catch(() => undefined);
      throw err;
    }
    const now = this.now();
    const lifetime = Math.max(fetched.expiresInSec, 1) * 1000;
    const expiresAt = now + lifetime;
    // renew a few minutes early; a token with a short life (tests, odd answers) halfway through it
    const refreshAt = now + Math.max(lifetime - REFRESH_MARGIN_MS, lifetime / 2);
    // the newest token WeChat issued is the one that stays valid: it replaces whatever is stored
    await this.tokens.updateOne({ _id: this.appId }, { $set: { token: fetched.token, expiresAt, refreshAt, leaseUntil: 0 }, $unset: { leaseOwner: 1 } });
    this.memory = { token: fetched.token, refreshAt };
    return fetched.token;
  }
}

function ignoreDuplicate(err: unknown): void {
  if (!(err instanceof DuplicateKeyError)) throw err;
}
