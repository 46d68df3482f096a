/**
 * Sends a campaign's pending rows through the CampaignDelivery, one lane (the channel a customer is
 * likely reached on) at a time each, all lanes at once, each paced by its channel's limit (a token
 * bucket per lane), so a slow channel (Telegram ~30 messages/s) never holds back the app inbox.
 * A run does a bounded amount of work and says when the campaign needs the next one.
 */
import type { Product } from '../../knowledge/types';
import type { CampaignStore } from './campaignStore';
import { fillText } from './targeting';
import { CampaignDelivery, CampaignDoc, CampaignSendDoc, DEFERRING_REASONS, SendOutcome } from './types';

/** messages per second per lane; a lane not named gets `default` */
export const DEFAULT_RATES: Record<string, number> = { telegram: 25, wechat: 50, app: 500, webchat: 500, default: 100 };

export interface CouponIssuer {
  issue(customerId: string, promotionId: string): Promise<{ ok: true; coupon: { _id: string } } | { ok: false; existing?: { _id: string } }>;
}

export interface SenderOptions {
  instanceId: string;
  delivery: CampaignDelivery;
  coupons?: CouponIssuer;
  getProduct(id: string): Product | undefined;
  now: () => Date;
  batchSize?: number;
  /** rows one run takes per lane at most (keeps a run short: stop() and other campaigns get a turn) */
  maxPerRun?: number;
  runBudgetMs?: number;
  /** how long a taken row stays with this runner before another may take it over */
  rowLockMs?: number;
  rates?: Record<string, number>;
  /** deferred rows give up after this many tries (the last reason is kept) */
  maxAttempts?: number;
  /** called between batches: a paused campaign stops at the next batch */
  stillRunning(campaignId: string): Promise<boolean>;
}

class Pacer {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  constructor(private readonly rates: Record<string, number>) {}

  async take(lane: string): Promise<void> {
    const rate = this.rates[lane] ?? this.rates.default ?? Infinity;
    if (!Number.isFinite(rate)) return;
    // the bucket holds a tenth of a second's sends at most and starts with one: a full second's burst on top of
    // the steady rate let Telegram see twice its limit in the first second of a run
    const burst = Math.max(1, rate / 10);
    const b = this.buckets.get(lane) ?? { tokens: 1, at: Date.now() };
    this.buckets.set(lane, b);
    for (;;) {
      const t = Date.now();
      b.tokens = Math.min(burst, b.tokens + ((t - b.at) / 1000) * rate);
      b.at = t;
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return;
      }
      await new Promise((r) => setTimeout(r, Math.ceil(((1 - b.tokens) / rate) * 1000)));
    }
  }
}

/** The next 08:00 in Asia/Shanghai (UTC+8, no daylight saving): when a quiet-hours row is tried again. */
export function nextMorning(now: Date): Date {
  const next = new Date(now);
  next.setUTCHours(0, 0, 0, 0); // 08:00 in Shanghai
  if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

export class CampaignSender {
  private readonly pacer: Pacer;

  constructor(
    private readonly rows: CampaignStore,
    private readonly o: SenderOptions,
  ) {
    this.pacer = new Pacer({ ...DEFAULT_RATES, ...o.rates });
  }

  /** One run over every lane; resolves with how many rows it ended. */
  async run(c: CampaignDoc, heartbeat?: () => Promise<void>): Promise<number> {
    const started = Date.now();
    const results = await Promise.all(c.lanes.map((lane) => this.lane(c, lane, started, heartbeat)));
    return results.reduce((a, b) => a + b, 0);
  }

  private async lane(c: CampaignDoc, lane: string, started: number, heartbeat?: () => Promise<void>): Promise<number> {
    const max = this.o.maxPerRun ?? 5000;
    let done = 0;
    while (done < max && Date.now() - started < (this.o.runBudgetMs ?? 15_000)) {
      if (!(await this.o.stillRunning(c._id))) break;
      const batch = await this.rows.claim(c._id, lane, Math.min(this.o.batchSize ?? 100, max - done), this.o.instanceId, this.o.now(), this.o.rowLockMs ?? 120_000);
      if (batch.length === 0) break;
      for (const row of batch) {
        await this.pacer.take(lane);
        await this.one(c, row);
        done++;
      }
      await heartbeat?.();
    }
    return done;
  }

  private async one(c: CampaignDoc, row: CampaignSendDoc): Promise<void> {
    const product = row.productId ? this.o.getProduct(row.productId) : undefined;
    let coupon = row.couponCode;
    if (c.params.couponPromotionId && !coupon) {
      coupon = await this.issueCoupon(row.customerId, c.params.couponPromotionId);
      if (!coupon) {
        await this.rows.finish(row, { status: 'skipped', reason: 'coupon_unavailable' }, this.o.now());
        return;
      }
      await this.rows.setCoupon(row, coupon);
    }
    let outcome: SendOutcome;
    try {
      const text = fillText(c.message, { product, coupon });
      outcome = await this.o.delivery.send({ campaignId: c._id, customerId: row.customerId, text, kind: 'campaign' }, this.o.now());
    } catch {
      outcome = { status: 'failed', reason: 'delivery_error' };
    }
    const retry = outcome.status !== 'sent' && (outcome.retryAt !== undefined || (outcome.reason !== undefined && DEFERRING_REASONS.has(outcome.reason)));
    if (retry && row.attempts < (this.o.maxAttempts ?? 4)) {
      const now = this.o.now();
      const fallback = outcome.reason === 'quiet_hours' ? nextMorning(now) : new Date(now.getTime() + 60_000);
      const at = outcome.retryAt instanceof Date && outcome.retryAt > now ? outcome.retryAt : fallback;
      await this.rows.defer(row, at, outcome.reason ?? 'retry');
      return;
    }
    await this.rows.finish({ ...row, couponCode: coupon }, outcome, this.o.now());
  }

  private async issueCoupon(customerId: string, promotionId: string): Promise<string | undefined> {
    if (!this.o.coupons) return undefined;
    const r = await this.o.coupons.issue(customerId, promotionId);
    return r.ok ? r.coupon._id : r.existing?._id;
  }
}
