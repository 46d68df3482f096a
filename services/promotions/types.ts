/**
 * The promotions model: live promotions with date windows (coupons, "first N buyers get a sample"
 * gifts, plain discounts), coupons issued to customers, and per-customer claim counters.
 * Dates are Date objects so both store backends compare them natively.
 */
import type { TopCategory } from '../../knowledge/types';

export type PromotionKind = 'coupon' | 'gift' | 'discount';

/** Which products a promotion applies to; an empty scope applies to nothing, `all` to every own product. */
export interface PromotionScope {
  all?: boolean;
  productIds?: string[];
  brandIds?: string[];
  categories?: string[];
  topCategories?: TopCategory[];
}

export interface CouponTerms {
  amountOff?: number; // CNY off
  percentOff?: number; // 10 = 10% off
  minSpend?: number;
  /** a coupon is valid this long after it is issued (time-limited offers) */
  validHours: number;
  perCustomerLimit: number;
}

export interface GiftTerms {
  name: string;
  nameEn: string;
  /** how many buyers get the gift in total */
  quota: number;
  /** decremented atomically by each claim; never below 0 */
  remaining: number;
}

export interface PromotionDoc {
  _id: string;
  kind: PromotionKind;
  title: string;
  titleEn: string;
  description: string;
  descriptionEn: string;
  startsAt: Date;
  endsAt: Date;
  scope: PromotionScope;
  /** offered to a customer who hesitates (再想想, 有点贵) */
  forHesitation?: boolean;
  coupon?: CouponTerms;
  gift?: GiftTerms;
  /** higher first when several apply */
  priority?: number;
  source?: string; // demo | admin
}

/** `void`: taken back, never usable (e.g. the extra one when two customers holding one each were merged) */
export type CouponStatus = 'issued' | 'redeemed' | 'void';

export interface CouponDoc {
  _id: string; // the coupon code
  promotionId: string;
  customerId: string;
  amountOff?: number;
  percentOff?: number;
  minSpend?: number;
  issuedAt: Date;
  expiresAt: Date;
  status: CouponStatus;
  redeemedAt?: Date;
  orderId?: string;
  voidedAt?: Date;
  /** why the coupon was voided: `merged_over_limit` = linking made the customer hold more than the promotion allows */
  voidReason?: string;
}

/** How many times a customer claimed a promotion (coupons issued, gifts claimed). */
export interface ClaimCounterDoc {
  _id: string; // promotionId|customerId
  promotionId: string;
  customerId: string;
  count: number;
}

export const PROMOTIONS = 'promotions';
export const COUPONS = 'coupons';
export const PROMOTION_CLAIMS = 'promotion_claims';
