/**
 * Audience filters as a pure function over what planning learned about one customer (CustomerFacts).
 * Planning reads only what the filters and the campaign type need: the profile (encrypted bot state) only
 * for skin type / concerns (or a language the segment record does not know), orders only for purchases.
 */
import type { Audience, CampaignType } from './types';

const DAY = 86_400_000;

export interface OrderFacts {
  orderId: string;
  productId: string;
  category?: string;
  quantity: number;
  status: string;
  createdAt: Date;
  deliveredAt?: Date;
}

export interface CustomerFacts {
  customerId: string;
  /** channels the customer has an identity on or wrote on */
  channels: string[];
  lastChannel?: string;
  language: 'zh' | 'en';
  skinType?: string;
  concerns: string[];
  /** the last message (segment record); the customer's creation when none was seen */
  lastActiveAt: Date;
  /** present when the audience or the type needs orders */
  orders?: OrderFacts[];
}

/** The moment a `lastActive…` value names: an ISO time, or a number of days before `now`. */
export function resolveTime(value: string | number, now: Date): Date {
  return typeof value === 'number' ? new Date(now.getTime() - value * DAY) : new Date(value);
}

const list = (v: string | string[] | undefined) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);

export function needsProfile(a: Audience): boolean {
  return a.skinType !== undefined || a.concerns !== undefined;
}

export function needsOrders(a: Audience, type: CampaignType): boolean {
  return a.purchased !== undefined || type === 'repurchase' || type === 'crossSell';
}

/** Orders that count as purchases (not cancelled, not refunded). */
export function bought(o: OrderFacts): boolean {
  return o.status !== 'cancelled' && o.status !== 'refunded' && o.status !== 'unpaid';
}

export function matchesAudience(a: Audience, f: CustomerFacts, now: Date): boolean {
  const channels = list(a.channel);
  if (channels && !channels.some((c) => f.channels.includes(c))) return false;
  if (a.language && f.language !== a.language) return false;
  const skin = list(a.skinType);
  if (skin && (!f.skinType || !skin.includes(f.skinType))) return false;
  if (a.concerns && !a.concerns.some((c) => f.concerns.includes(c))) return false;
  if (a.purchased !== undefined) {
    const p = a.purchased;
    if (!(f.orders ?? []).some((o) => bought(o) && (o.productId === p || o.category === p))) return false;
  }
  if (a.lastActiveBefore !== undefined && !(f.lastActiveAt < resolveTime(a.lastActiveBefore, now))) return false;
  if (a.lastActiveAfter !== undefined && !(f.lastActiveAt > resolveTime(a.lastActiveAfter, now))) return false;
  return true;
}
