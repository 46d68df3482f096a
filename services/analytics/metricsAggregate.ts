/**
 * The dashboard's numbers from one range of turn events, as a pure function (no store), so every
 * definition below is tested against hand-computed figures:
 *
 * - conversation: a customer's run of turns with no gap longer than SESSION_GAP_MS (30 minutes), as web
 *   analytics counts sessions; a customer who comes back the next day has a second conversation.
 * - contained: a conversation in which no turn handed the customer to a human and no turn was held by the
 *   handoff gate (the customer was queued or with an agent from an earlier conversation).
 * - handoff rate: conversations with a handoff ÷ conversations; reasons count the handoff turns.
 * - fallback: a turn the bot answered with its "I did not understand" reply (marked with markFallback);
 *   ÷ recognized turns. A low intent confidence alone is not a fallback: answers to a prompt ("油皮", "yes",
 *   "300以内") score low as intents and are understood by the prompt (measured after a bench run, counting them
 *   made 15 % of perfectly answered turns look misunderstood).
 * - latency: nearest-rank p50/p99 of every turn's latency.
 * Rates are 0..1 with four decimals, null when there is nothing to divide by.
 */
import type { TurnEvent } from './turnEvents';
import { FUNNEL_STEPS, FunnelStep } from './turnOutcome';

export const SESSION_GAP_MS = 30 * 60_000;
const HANDOFF_GATE = 'handoffGate';
const TOP = 10;

export type AggregatedEvent = Pick<TurnEvent, 'customerId' | 'channelId' | 'at' | 'latencyMs' | 'intent' | 'confidence' | 'interceptedBy' | 'funnel' | 'handoffReason' | 'fallback'>;

export interface SeriesPoint {
  /** start of the bucket (ISO) */
  start: string;
  turns: number;
  conversations: number;
  handoffs: number;
  fallbacks: number;
}

export interface TurnMetrics {
  conversations: number;
  turns: number;
  containmentRate: number | null;
  handoffs: number;
  handoffRate: number | null;
  handoffReasons: Record<string, number>;
  fallbackTurns: number;
  fallbackRate: number | null;
  p50Ms: number | null;
  p99Ms: number | null;
  topIntents: { intent: string; count: number }[];
  funnel: Record<FunnelStep, number>;
  channels: { channelId: string; turns: number }[];
  bucket: 'hour' | 'day';
  series: SeriesPoint[];
}

export interface AggregateOptions {
  from: Date;
  to: Date;
  /** minutes east of UTC for day buckets (480 = Beijing time) */
  tzOffsetMinutes?: number;
}

export function isFallbackTurn(event: Pick<AggregatedEvent, 'fallback'>): boolean {
  return event.fallback === true;
}

export function rate(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 10000) / 10000 : null;
}

/** Nearest-rank percentile (p in 0..1) of sorted values; null for none. */
export function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1];
}

function countTop(counts: Map<string, number>, limit: number): [string, number][] {
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, limit);
}

function bump(map: Map<string, number>, key: string, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

export function aggregateTurns(events: AggregatedEvent[], options: AggregateOptions): TurnMetrics {
  const sorted = [...events].sort((a, b) => time(a.at) - time(b.at));
  const bucket: TurnMetrics['bucket'] = options.to.getTime() - options.from.getTime() <= 48 * 3600_000 ? 'hour' : 'day';
  const series = new Series(options.from, options.to, bucket, options.tzOffsetMinutes ?? 0);

  const intents = new Map<string, number>();
  const channels = new Map<string, number>();
  const reasons = new Map<string, number>();
  const funnel = Object.fromEntries(FUNNEL_STEPS.map((s) => [s, 0])) as Record<FunnelStep, number>;
  const latencies: number[] = [];
  let recognized = 0;
  let fallbackTurns = 0;
  let handoffs = 0;

  // conversations: per customer, the last turn's time and whether the open conversation involved a human
  const open = new Map<string, { last: number; human: boolean; handedOff: boolean }>();
  let conversations = 0;
  let contained = 0;
  let handedOffConversations = 0;
  const close = (c: { human: boolean; handedOff: boolean }) => {
    if (!c.human) contained++;
    if (c.handedOff) handedOffConversations++;
  };

  for (const e of sorted) {
    const at = time(e.at);
    const point = series.at(at);
    if (point) point.turns++;
    bump(channels, e.channelId);
    if (Number.isFinite(e.latencyMs)) latencies.push(e.latencyMs);
    if (e.intent !== undefined) {
      recognized++;
      bump(intents, e.intent);
    }
    const fallback = isFallbackTurn(e);
    if (fallback) {
      fallbackTurns++;
      if (point) point.fallbacks++;
    }
    if (e.handoffReason) {
      handoffs++;
      bump(reasons, e.handoffReason);
      if (point) point.handoffs++;
    }
    for (const step of new Set(e.funnel ?? [])) if (step in funnel) funnel[step]++;

    let c = open.get(e.customerId);
    if (!c || at - c.last > SESSION_GAP_MS) {
      if (c) close(c);
      c = { last: at, human: false, handedOff: false };
      open.set(e.customerId, c);
      conversations++;
      if (point) point.conversations++;
    }
    c.last = at;
    if (e.handoffReason) c.handedOff = true;
    if (e.handoffReason || e.interceptedBy === HANDOFF_GATE) c.human = true;
  }
  for (const c of open.values()) close(c);

  latencies.sort((a, b) => a - b);
  return {
    conversations,
    turns: sorted.length,
    containmentRate: rate(contained, conversations),
    handoffs,
    handoffRate: rate(handedOffConversations, conversations),
    handoffReasons: Object.fromEntries(countTop(reasons, 50)),
    fallbackTurns,
    fallbackRate: rate(fallbackTurns, recognized),
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    topIntents: countTop(intents, TOP).map(([intent, count]) => ({ intent, count })),
    funnel,
    channels: countTop(channels, 50).map(([channelId, turns]) => ({ channelId, turns })),
    bucket,
    series: series.points,
  };
}

function time(at: Date | string): number {
  return at instanceof Date ? at.getTime() : new Date(at).getTime();
}

/** Hour or day buckets covering [from, to); days start at local midnight for the given offset. */
class Series {
  readonly points: SeriesPoint[] = [];
  private readonly first: number;
  private readonly size: number;

  constructor(from: Date, to: Date, bucket: 'hour' | 'day', tzOffsetMinutes: number) {
    this.size = bucket === 'hour' ? 3600_000 : 86400_000;
    const shift = bucket === 'day' ? tzOffsetMinutes * 60_000 : 0;
    this.first = Math.floor((from.getTime() + shift) / this.size) * this.size - shift;
    for (let start = this.first; start < to.getTime(); start += this.size) {
      this.points.push({ start: new Date(start).toISOString(), turns: 0, conversations: 0, handoffs: 0, fallbacks: 0 });
    }
  }

  at(ms: number): SeriesPoint | undefined {
    return this.points[Math.floor((ms - this.first) / this.size)];
  }
}
