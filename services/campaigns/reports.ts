/**
 * A campaign's report: every row as sent | skipped(reason) | failed (exact counts from the rows), and for
 * the sent ones what followed within the attribution window (7 days): the campaign's coupon redeemed,
 * a cart link taken in chat (the shopping funnel's `cartLinks` step), an order placed. `replied` = the
 * customer wrote within 48 hours of the message (the conversation log).
 * A sent customer counts once in `converted`, however many of the three happened.
 */
import type { DocumentStore } from '../../storage/documentStore';
import type { CampaignStore } from './campaignStore';
import type { CampaignDoc, CampaignSendDoc } from './types';

const DAY = 86_400_000;
export const ATTRIBUTION_MS = 7 * DAY;
export const REPLY_MS = 2 * DAY;
const CHUNK = 500;

export interface CampaignReport {
  targeted: number;
  sent: number;
  skipped: Record<string, number>;
  failed: number;
  /** not finished yet (waiting, deferred to the morning, being sent) */
  pending: number;
  converted: number;
  conversions: { couponRedeemed: number; cartLink: number; orderPlaced: number };
  replied: number;
}

const within = (at: Date | undefined, from: Date, ms: number) => !!at && at.getTime() >= from.getTime() && at.getTime() <= from.getTime() + ms;

export async function campaignReport(store: DocumentStore, rows: CampaignStore, c: CampaignDoc): Promise<CampaignReport> {
  const counts = await rows.counts(c);
  const sent = await rows.sends.find({ campaignId: c._id, status: 'sent' });
  const conversions = { couponRedeemed: 0, cartLink: 0, orderPlaced: 0 };
  let converted = 0;
  let replied = 0;
  for (let i = 0; i < sent.length; i += CHUNK) {
    const chunk = sent.slice(i, i + CHUNK);
    const r = await chunkOutcomes(store, chunk);
    for (const row of chunk) {
      const o = r.get(row._id)!;
      if (o.coupon) conversions.couponRedeemed++;
      if (o.cart) conversions.cartLink++;
      if (o.order) conversions.orderPlaced++;
      if (o.coupon || o.cart || o.order) converted++;
      if (o.replied) replied++;
    }
  }
  return { targeted: counts.targeted, sent: counts.sent, skipped: counts.skipped, failed: counts.failed, pending: counts.pending, converted, conversions, replied };
}

async function chunkOutcomes(store: DocumentStore, chunk: CampaignSendDoc[]) {
  const ids = [...new Set(chunk.map((r) => r.customerId))];
  const since = new Date(Math.min(...chunk.map((r) => new Date(r.sentAt!).getTime())));
  const codes = chunk.map((r) => r.couponCode).filter((c): c is string => !!c);
  const [coupons, orders, funnel, messages] = await Promise.all([
    codes.length ? store.collection<{ _id: string; status: string; redeemedAt?: Date }>('coupons').find({ _id: { $in: codes } }) : [],
    store.collection<{ _id: string; customerId: string; status: string; createdAt: Date }>('orders').find({ customerId: { $in: ids }, createdAt: { $gte: since } }),
    store.collection<{ _id: string; customerId: string; at: Date; funnel?: string[] }>('turnEvents').find({ customerId: { $in: ids }, at: { $gte: since } }),
    store.collection<{ _id: string; customerId: string; at: Date; from: string }>('conversationLog').find({ customerId: { $in: ids }, from: 'customer', at: { $gte: since } }),
  ]);
  const redeemed = new Map(coupons.filter((c) => c.status === 'redeemed').map((c) => [c._id, c.redeemedAt && new Date(c.redeemedAt)]));
  const by = <T extends { customerId: string }>(docs: T[]) => {
    const m = new Map<string, T[]>();
    for (const d of docs) (m.get(d.customerId) ?? m.set(d.customerId, []).get(d.customerId)!).push(d);
    return m;
  };
  const ordersBy = by(orders.filter((o) => o.status !== 'cancelled'));
  const funnelBy = by(funnel.filter((e) => e.funnel?.includes('cartLinks')));
  const messagesBy = by(messages);
  const out = new Map<string, { coupon: boolean; cart: boolean; order: boolean; replied: boolean }>();
  for (const row of chunk) {
    const at = new Date(row.sentAt!);
    out.set(row._id, {
      coupon: !!row.couponCode && within(redeemed.get(row.couponCode), at, ATTRIBUTION_MS),
      cart: (funnelBy.get(row.customerId) ?? []).some((e) => within(new Date(e.at), at, ATTRIBUTION_MS)),
      order: (ordersBy.get(row.customerId) ?? []).some((o) => within(new Date(o.createdAt), at, ATTRIBUTION_MS)),
      replied: (messagesBy.get(row.customerId) ?? []).some((m) => within(new Date(m.at), at, REPLY_MS)),
    });
  }
  return out;
}
