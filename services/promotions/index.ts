/** Promotions, coupons, gifts, hesitation offers and repurchase reminders: one facade for the dialogs. */
import type { DocumentStore } from '../../storage/documentStore';
import { ClaimCounter } from './claimCounter';
import { CouponService } from './coupons';
import { GiftService } from './gifts';
import { OfferEngine } from './offers';
import { CatalogOptions, PromotionCatalog } from './promotionCatalog';
import type { LastPurchases } from './repurchase';
import type { ClaimCounterDoc, CouponDoc } from './types';

export interface Promotions {
  catalog: PromotionCatalog;
  coupons: CouponService;
  gifts: GiftService;
  offers: OfferEngine;
  /** delivered purchases of a customer (wired to the orders service in index.ts) */
  lastPurchases: LastPurchases;
  /** identities linked: coupons and claims of the merged customer belong to the survivor */
  moveCustomer(survivorId: string, mergedId: string): Promise<void>;
  /** privacy export: the customer's coupons and claim counters */
  exportCustomer(customerId: string): Promise<{ coupons: CouponDoc[]; promotionClaims: ClaimCounterDoc[] }>;
  /** privacy erase: deletes both; returns how many documents went */
  eraseCustomer(customerId: string): Promise<number>;
}

export async function createPromotions(
  store: DocumentStore,
  options: CatalogOptions & { lastPurchases?: LastPurchases } = {},
): Promise<Promotions> {
  await Promise.all([PromotionCatalog.ensureIndexes(store), CouponService.ensureIndexes(store), ClaimCounter.ensureIndexes(store)]);
  const catalog = new PromotionCatalog(store, options);
  const counter = new ClaimCounter(store);
  const coupons = new CouponService(store, catalog, counter);
  const gifts = new GiftService(store, catalog, counter);
  return {
    catalog,
    coupons,
    gifts,
    offers: new OfferEngine(catalog, coupons, gifts),
    lastPurchases: options.lastPurchases ?? (async () => []),
    async moveCustomer(survivorId, mergedId) {
      await counter.moveCustomer(survivorId, mergedId);
      await coupons.moveCustomer(survivorId, mergedId);
    },
    async exportCustomer(customerId) {
      return { coupons: await coupons.exportCustomer(customerId), promotionClaims: await counter.exportCustomer(customerId) };
    },
    async eraseCustomer(customerId) {
      return (await coupons.eraseCustomer(customerId)) + (await counter.eraseCustomer(customerId));
    },
  };
}

export { couponDiscount } from './coupons';
export { dueForRepurchase } from './repurchase';
export type { Purchase, LastPurchases, RepurchaseDue } from './repurchase';
export { seedDemoPromotions, demoPromotions } from './demoPromotions';
export type { Offer } from './offers';
export type { CouponDoc, PromotionDoc } from './types';
export { purchasesFromOrders } from './purchasesFromOrders';
