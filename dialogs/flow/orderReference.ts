/**
 * Matches what the customer said about an order against their orders, the way a person would: a status
 * (还没发货的那单), a product, brand or category (雅诗兰黛那个, 卡诗洗发水, the lipstick), recency (最近那一单)
 * or an ordinal (第二单), each narrowing the orders; without a status, the flow's own defaults narrow them
 * (a return looks at delivered orders, a parcel question at shipped ones). One order left → that order;
 * several → just those; a reference nothing matches → none, said plainly.
 */
import type { TurnContext } from 'botbuilder';
import { categoryLookup, categorySynonyms } from '../../knowledge/text/synonyms';
import { orderReferenceOf } from '../../nlu/frame/orderReference';
import { frameOf, type Entity, type OrderReference } from '../../nlu/types';
import type { Order, OrderStatus } from '../../services/orders/types';
import { nluResultOf } from '../turn/turnContracts';

/** What the flow wants an order for: it decides which orders are looked at when the customer names none. */
export type OrderPurpose = 'status' | 'logistics' | 'cancel' | 'change' | 'return' | 'quality' | 'invoice';

/** Per purpose, the statuses looked at first, then next (an empty list: every order). */
const DEFAULT_TIERS: Record<OrderPurpose, OrderStatus[][]> = {
  status: [],
  logistics: [['shipped'], ['paid']],
  cancel: [['unpaid', 'paid']],
  change: [['unpaid', 'paid']],
  return: [['delivered'], ['shipped']],
  quality: [['delivered'], ['shipped']],
  invoice: [['delivered', 'shipped', 'paid']],
};

