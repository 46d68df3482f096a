/**
 * The offer a hesitating customer gets for a product: a time-limited coupon issued on the spot
 * (or the one they already hold) and, when the product takes part, a "first N buyers" gift with the
 * quota still left. Everything in an offer exists in the store; nothing is promised that is not there.
 */
import type { Product } from '../../knowledge/types';
import { CouponService, couponDiscount } from './coupons';
import type { GiftService } from './gifts';
import type { PromotionCatalog } from './promotionCatalog';
import type { CouponDoc, PromotionDoc } from './types';

export interface Offer {
  product: Product;
  coupon?: { doc: CouponDoc; promotion: PromotionDoc; priceAfter: number; alreadyHeld: boolean };
  gift?: { promotion: PromotionDoc; remaining: number; claimed: boolean };
}

export class OfferEngine {
  constructor(
    private readonly catalog: PromotionCatalog,
    private readonly coupons: CouponService,
    private readonly gifts: GiftService,
  ) {}

  /**
   * The best real offer for a hesitating customer, or undefined when no promotion applies. `choose` is
   * asked only when both a coupon and an unclaimed gift apply (the offer-type experiment): 'coupon' or
   * 'gift' offers that one alone; anything else (no experiment running, 'both') offers both.
   */
  async forHesitation(customerId: string, product: Product, choose?: () => Promise<string | undefined>): Promise<Offer | undefined> {
    const promos = (await this.catalog.forProduct(product)).filter((p) => p.forHesitation);
    const offer: Offer = { product };
    const couponPromos = promos
      .filter((p) => p.coupon && (p.coupon.minSpend ?? 0) <= product.price)
      .sort((a, b) => couponDiscount(b.coupon!, product.price) - couponDiscount(a.coupon!, product.price));
    const giftPromo = promos.find((p) => p.gift && p.gift.remaining > 0);
    const giftClaimed = giftPromo ? await this.gifts.hasClaimed(customerId, giftPromo._id) : false;
    const only = choose && giftPromo && !giftClaimed && couponPromos.length > 0 ? await choose() : undefined;
    for (const promotion of only === 'gift' ? [] : couponPromos) {
      const issued = await this.coupons.issue(customerId, promotion._id);
      const doc = issued.ok ? issued.coupon : issued.reason === 'limit_reached' ? issued.existing : undefined;
      if (!doc) continue;
      offer.coupon = { doc, promotion, priceAfter: product.price - couponDiscount(doc, product.price), alreadyHeld: !issued.ok };
      break;
    }
    if (giftPromo?.gift && only !== 'coupon') {
      offer.gift = { promotion: giftPromo, remaining: giftPromo.gift.remaining, claimed: giftClaimed };
    }
    return offer.coupon || offer.gift ? offer : undefined;
  }

  /** The gift promotion a product takes part in (for "领取赠品"). */
  async giftFor(product: Product): Promise<PromotionDoc | undefined> {
    return (await this.catalog.forProduct(product)).find((p) => p.gift);
  }
}
