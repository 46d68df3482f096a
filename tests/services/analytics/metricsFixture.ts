/**
 * A small, hand-checked day of activity for the metrics tests (2025-05-01, UTC): three customers on two
 * channels, one handoff, one turn held by the handoff gate, two fallbacks, funnel steps, review rows,
 * coupons, CSAT answers and handoff records. The expected figures are worked out beside each block.
 */
import type { DocumentStore } from '../../../storage/documentStore';

const at = (hhmm: string, day = '2025-05-01') => new Date(`${day}T${hhmm}:00.000Z`);
let n = 0;
const ev = (customerId: string, channelId: string, time: Date, latencyMs: number, extra: Record<string, unknown> = {}) => ({
  _id: `e${++n}`,
  at: time,
  customerId,
  channelId,
  latencyMs,
  attempts: 1,
  ...extra,
});

export const RANGE = { from: at('00:00'), to: at('00:00', '2025-05-02') };

export async function seedMetrics(store: DocumentStore): Promise<void> {
  await store.collection('turnEvents').insertMany([
    // customer A (app): conversation 1 at 01:00–01:20, contained
    ev('c_A', 'app', at('01:00'), 100, { intent: 'greeting', confidence: 0.9 }),
    ev('c_A', 'app', at('01:10'), 200, { intent: 'recommendation', confidence: 0.8, funnel: ['recommendationsShown'] }),
    ev('c_A', 'app', at('01:20'), 300, { intent: 'product_info', confidence: 0.7, funnel: ['cardClicks', 'cartLinks'] }),
    // 100 minutes later: conversation 2, a turn the bot did not understand, then a low-confidence angry turn
    // handed off (low confidence alone is not a fallback: the bot understood it)
    ev('c_A', 'app', at('03:00'), 400, { intent: 'other', confidence: 0.9, fallback: true }),
    ev('c_A', 'app', at('03:05'), 500, { intent: 'complaint', confidence: 0.3, handoffReason: 'angry' }),
    // customer B (webchat): one conversation, one turn held by the handoff gate (a human was involved)
    ev('c_B', 'webchat', at('02:00'), 600, { intent: 'promotion', confidence: 0.9, funnel: ['offersClaimed'] }),
    ev('c_B', 'webchat', at('02:01'), 50, { interceptedBy: 'handoffGate' }),
    ev('c_B', 'webchat', at('02:02'), 700, { intent: 'promotion', confidence: 0.5, funnel: ['giftsClaimed'] }),
    // customer C (app): 40 minutes apart → two conversations, both contained
    ev('c_C', 'app', at('05:00'), 150, { intent: 'recommendation', confidence: 0.95, funnel: ['recommendationsShown'] }),
    ev('c_C', 'app', at('05:40'), 250, { intent: 'recommendation', confidence: 0.95 }),
    // outside the range: the first instant after it, and one minute before it
    ev('c_A', 'app', at('00:00', '2025-05-02'), 9999, { intent: 'greeting', confidence: 0.9 }),
    ev('c_D', 'app', new Date('2025-04-30T23:59:00.000Z'), 9999, { intent: 'other', confidence: 0.1, handoffReason: 'requested' }),
  ]);
  const review = (_id: string, text: string, count: number, updatedAt: Date, status = 'pending') => ({
    _id,
    text,
    count,
    status,
    reason: 'low_confidence',
    predicted: 'other',
    confidence: 0.2,
    createdAt: updatedAt,
    updatedAt,
  });
  await store.collection('nluReview').insertMany([
    // "你们几点发货？" and "你们几点发货" are one question: 3 + 2 = 5
    review('r1', '你们几点发货？', 3, at('04:00')),
    review('r2', '你们几点发货', 2, at('06:00')),
    review('r3', 'Can I pay by PayPal', 4, at('07:00')),
    review('r4', '旧问题', 10, at('12:00', '2025-04-20')),
    review('r5', '已经标注过的', 9, at('08:00'), 'reviewed'),
  ]);
  const coupon = (_id: string, issuedAt: Date, status: string) => ({ _id, promotionId: 'p1', customerId: 'c_A', issuedAt, expiresAt: at('23:00'), status });
  await store.collection('coupons').insertMany([
    // issued in range: 3 counted (the void one is not), 2 of them redeemed
    coupon('K1', at('02:00'), 'issued'),
    coupon('K2', at('02:10'), 'redeemed'),
    coupon('K3', at('02:20'), 'redeemed'),
    coupon('K4', at('02:30'), 'void'),
    coupon('K5', at('10:00', '2025-04-25'), 'redeemed'),
  ]);
  const csat = (_id: string, channelId: string, score: number | undefined, answeredAt: Date | undefined) => ({
    _id,
    customerId: 'c_A',
    channelId,
    askedAt: at('00:30'),
    ...(score !== undefined ? { score } : {}),
    ...(answeredAt ? { answeredAt } : {}),
  });
  await store.collection('csat').insertMany([
    // answered in range: 5 (app), 4 (webchat), 2 (app); one unanswered; one answered the day before
    csat('s1', 'app', 5, at('09:00')),
    csat('s2', 'webchat', 4, at('09:30')),
    csat('s3', 'app', 2, at('10:00')),
    csat('s4', 'app', undefined, undefined),
    csat('s5', 'app', 1, at('10:00', '2025-04-30')),
  ]);
  const handoff = (_id: string, state: string) => ({ _id, state, since: at('03:05'), inbox: [], updatedAt: at('03:05') });
  await store.collection('handoffs').insertMany([handoff('c_A', 'queued'), handoff('c_X', 'queued'), handoff('c_B', 'agent'), handoff('c_Y', 'bot')]);
}
