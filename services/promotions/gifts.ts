/**
 * "First N buyers get a sample": a claim takes the customer's single claim, then one unit of the quota
 * with a conditional update ({remaining: {$gt: 0}} → $inc -1), so the quota is never oversold however
 * many customers claim at once. A customer who loses the race gets their claim back.
 */
import type { DocumentStore } from '../../storage/documentStore';
import { ClaimCounter } from './claimCounter';
import type { PromotionCatalog } from './promotionCatalog';
import { PROMOTIONS, PromotionDoc } from './types';

export type GiftClaim =
  | { ok: true; promotion: PromotionDoc; remaining: number }
  | { ok: false; reason: 'already_claimed' | 'sold_out' | 'not_live'; promotion?: PromotionDoc };

export class GiftService {
  constructor(
    private readonly store: DocumentStore,
    private readonly catalog: PromotionCatalog,
    private readonly counter = new ClaimCounter(store),
  ) {}

  async claim(customerId: string, promotionId: string): Promise<GiftClaim> {
    const now = this.catalog.now();
    const promotion = (await this.catalog.live(now)).find((p) => p._id === promotionId);
    if (!promotion?.gift) return { ok: false, reason: 'not_live' };
    if (!(await this.counter.take(promotionId, customerId, 1))) return { ok: false, reason: 'already_claimed', promotion };
    const updated = await this.store
      .collection<PromotionDoc>(PROMOTIONS)
      .findOneAndUpdate(
        { _id: promotionId, 'gift.remaining': { $gt: 0 }, endsAt: { $gt: now } },
        { $inc: { 'gift.remaining': -1 } },
      );
    if (!updated?.gift) {
      await this.counter.giveBack(promotionId, customerId);
      this.catalog.noteRemaining(promotionId, 0);
      return { ok: false, reason: 'sold_out', promotion };
    }
    this.catalog.noteRemaining(promotionId, updated.gift.remaining);
    return { ok: true, promotion, remaining: updated.gift.remaining };
  }

  async hasClaimed(customerId: string, promotionId: string): Promise<boolean> {
    return (await this.counter.count(promotionId, customerId)) > 0;
  }
}
