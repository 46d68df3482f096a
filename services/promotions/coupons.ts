/**
 * Coupons: issued to one customer with a per-customer limit and an expiry, redeemed at most once.
 * Both steps are single conditional updates in the store, so limits hold across channels and instances.
 */
import crypto from 'node:crypto';
import type { DocumentStore } from '../../storage/documentStore';
import { ClaimCounter } from './claimCounter';
import type { PromotionCatalog } from './promotionCatalog';
import { COUPONS, CouponDoc, PromotionDoc } from './types';

export type IssueResult =
  | { ok: true; coupon: CouponDoc; promotion: PromotionDoc }
  /** limit reached: `existing` is the customer's still-valid coupon of this promotion, if any */
  | { ok: false; reason: 'limit_reached'; existing?: CouponDoc; promotion: PromotionDoc }
  | { ok: false; reason: 'not_live' };

export type RedeemResult =
  | { ok: true; coupon: CouponDoc; discount: number }
  | { ok: false; reason: 'unknown' | 'not_yours' | 'already_used' | 'expired' | 'below_min_spend' };

export class CouponService {
  constructor(
    private readonly store: DocumentStore,
    private readonly catalog: PromotionCatalog,
    private readonly counter = new ClaimCounter(store),
  ) {}

  /** called after each redemption (experiments count it as a conversion; it must not throw) */
  onRedeemed?: (customerId: string, coupon: CouponDoc) => Promise<void>;

  static async ensureIndexes(store: DocumentStore): Promise<void> {
    await store.ensureIndex(COUPONS, { fields: { customerId: 1 } });
  }

  private get coupons() {
    return this.store.collection<CouponDoc>(COUPONS);
  }

  async issue(customerId: string, promotionId: string): Promise<IssueResult> {
    const now = this.catalog.now();
    const promotion = (await this.catalog.live(now)).find((p) => p._id === promotionId);
    if (!promotion?.coupon) return { ok: false, reason: 'not_live' };
    const terms = promotion.coupon;
    if (!(await this.counter.take(promotionId, customerId, terms.perCustomerLimit))) {
      const existing = (await this.valid(customerId)).find((c) => c.promotionId === promotionId);
      return { ok: false, reason: 'limit_reached', existing, promotion };
    }
    const expiresAt = new Date(Math.min(now.getTime() + terms.validHours * 3600_000, promotion.endsAt.getTime()));
    const coupon: CouponDoc = {
      _id: `C${crypto.randomBytes(4).toString('hex').toUpperCase()}`,
      promotionId,
      customerId,
      ...(terms.amountOff !== undefined ? { amountOff: terms.amountOff } : {}),
      ...(terms.percentOff !== undefined ? { percentOff: terms.percentOff } : {}),
      ...(terms.minSpend !== undefined ? { minSpend: terms.minSpend } : {}),
      issuedAt: now,
      expiresAt,
      status: 'issued',
    };
    await this.coupons.insertOne(coupon);
    return { ok: true, coupon, promotion };
  }

  /** The customer's issued, unexpired coupons. */
  async valid(customerId: string): Promise<CouponDoc[]> {
    const now = this.catalog.now();
    const list = await this.coupons.find({ customerId, status: 'issued', expiresAt: { $gt: now } }, { limit: 50 });
    return list.map((c) => ({ ...c, issuedAt: new Date(c.issuedAt), expiresAt: new Date(c.expiresAt) }));
  }

  /**
   * Linked identities: the merged customer's coupons belong to the survivor, and the per-customer limit
   * holds for the survivor again — per promotion, redeemed coupons count first, then the unused ones
   * that last longest are kept; the rest are voided (with the reason) and their claims given back.
   * Runs inside the merge, which holds both customers' turn locks: no claim or redemption interleaves.
   */
  async moveCustomer(survivorId: string, mergedId: string): Promise<void> {
    await this.coupons.updateMany({ customerId: mergedId }, { $set: { customerId: survivorId } });
    const now = this.catalog.now();
    const held = await this.coupons.find({ customerId: survivorId, status: { $in: ['issued', 'redeemed'] } }, { limit: 1000 });
    for (const promotionId of new Set(held.map((c) => c.promotionId))) {
      const limit = (await this.catalog.get(promotionId))?.coupon?.perCustomerLimit;
      if (limit === undefined) continue; // promotion over: its coupons have expired with it
      const mine = held.filter((c) => c.promotionId === promotionId);
      const used = mine.filter((c) => c.status === 'redeemed').length;
      const unused = mine
        .filter((c) => c.status === 'issued' && new Date(c.expiresAt) > now)
        .sort((a, b) => new Date(b.expiresAt).getTime() - new Date(a.expiresAt).getTime());
      for (const extra of unused.slice(Math.max(0, limit - used))) {
        const voided = await this.coupons.updateOne(
          { _id: extra._id, status: 'issued' },
          { $set: { status: 'void', voidedAt: now, voidReason: 'merged_over_limit' } },
        );
        if (voided.modified > 0) await this.counter.giveBack(promotionId, survivorId);
      }
    }
  }

  /** Privacy export: every coupon issued to the customer. */
  async exportCustomer(customerId: string): Promise<CouponDoc[]> {
    return this.coupons.find({ customerId }, { sort: { issuedAt: -1 } });
  }

  /** Privacy erase: the customer's coupons are deleted (a gift's quota stays taken: the sample was given). */
  async eraseCustomer(customerId: string): Promise<number> {
    return this.coupons.deleteMany({ customerId });
  }

  /** Redeems a coupon against an order total; at most once, only by its owner, only before expiry. */
  async redeem(customerId: string, code: string, orderTotal: number, orderId?: string): Promise<RedeemResult> {
    const now = this.catalog.now();
    const found = await this.coupons.findOne({ _id: code });
    if (!found) return { ok: false, reason: 'unknown' };
    if (found.customerId !== customerId) return { ok: false, reason: 'not_yours' };
    if (found.minSpend !== undefined && orderTotal < found.minSpend) return { ok: false, reason: 'below_min_spend' };
    const redeemed = await this.coupons.findOneAndUpdate(
      { _id: code, customerId, status: 'issued', expiresAt: { $gt: now } },
      { $set: { status: 'redeemed', redeemedAt: now, ...(orderId ? { orderId } : {}) } },
    );
    if (!redeemed) {
      // read again: a concurrent redemption may have won since `found` was read
      const latest = await this.coupons.findOne({ _id: code });
      return { ok: false, reason: latest?.status === 'redeemed' ? 'already_used' : 'expired' };
    }
    await this.onRedeemed?.(customerId, redeemed);
    return { ok: true, coupon: redeemed, discount: couponDiscount(redeemed, orderTotal) };
  }
}

/** What a coupon takes off a price (0 below the minimum spend). */
export function couponDiscount(c: Pick<CouponDoc, 'amountOff' | 'percentOff' | 'minSpend'>, price: number): number {
  if (c.minSpend !== undefined && price < c.minSpend) return 0;
  const off = (c.amountOff ?? 0) + (c.percentOff ? Math.round((price * c.percentOff) / 100) : 0);
  return Math.min(off, price);
}
