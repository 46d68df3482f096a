/**
 * The dashboard's figures over a hand-checked day (metricsFixture.ts): every number below was worked out
 * by hand from the seeded events, review rows, coupons, CSAT answers and handoff records.
 */
import { EmbeddedStore } from '../../../storage';
import { MetricsService } from '../../../services/analytics/metrics';
import { aggregateTurns, percentile } from '../../../services/analytics/metricsAggregate';
import { StoreMetricsSources } from '../../../services/analytics/metricsSources';
import { RANGE, seedMetrics } from './metricsFixture';

describe('MetricsService over a seeded day', () => {
  let store: EmbeddedStore;
  let metrics: MetricsService;
  let flushed = 0;

  beforeAll(async () => {
    store = new EmbeddedStore(null);
    // the indexes the app creates (a Date range on the sparse answeredAt index finds nothing in NeDB)
    await store.ensureIndex('turnEvents', { fields: { at: 1 } });
    await store.ensureIndex('csat', { fields: { answeredAt: 1 }, sparse: true });
    await seedMetrics(store);
    const sources = new StoreMetricsSources(store, { review: 'nluReview', coupons: 'coupons', csat: 'csat', handoffs: 'handoffs' });
    metrics = new MetricsService(store, sources, { flush: async () => void flushed++ });
  });

  afterAll(() => store.close());

  it('counts conversations as 30-minute sessions, containment, handoffs, fallbacks and latency for all channels', async () => {
    const m = await metrics.compute(RANGE);
    expect(flushed).toBeGreaterThan(0); // buffered events are written before counting
    expect(m).toMatchObject({
      from: '2025-05-01T00:00:00.000Z',
      to: '2025-05-02T00:00:00.000Z',
      channel: null,
      turns: 10,
      conversations: 5, // A ×2, B ×1, C ×2
      containmentRate: 0.6, // A's second (handoff) and B's (gate) involved a human: 3 of 5
      handoffs: 1,
      handoffRate: 0.2,
      handoffReasons: { angry: 1 },
      fallbackTurns: 1, // the turn the bot marked; the low-confidence complaint was understood
      fallbackRate: 0.1111, // of 9 recognized turns (the gate's turn has no intent)
      p50Ms: 250,
      p99Ms: 700,
      funnel: { recommendationsShown: 2, cardClicks: 1, cartLinks: 1, offersClaimed: 1, giftsClaimed: 1 },
      couponRedemption: { issued: 3, redeemed: 2, rate: 0.6667 },
      csat: { responses: 3, average: 3.67, distribution: { '1': 0, '2': 1, '3': 0, '4': 1, '5': 1 } },
      handoffQueue: { queued: 2, withAgent: 1 },
      truncated: false,
    });
    expect(m.topIntents).toEqual([
      { intent: 'recommendation', count: 3 },
      { intent: 'promotion', count: 2 },
      { intent: 'complaint', count: 1 },
      { intent: 'greeting', count: 1 },
      { intent: 'other', count: 1 },
      { intent: 'product_info', count: 1 },
    ]);
    expect(m.topUnanswered).toEqual([
      { text: '你们几点发货？', count: 5 },
      { text: 'Can I pay by PayPal', count: 4 },
    ]);
    expect(m.channels).toEqual([
      { channelId: 'app', turns: 7 },
      { channelId: 'webchat', turns: 3 },
    ]);
  });

  it('narrows turn figures and CSAT to one channel', async () => {
    const m = await metrics.compute({ ...RANGE, channel: 'app' });
    expect(m).toMatchObject({
      channel: 'app',
      turns: 7,
      conversations: 4,
      containmentRate: 0.75,
      handoffRate: 0.25,
      fallbackRate: 0.1429, // 1 of 7
      p50Ms: 250,
      p99Ms: 500,
      funnel: { recommendationsShown: 2, cardClicks: 1, cartLinks: 1, offersClaimed: 0, giftsClaimed: 0 },
      csat: { responses: 2, average: 3.5 },
    });
    expect((await metrics.compute({ ...RANGE, channel: 'telegram' })).turns).toBe(0);
  });

  it('buckets by hour for short ranges and by local day for longer ones', async () => {
    const day = await metrics.compute(RANGE);
    expect(day.bucket).toBe('hour');
    expect(day.series).toHaveLength(24);
    expect(day.series[1]).toEqual({ start: '2025-05-01T01:00:00.000Z', turns: 3, conversations: 1, handoffs: 0, fallbacks: 0 });
    expect(day.series[3]).toEqual({ start: '2025-05-01T03:00:00.000Z', turns: 2, conversations: 1, handoffs: 1, fallbacks: 1 });
    expect(day.series[5]).toMatchObject({ turns: 2, conversations: 2 });

    // Beijing days (UTC+8): 2025-04-28 00:00+08:00 … 2025-05-03 00:00+08:00
    const week = await metrics.compute({ from: new Date('2025-04-27T16:00:00Z'), to: new Date('2025-05-02T16:00:00Z'), tzOffsetMinutes: 480 });
    expect(week.bucket).toBe('day');
    expect(week.series.map((p) => p.start)).toEqual(['2025-04-27T16:00:00.000Z', '2025-04-28T16:00:00.000Z', '2025-04-29T16:00:00.000Z', '2025-04-30T16:00:00.000Z', '2025-05-01T16:00:00.000Z']);
    // every seeded event, the two "outside" ones included, falls on Beijing's 1 May except A's at 2 May 00:00Z (08:00 on 2 May)
    expect(week.series[3].turns).toBe(11);
    expect(week.series[4].turns).toBe(1);
  });

  it('gives null rates and latencies for an empty range rather than zeros', async () => {
    const m = await metrics.compute({ from: new Date('2024-01-01T00:00:00Z'), to: new Date('2024-01-02T00:00:00Z') });
    expect(m).toMatchObject({ turns: 0, conversations: 0, containmentRate: null, handoffRate: null, fallbackRate: null, p50Ms: null, p99Ms: null, topIntents: [], topUnanswered: [] });
    expect(m.couponRedemption).toEqual({ issued: 0, redeemed: 0, rate: null });
    expect(m.csat).toEqual({ responses: 0, average: null, distribution: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 } });
  });

  it('says when the range held more events than it reads', async () => {
    const capped = new MetricsService(store, new StoreMetricsSources(store, { review: 'nluReview', coupons: 'coupons', csat: 'csat', handoffs: 'handoffs' }), { maxEvents: 4 });
    const m = await capped.compute(RANGE);
    expect(m.truncated).toBe(true);
    expect(m.turns).toBe(4);
  });
});

