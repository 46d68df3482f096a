/**
 * The operations dashboard's figures for a date range and channel (GET /api/admin/metrics): turn events
 * aggregated (metricsAggregate.ts says how each figure is defined) plus what other areas keep — the
 * questions the bot could not answer, coupon redemption, CSAT and the handoff queue right now.
 */
import type { DocumentStore } from '../../storage/documentStore';
import { aggregateTurns, AggregatedEvent, TurnMetrics } from './metricsAggregate';
import type { CouponRedemption, CsatSummary, MetricsRange, MetricsSources, UnansweredQuestion } from './metricsSources';
import { TURN_EVENTS, TurnEvent } from './turnEvents';

export interface MetricsQuery extends MetricsRange {
  /** minutes east of UTC for day buckets */
  tzOffsetMinutes?: number;
}

export interface Metrics extends TurnMetrics {
  from: string;
  to: string;
  channel: string | null;
  topUnanswered: UnansweredQuestion[];
  couponRedemption: CouponRedemption;
  csat: CsatSummary;
  /** customers waiting for or talking to a human now (not limited to the range or channel) */
  handoffQueue: { queued: number; withAgent: number };
  /** true when the range held more events than are read at once (MAX_EVENTS): narrow it */
  truncated: boolean;
}

export interface MetricsServiceOptions {
  /** events still buffered in memory are written first, so a turn just finished is counted */
  flush?: () => Promise<void>;
  maxEvents?: number;
}

const MAX_EVENTS = 500_000;
const TOP_UNANSWERED = 10;

export class MetricsService {
  constructor(
    private readonly store: DocumentStore,
    private readonly sources: MetricsSources,
    private readonly options: MetricsServiceOptions,
  ) {}

  async compute(query: MetricsQuery): Promise<Metrics> {
    await this.options.flush?.();
    const filter: Record<string, unknown> = { at: { $gte: query.from, $lt: query.to } };
    if (query.channel) filter.channelId = query.channel;
    const max = this.options.maxEvents ?? MAX_EVENTS;
    const events = await this.store.collection<TurnEvent>(TURN_EVENTS).find(filter, { limit: max + 1 });
    const truncated = events.length > max;
    const turns = aggregateTurns((truncated ? events.slice(0, max) : events) as AggregatedEvent[], {
      from: query.from,
      to: query.to,
      tzOffsetMinutes: query.tzOffsetMinutes,
    });
    const range: MetricsRange = { from: query.from, to: query.to, channel: query.channel };
    const [topUnanswered, couponRedemption, csat, handoffQueue] = await Promise.all([
      this.sources.unanswered(range, TOP_UNANSWERED),
      this.sources.couponRedemption(range),
      this.sources.csat(range),
      this.sources.handoffQueue(),
    ]);
    return {
      from: query.from.toISOString(),
      to: query.to.toISOString(),
      channel: query.channel ?? null,
      ...turns,
      topUnanswered,
      couponRedemption,
      csat,
      handoffQueue,
      truncated,
    };
  }
}
