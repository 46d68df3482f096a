/**
 * Repurchase reminders: a consumable (product.consumptionDays) bought and delivered long enough ago
 * that it is near its end. Purchases come from an injected `lastPurchases(customerId)` so this module
 * does not depend on how orders are stored.
 */
import type { Product } from '../../knowledge/types';

export interface Purchase {
  productId: string;
  /** when it reached the customer (delivered orders only) */
  deliveredAt: Date;
  quantity?: number;
}

export type LastPurchases = (customerId: string) => Promise<Purchase[]>;

export interface RepurchaseDue {
  product: Product;
  deliveredAt: Date;
  /** days left before it runs out (negative: already past) */
  daysLeft: number;
}

const DAY = 86_400_000;

/**
 * Products due for repurchase: at most `withinDays` days left of their cycle (quantity × consumptionDays),
 * and not yet more than a cycle past it (the customer has moved on). Soonest first.
 */
export function dueForRepurchase(
  purchases: Purchase[],
  getProduct: (id: string) => Product | undefined,
  now: Date,
  withinDays = 10,
): RepurchaseDue[] {
  const latest = new Map<string, Purchase>();
  for (const p of purchases) {
    const seen = latest.get(p.productId);
    if (!seen || seen.deliveredAt < p.deliveredAt) latest.set(p.productId, p);
  }
  const due: RepurchaseDue[] = [];
  for (const p of latest.values()) {
    const product = getProduct(p.productId);
    if (!product?.consumptionDays) continue;
    const cycle = product.consumptionDays * Math.max(1, p.quantity ?? 1);
    const daysLeft = Math.round(cycle - (now.getTime() - new Date(p.deliveredAt).getTime()) / DAY);
    if (daysLeft <= withinDays && daysLeft > -cycle) due.push({ product, deliveredAt: p.deliveredAt, daysLeft });
  }
  return due.sort((a, b) => a.daysLeft - b.daysLeft);
}
