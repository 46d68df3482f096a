/**
 * What the dashboard reads besides turn events, each through a narrow interface so the metrics service
 * depends on no other area's class: questions the bot could not answer (the NLU review queue: turn
 * events hold no customer text, so the text comes from there), coupon redemption (promotions), CSAT
 * (the `csat` collection the CSAT service writes) and who is waiting for a human right now (handoffs).
 */
import type { DocumentStore } from '../../storage/documentStore';
import { normalizeForSearch } from '../../platform/text/normalize';

export interface MetricsRange {
  from: Date;
  to: Date;
  channel?: string;
}

export interface UnansweredQuestion {
  /** one representative wording of the group, as a customer wrote it (show it as text only) */
  text: string;
  count: number;
}

export interface CouponRedemption {
  /** coupons issued in the range (voided ones left out) */
  issued: number;
  /** of those, redeemed by now */
  redeemed: number;
  rate: number | null;
}

export interface CsatSummary {
  responses: number;
  average: number | null;
  distribution: Record<'1' | '2' | '3' | '4' | '5', number>;
}

export interface MetricsSources {
  unanswered(range: MetricsRange, limit: number): Promise<UnansweredQuestion[]>;
  couponRedemption(range: MetricsRange): Promise<CouponRedemption>;
  csat(range: MetricsRange): Promise<CsatSummary>;
  handoffQueue(): Promise<{ queued: number; withAgent: number }>;
}

/** The NLU review row fields read here (nlu/review/reviewQueue.ts NluReviewDoc). */
interface ReviewRow {
  _id: string;
  text: string;
  count: number;
  status: string;
  reason: string;
  updatedAt: Date;
}

interface CouponRow {
  _id: string;
  status: string;
  issuedAt: Date;
}

interface CsatRow {
  _id: string;
  channelId?: string;
  score?: number;
  answeredAt?: Date;
}

/** Same question, different punctuation, spacing or case: one group. */
export function unansweredKey(text: string): string {
  return normalizeForSearch(text)
    .replace(/[\s\p{P}\p{S}]+/gu, '')
    .slice(0, 200);
}

export interface StoreSourceNames {
  /** the NLU review queue's collection (nlu NLU_REVIEW_COLLECTION) */
  review: string;
  coupons: string;
  csat: string;
  handoffs: string;
}

const READ_CAP = 5000;

/** The sources over the shared store (collection names come from the composition root). */
export class StoreMetricsSources implements MetricsSources {
  constructor(
    private readonly store: DocumentStore,
    private readonly names: StoreSourceNames,
  ) {}

  /**
   * Still-pending review rows touched in the range, grouped by their normalised text; a row's count is
   * every time it was said (the queue keeps one row per text). The queue has no channel: not filtered by it.
   */
  async unanswered(range: MetricsRange, limit: number): Promise<UnansweredQuestion[]> {
    const rows = await this.store
      .collection<ReviewRow>(this.names.review)
      .find({ status: 'pending', updatedAt: { $gte: range.from, $lt: range.to } }, { sort: { count: -1 }, limit: READ_CAP });
    const groups = new Map<string, UnansweredQuestion & { best: number }>();
    for (const row of rows) {
      if (typeof row.text !== 'string' || !row.text) continue;
      const key = unansweredKey(row.text) || row.text;
      const count = Number(row.count) || 1;
      const group = groups.get(key);
      if (!group) groups.set(key, { text: row.text, count, best: count });
      else {
        group.count += count;
        if (count > group.best) Object.assign(group, { text: row.text, best: count });
      }
    }
    return [...groups.values()]
      .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text))
      .slice(0, limit)
      .map(({ text, count }) => ({ text, count }));
  }

  /** Coupons have no channel: not filtered by it. */
  async couponRedemption(range: MetricsRange): Promise<CouponRedemption> {
    const coupons = this.store.collection<CouponRow>(this.names.coupons);
    const issuedAt = { $gte: range.from, $lt: range.to };
    const [issued, redeemed] = await Promise.all([
      coupons.count({ issuedAt, status: { $in: ['issued', 'redeemed'] } }),
      coupons.count({ issuedAt, status: 'redeemed' }),
    ]);
    return { issued, redeemed, rate: issued > 0 ? Math.round((redeemed / issued) * 10000) / 10000 : null };
  }

  /** Ratings answered in the range (on the channel, when one is chosen). */
  async csat(range: MetricsRange): Promise<CsatSummary> {
    // The answeredAt range is checked here, not in the query: `answeredAt` has a sparse index, and the
    // embedded store (NeDB) finds nothing for a Date range on a sparse index. Ratings are few.
    const filter: Record<string, unknown> = { score: { $gte: 1, $lte: 5 } };
    if (range.channel) filter.channelId = range.channel;
    const rows = await this.store.collection<CsatRow>(this.names.csat).find(filter, { limit: 200_000 });
    const distribution: CsatSummary['distribution'] = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
    const from = range.from.getTime();
    const to = range.to.getTime();
    let sum = 0;
    let responses = 0;
    for (const row of rows) {
      const answered = row.answeredAt ? new Date(row.answeredAt).getTime() : NaN;
      if (!(answered >= from && answered < to)) continue;
      const score = Math.round(Number(row.score));
      if (score < 1 || score > 5) continue;
      distribution[String(score) as keyof CsatSummary['distribution']]++;
      sum += score;
      responses++;
    }
    return { responses, average: responses > 0 ? Math.round((sum / responses) * 100) / 100 : null, distribution };
  }

  async handoffQueue(): Promise<{ queued: number; withAgent: number }> {
    const handoffs = this.store.collection(this.names.handoffs);
    const [queued, withAgent] = await Promise.all([handoffs.count({ state: 'queued' }), handoffs.count({ state: 'agent' })]);
    return { queued, withAgent };
  }
}