/** "where is my parcel", "东西发了吗 物流到哪了": a question about the parcel's way, not the order in general. */
const LOGISTICS = /物流|快递|包裹|运单|到哪|到了吗|发货了吗|发了吗|发了没|发货没|什么时候到|几天到|多久到|还没到|派送|配送|\bparcel\b|\bpackage\b|\btracking\b|\btrack\b|\bshipping\b|\bdeliver(y|ed)?\b|\bshipped\b|\barriv(e|ed|al)\b|\bwhere\b.*\b(order|stuff|things?|items?)\b|\bwhere('?s| is| are) (it|my|the|that|this)\b|\bwher\b/i;

export function isLogisticsQuestion(text: string): boolean {
  return LOGISTICS.test(text);
}

/** What a message says about the order meant: the reference, the named categories, and its words. */
export interface OrderCue {
  reference?: OrderReference;
  /** names written for brands and products (matched against the order's item titles) */
  names: string[];
  /** each named category as the words a title may use for it (口红 → 唇膏, lipstick…) */
  categories: string[][];
  text: string;
}

/** The cue of a message in an order flow: the frame's order reference when the recognizer built one, else our own. */
export function orderCueOf(text: string, entities: Entity[], frameReference?: OrderReference): OrderCue {
  const own = orderReferenceOf(text, entities, { orderContext: true });
  // the frame's products and brands count when this message names some (a fuzzy name must stand on a word written here)
  const grounded = entities.some((e) => e.type === 'brand' || e.type === 'product');
  const reference: OrderReference | undefined = frameReference
    ? {
        ...own,
        ...frameReference,
        productIds: grounded ? frameReference.productIds : (own?.productIds ?? []),
        brandIds: grounded ? frameReference.brandIds : (own?.brandIds ?? []),
      }
    : own;
  const names = entities.filter((e) => e.type === 'brand' || e.type === 'product').map((e) => e.text);
  const categories: string[][] = [];
  for (const e of entities) {
    if (e.type !== 'category') continue;
    const canonical = categoryLookup.get(String(e.value ?? e.text).toLowerCase()) ?? categoryLookup.get(e.text.toLowerCase());
    categories.push(canonical ? [canonical, ...(categorySynonyms[canonical] ?? [])] : [e.text]);
  }
  return { reference, names, categories, text };
}

/** The cue of this turn's message. */
export function turnCue(context: TurnContext): OrderCue {
  const nlu = nluResultOf(context);
  return orderCueOf(context.activity.text ?? '', nlu?.entities ?? [], frameOf(nlu).order);
}

/** Does the cue name an order beyond its number (a status, recency, ordinal, product, brand or category)? */
export function namesAnOrder(cue: OrderCue): boolean {
  const r = cue.reference;
  return Boolean(r?.status || r?.recency || r?.ordinal || r?.productIds.length || r?.brandIds.length || cue.names.length || cue.categories.length);
}

export type OrderMatch = { kind: 'one'; order: Order } | { kind: 'several'; orders: Order[] } | { kind: 'none' };

// ---- titles ----

const fold = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
const compact = (s: string) => fold(s).replace(/[^a-z0-9\p{Script=Han}]/gu, '');

function titlesOf(order: Order): string {
  return order.items.map((i) => `${fold(i.title)} ${fold(i.titleEn ?? '')}`).join(' | ');
}

function mentions(order: Order, word: string): boolean {
  const w = compact(word);
  return w.length >= 2 && compact(titlesOf(order)).includes(w);
}

/** Brand, product and category named in the message (each must be in the order). */
function namedMatch(order: Order, cue: OrderCue): boolean {
  const r = cue.reference;
  if (r?.productIds.some((id) => order.items.some((i) => i.productId === id))) return true;
  if (r?.brandIds.some((id) => mentions(order, id))) return true;
  if (cue.names.some((n) => mentions(order, n))) return true;
  return cue.categories.some((words) => words.some((w) => mentions(order, w)));
}

const EN_STOP = new Set(['order', 'orders', 'one', 'that', 'this', 'which', 'where', 'what', 'with', 'from', 'have', 'just', 'last', 'latest', 'please', 'want', 'return', 'cancel', 'change', 'the', 'and', 'for', 'item', 'items', 'thing', 'stuff']);

/** How strongly the message's own words name this order's items (longest shared Chinese run, shared English words). */
function wordScore(order: Order, text: string): number {
  const titles = titlesOf(order);
  let best = 0;
  for (const run of text.match(/\p{Script=Han}{2,}/gu) ?? []) {
    for (let len = Math.min(run.length, 6); len >= 2 && len > best; len--) {
      for (let i = 0; i + len <= run.length; i++) if (titles.includes(run.slice(i, i + len))) best = Math.max(best, len);
    }
  }
  const words = new Set(titles.split(/[^a-z0-9]+/).filter((w) => w.length >= 3));
  const singular = (w: string) => w.replace(/s$/, '');
  let shared = 0;
  for (const w of fold(text).split(/[^a-z0-9]+/)) if (w.length >= 3 && !EN_STOP.has(w) && (words.has(w) || words.has(singular(w)))) shared++;
  return best + shared * 3;
}

/** The orders the message's own words name best (卡诗洗发水, the serum), or none when its words name no item. */
export function byWords(orders: Order[], text: string): Order[] {
  const scores = orders.map((o) => wordScore(o, text));
  const top = Math.max(0, ...scores);
  return top >= 2 ? orders.filter((_, i) => scores[i] === top) : [];
}

// ---- matching ----

/** Orders in the flow's default statuses, first tier with any; all of them when none is in a tier. */
function byDefaults(orders: Order[], purpose: OrderPurpose): Order[] {
  for (const tier of DEFAULT_TIERS[purpose]) {
    const inTier = orders.filter((o) => tier.includes(o.status));
    if (inTier.length > 0) return inTier;
  }
  return orders;
}

function outcome(orders: Order[]): OrderMatch {
  if (orders.length === 0) return { kind: 'none' };
  return orders.length === 1 ? { kind: 'one', order: orders[0] } : { kind: 'several', orders };
}

/**
 * The orders the cue points at. `orders` newest first; `listed` are the orders just shown to the customer
 * (an ordinal counts in that list). Without any cue, the flow's defaults decide.
 */
export function matchOrders(orders: Order[], cue: OrderCue | undefined, purpose: OrderPurpose, listed: string[] = []): OrderMatch {
  const r = cue?.reference;
  let candidates = orders;
  if (r?.status) candidates = candidates.filter((o) => o.status === r.status);
  const named = cue && (r?.productIds.length || r?.brandIds.length || cue.names.length || cue.categories.length);
  if (named) candidates = candidates.filter((o) => namedMatch(o, cue));
  if (cue && candidates.length > 1) {
    // the message's own words (卡诗洗发水, the serum) narrow further, but only when they name something
    const worded = byWords(candidates, cue.text);
    if (worded.length > 0) candidates = worded;
  }
  if (!r?.status && candidates.length > 1) candidates = byDefaults(candidates, purpose);
  if (r?.ordinal) {
    const shown = listed.map((id) => candidates.find((o) => o._id === id)).filter((o): o is Order => Boolean(o));
    const pool = shown.length > 0 ? shown : candidates;
    return outcome(pool[r.ordinal - 1] ? [pool[r.ordinal - 1]] : []);
  }
  if (r?.recency === 'latest') return outcome(candidates.slice(0, 1));
  if (r?.recency === 'earlier' && candidates.length > 1) return outcome(candidates.slice(1));
  return outcome(candidates);
}

/** Orders in the order a list shows them: the flow's preferred statuses first, newest first within each. */
export function listOrder(orders: Order[], purpose: OrderPurpose): Order[] {
  const tiers = DEFAULT_TIERS[purpose];
  const rank = (o: Order) => {
    const i = tiers.findIndex((t) => t.includes(o.status));
    return i < 0 ? tiers.length : i;
  };
  return [...orders].sort((a, b) => rank(a) - rank(b));
}
