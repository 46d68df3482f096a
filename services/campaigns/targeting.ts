/**
 * What each campaign type adds to the audience filters: who is due, and which product the message is
 * about.
 *   promotion   everyone in the audience
 *   repurchase  a delivered consumable near the end of its usage cycle (catalogue consumptionDays ×
 *               quantity, services/promotions/repurchase.ts); the product is the one running out first
 *   crossSell   a purchase delivered in the last `sinceDays` (default 14) → the first related product
 *               (knowledge/relatedProducts.ts: lipstick → same-shade blush) the customer has not bought
 *   winback     silent for `silentDays` (default 30)
 *   alert       the subscribers of a restock / price-drop alert (planning walks them, not all customers)
 */
import type { Product } from '../../knowledge/types';
import { dueForRepurchase } from '../promotions/repurchase';
import { bought, CustomerFacts, matchesAudience } from './audience';
import type { CampaignDoc } from './types';

const DAY = 86_400_000;

export interface TargetingSources {
  getProduct(id: string): Product | undefined;
  /** cross-sell suggestions for a product, best first */
  crossSell(productId: string): { _id: string }[];
  /** the reminder-timing experiment: days before running out for this customer (undefined = the campaign's) */
  repurchaseDays?(customerId: string): Promise<number | undefined>;
}

export interface Target {
  customerId: string;
  lane: string;
  productId?: string;
}

export async function targetOf(campaign: CampaignDoc, f: CustomerFacts, now: Date, sources: TargetingSources): Promise<Target | undefined> {
  if (!matchesAudience(campaign.audience, f, now)) return undefined;
  const base = { customerId: f.customerId, lane: f.lastChannel ?? 'none' };
  const p = campaign.params;
  switch (campaign.type) {
    case 'promotion':
      return base;
    case 'alert':
      return { ...base, productId: p.alert?.productId };
    case 'winback':
      return f.lastActiveAt.getTime() < now.getTime() - (p.silentDays ?? 30) * DAY ? base : undefined;
    case 'repurchase': {
      const purchases = (f.orders ?? [])
        .filter((o) => o.status === 'delivered' && o.deliveredAt)
        .map((o) => ({ productId: o.productId, deliveredAt: o.deliveredAt!, quantity: o.quantity }));
      if (purchases.length === 0) return undefined;
      const within = (await sources.repurchaseDays?.(f.customerId)) ?? p.withinDays ?? 10;
      const due = dueForRepurchase(purchases, (id) => sources.getProduct(id), now, within)[0];
      return due ? { ...base, productId: due.product._id } : undefined;
    }
    case 'crossSell': {
      const since = now.getTime() - (p.sinceDays ?? 14) * DAY;
      const orders = f.orders ?? [];
      const owned = new Set(orders.filter(bought).map((o) => o.productId));
      const recent = orders
        .filter((o) => bought(o) && o.deliveredAt && o.deliveredAt.getTime() >= since)
        .sort((a, b) => b.deliveredAt!.getTime() - a.deliveredAt!.getTime());
      for (const o of recent) {
        const next = sources.crossSell(o.productId).find((x) => !owned.has(x._id));
        if (next) return { ...base, productId: next._id };
      }
      return undefined;
    }
  }
}

/** The message for one customer: `{product}` → the product's title in each language, `{coupon}` → the code. */
export function fillText(
  text: { zh: string; en: string },
  values: { product?: Product; coupon?: string },
): { zh: string; en: string } {
  const fill = (s: string, lang: 'zh' | 'en') =>
    s
      .replaceAll('{product}', values.product ? (lang === 'en' ? (values.product.titleEn ?? values.product.title) : values.product.title) : '')
      .replaceAll('{coupon}', values.coupon ?? '');
  return { zh: fill(text.zh, 'zh'), en: fill(text.en, 'en') };
}
