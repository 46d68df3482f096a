/**
 * Return eligibility by the store's policy:
 *  - 7天无理由: within 7 days of delivery and unopened;
 *  - opened cosmetics (skincare, make-up, hair care) are returned only for quality reasons,
 *    which go through the quality process (photos → ticket) instead;
 *  - an order that is not delivered yet is cancelled (unpaid/paid) or returned after delivery (shipped).
 */
import type { Order } from '../orders/types';

export const NO_REASON_DAYS = 7;
const DAY_MS = 24 * 3600 * 1000;

export type Eligibility =
  | { eligible: true; daysLeft: number }
  | { eligible: false; reason: 'not_delivered_cancel' | 'in_transit' | 'window_passed' | 'opened_cosmetic' | 'already_returning' | 'closed'; daysSinceDelivery?: number };

export function returnEligibility(order: Order, opened: boolean | undefined, now = new Date()): Eligibility {
  if (order.status === 'unpaid' || order.status === 'paid') return { eligible: false, reason: 'not_delivered_cancel' };
  if (order.status === 'shipped') return { eligible: false, reason: 'in_transit' };
  if (order.status === 'returning' || order.status === 'refunded') return { eligible: false, reason: 'already_returning' };
  if (order.status !== 'delivered' || !order.deliveredAt) return { eligible: false, reason: 'closed' };
  const days = (now.getTime() - new Date(order.deliveredAt).getTime()) / DAY_MS;
  const daysSinceDelivery = Math.floor(days);
  if (days > NO_REASON_DAYS) return { eligible: false, reason: 'window_passed', daysSinceDelivery };
  if (opened && order.items.some((i) => i.cosmetic)) return { eligible: false, reason: 'opened_cosmetic', daysSinceDelivery };
  return { eligible: true, daysLeft: Math.max(0, Math.ceil(NO_REASON_DAYS - days)) };
}
