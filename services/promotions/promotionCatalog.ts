/**
 * Live promotions, cached in memory with a short TTL: a bot turn asks for them often and must never
 * scan the collection per turn. Gift quotas shown from the cache may lag by the TTL; claims are
 * always decided by the store (see gifts.ts).
 */
import type { Product } from '../../knowledge/types';
import type { DocumentStore } from '../../storage/documentStore';
import { PROMOTIONS, PromotionDoc } from './types';

export interface CatalogOptions {
  ttlMs?: number;
  now?: () => Date;
}

export class PromotionCatalog {
  private cache?: { loadedAt: number; items: PromotionDoc[] };
  private loading?: Promise<PromotionDoc[]>;
  private readonly ttlMs: number;
  readonly now: () => Date;

  constructor(
    private readonly store: DocumentStore,
    options: CatalogOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 30_000;
    this.now = options.now ?? (() => new Date());
  }

  static async ensureIndexes(store: DocumentStore): Promise<void> {
    await store.ensureIndex(PROMOTIONS, { fields: { endsAt: 1 } });
  }

  /** Promotions whose window contains `at` (default: now), highest priority first. */
  async live(at: Date = this.now()): Promise<PromotionDoc[]> {
    const items = await this.load();
    const t = at.getTime();
    return items.filter((p) => p.startsAt.getTime() <= t && t < p.endsAt.getTime());
  }

  /** Live promotions that apply to a product. */
  async forProduct(product: Product, at?: Date): Promise<PromotionDoc[]> {
    if (product.competitor) return [];
    return (await this.live(at)).filter((p) => appliesTo(p, product));
  }

  async get(id: string): Promise<PromotionDoc | undefined> {
    return (await this.load()).find((p) => p._id === id);
  }

  /** Keeps the cached gift count in step after a claim decided by the store. */
  noteRemaining(promotionId: string, remaining: number): void {
    const p = this.cache?.items.find((i) => i._id === promotionId);
    if (p?.gift) p.gift.remaining = remaining;
  }

  invalidate(): void {
    this.cache = undefined;
  }

  private async load(): Promise<PromotionDoc[]> {
    const nowMs = Date.now();
    if (this.cache && nowMs - this.cache.loadedAt < this.ttlMs) return this.cache.items;
    // one load at a time: concurrent turns share it
    this.loading ??= (async () => {
      try {
        const items = await this.store
          .collection<PromotionDoc>(PROMOTIONS)
          .find({ endsAt: { $gt: this.now() } }, { sort: { priority: -1 }, limit: 500 });
        const normalized = items.map(normalizeDates);
        this.cache = { loadedAt: Date.now(), items: normalized };
        return normalized;
      } finally {
        this.loading = undefined;
      }
    })();
    return this.loading;
  }
}

function normalizeDates(p: PromotionDoc): PromotionDoc {
  return { ...p, startsAt: new Date(p.startsAt), endsAt: new Date(p.endsAt) };
}

export function appliesTo(p: PromotionDoc, product: Product): boolean {
  const s = p.scope;
  return Boolean(
    s.all ||
      s.productIds?.includes(product._id) ||
      s.brandIds?.includes(product.brandId) ||
      s.categories?.includes(product.category) ||
      s.topCategories?.includes(product.topCategory),
  );
}