describe('metric definitions', () => {
  it('takes nearest-rank percentiles', () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([7], 0.99)).toBe(7);
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2);
    expect(percentile(Array.from({ length: 100 }, (_, i) => i + 1), 0.99)).toBe(99);
  });

  it('counts a funnel step once per turn and a conversation across a turn exactly 30 minutes later', () => {
    const base = { customerId: 'c', channelId: 'app', latencyMs: 1, intent: 'recommendation', confidence: 0.9 };
    const m = aggregateTurns(
      [
        { ...base, at: new Date('2025-01-01T00:00:00Z'), funnel: ['cartLinks', 'cartLinks'] },
        { ...base, at: new Date('2025-01-01T00:30:00Z') },
        { ...base, at: new Date('2025-01-01T01:00:01Z') },
      ],
      { from: new Date('2025-01-01T00:00:00Z'), to: new Date('2025-01-02T00:00:00Z') },
    );
    expect(m.funnel.cartLinks).toBe(1);
    expect(m.conversations).toBe(2);
  });

  it('counts a turn the bot marked as not understood even when the NLU was confident', () => {
    const base = { customerId: 'c', channelId: 'app', latencyMs: 1, at: new Date('2025-01-01T00:00:00Z') };
    const m = aggregateTurns(
      [
        { ...base, intent: 'product_info', confidence: 0.9, fallback: true },
        { ...base, intent: 'product_info', confidence: 0.9 },
      ],
      { from: new Date('2025-01-01T00:00:00Z'), to: new Date('2025-01-02T00:00:00Z') },
    );
    expect(m.fallbackTurns).toBe(1);
    expect(m.fallbackRate).toBe(0.5);
    // an unsure intent that the bot handled (a prompt's answer such as "油皮") is not a fallback
    const unsure = aggregateTurns([{ ...base, intent: 'other', confidence: 0.1 }], { from: new Date('2025-01-01T00:00:00Z'), to: new Date('2025-01-02T00:00:00Z') });
    expect(unsure.fallbackTurns).toBe(0);
  });
});
