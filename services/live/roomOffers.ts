/**
 * A room's offers on the store's atomic quotas: what is left of each (read from the promotion itself,
 * not a cache, since the room is told the number), and a viewer's claim through GiftService — one claim
 * per customer, never past the quota, the same counters every channel uses.
 */
import type { DocumentStore } from '../../storage/documentStore';
import type { GiftService } from '../promotions/gifts';
import { PROMOTIONS, type PromotionDoc } from '../promotions/types';
import type { OfferState } from './publicAnswer';
import type { RoomDoc } from './types';

export type OfferClaim = { text: string; result: 'claimed' | 'already_claimed' | 'sold_out' | 'not_live'; remaining?: number };

export class RoomOffers {
  constructor(
    private readonly store: DocumentStore,
    private readonly gifts: Pick<GiftService, 'claim'>,
  ) {}

  async states(room: RoomDoc): Promise<OfferState[]> {
    if (room.offers.length === 0) return [];
    const ids = room.offers.map((o) => o.promotionId);
    const docs = await this.store.collection<PromotionDoc>(PROMOTIONS).find({ _id: { $in: ids } });
    const now = Date.now();
    return room.offers.flatMap((o) => {
      const doc = docs.find((d) => d._id === o.promotionId);
      if (!doc?.gift || new Date(doc.endsAt).getTime() <= now) return [];
      return [{ text: o.text, remaining: doc.gift.remaining }];
    });
  }

  /** Claims every offer of the room for the customer (one each); what happened to each. */
  async claim(room: RoomDoc, customerId: string): Promise<OfferClaim[]> {
    const out: OfferClaim[] = [];
    for (const offer of room.offers) {
      const r = await this.gifts.claim(customerId, offer.promotionId);
      out.push(r.ok ? { text: offer.text, result: 'claimed', remaining: r.remaining } : { text: offer.text, result: r.reason });
    }
    return out;
  }
}
