/**
 * Campaigns and their send rows in the DocumentStore. A send row's `_id` is (campaign, customer), so
 * planning the same page twice (a restart, two runners) writes each row once; a row waiting or being sent
 * carries `queue` = campaign|status|lane, the one indexed field a claim asks for, and loses it when it
 * ends (sent | skipped | failed), so claims never scan finished rows.
 */
import { DocumentStore, DuplicateKeyError } from '../../storage/documentStore';
import { CAMPAIGN_SENDS, CAMPAIGNS, CampaignDoc, CampaignSendDoc, CampaignState, SendOutcome } from './types';

export const queueOf = (campaignId: string, status: 'pending' | 'deferred' | 'sending', lane: string) => `${campaignId}|${status}|${lane}`;
export const sendId = (campaignId: string, customerId: string) => `${campaignId}|${customerId}`;

/** field-safe reason (reasons become counter names in the report) */
export const safeReason = (reason: string | undefined) => (reason ?? 'unknown').replace(/[^\w-]/g, '_').slice(0, 64) || 'unknown';

/**
 * The row as this runner took it (status sending, its lock). Filters name `_id` with fields that have no
 * index of their own: the embedded backend answers from one index, and `queue` would make it scan a lane.
 */
const held = (row: CampaignSendDoc) => ({ _id: row._id, status: 'sending', lockedBy: row.lockedBy, lockedUntil: row.lockedUntil });

export class CampaignStore {
  constructor(private readonly store: DocumentStore) {}

  static async ensureIndexes(store: DocumentStore): Promise<void> {
    await store.ensureIndex(CAMPAIGNS, { fields: { createdAt: -1 } });
    await store.ensureIndex(CAMPAIGN_SENDS, { fields: { queue: 1 }, sparse: true });
    await store.ensureIndex(CAMPAIGN_SENDS, { fields: { campaignId: 1, status: 1 } });
    await store.ensureIndex(CAMPAIGN_SENDS, { fields: { customerId: 1 } });
  }

  get campaigns() {
    return this.store.collection<CampaignDoc>(CAMPAIGNS);
  }

  get sends() {
    return this.store.collection<CampaignSendDoc>(CAMPAIGN_SENDS);
  }

  async insert(doc: CampaignDoc): Promise<void> {
    await this.campaigns.insertOne(doc);
  }

  get(id: string): Promise<CampaignDoc | null> {
    return this.campaigns.findOne({ _id: id });
  }

  list(limit = 100): Promise<CampaignDoc[]> {
    return this.campaigns.find({}, { sort: { createdAt: -1 }, limit });
  }

  /** Moves the campaign from one of `from` to `to` (atomic); null when it was in no such state. */
  transition(id: string, from: CampaignState[], to: CampaignState, set: Record<string, unknown> = {}, inc?: Record<string, number>): Promise<CampaignDoc | null> {
    return this.campaigns.findOneAndUpdate(
      { _id: id, state: { $in: from } },
      { $set: { state: to, updatedAt: new Date(), ...set }, ...(inc ? { $inc: inc } : {}) },
    );
  }

  /** Writes a page's rows; rows that exist already (the page ran before) are left as they are. */
  async insertRows(rows: CampaignSendDoc[]): Promise<void> {
    if (rows.length === 0) return;
    try {
      await this.sends.insertMany(rows);
    } catch (err) {
      if (!(err instanceof DuplicateKeyError)) throw err;
      for (const row of rows) {
        try {
          await this.sends.insertOne(row);
        } catch (e) {
          if (!(e instanceof DuplicateKeyError)) throw e;
        }
      }
    }
  }

  /**
   * Takes up to `limit` rows of one lane for this runner: stale `sending` rows first (a runner died
   * mid-batch), then deferred rows whose time has come, then pending ones. Each row is taken by one
   * conditional update, so two runners never take the same row.
   */
  async claim(campaignId: string, lane: string, limit: number, by: string, now: Date, lockMs: number): Promise<CampaignSendDoc[]> {
    const sending = queueOf(campaignId, 'sending', lane);
    const candidates = [
      ...(await this.sends.find({ queue: sending, lockedUntil: { $lt: now } }, { limit })),
      ...(await this.sends.find({ queue: queueOf(campaignId, 'deferred', lane), notBefore: { $lte: now } }, { limit })),
    ];
    if (candidates.length < limit) candidates.push(...(await this.sends.find({ queue: queueOf(campaignId, 'pending', lane) }, { limit: limit - candidates.length })));
    const lockedUntil = new Date(now.getTime() + lockMs);
    const mine: CampaignSendDoc[] = [];
    for (const row of candidates.slice(0, limit)) {
      const r = await this.sends.updateOne(
        { _id: row._id, status: row.status, ...(row.lockedUntil ? { lockedUntil: row.lockedUntil } : {}) },
        { $set: { queue: sending, status: 'sending', lockedBy: by, lockedUntil }, $inc: { attempts: 1 } },
      );
      if (r.modified === 1) mine.push({ ...row, queue: sending, status: 'sending', lockedBy: by, lockedUntil, attempts: row.attempts + 1 });
    }
    return mine;
  }

  /** Remembers the coupon issued for a row before its message goes out (a retry reuses it). */
  async setCoupon(row: CampaignSendDoc, code: string): Promise<void> {
    await this.sends.updateOne(held(row), { $set: { couponCode: code } });
  }

  /** Ends a row with the delivery's outcome (only while this runner still holds it). */
  async finish(row: CampaignSendDoc, outcome: SendOutcome, now: Date): Promise<boolean> {
    const set: Record<string, unknown> = { status: outcome.status, finishedAt: now };
    if (outcome.status === 'sent') set.sentAt = now;
    if (outcome.reason) set.reason = safeReason(outcome.reason);
    if (outcome.channelId) set.channelId = outcome.channelId;
    const r = await this.sends.updateOne(held(row), {
      $set: set, $unset: { queue: '', lockedBy: '', lockedUntil: '', notBefore: '' },
    });
    if (outcome.status === 'skipped' && r.modified === 1) {
      await this.campaigns.updateOne({ _id: row.campaignId }, { $addToSet: { reasons: safeReason(outcome.reason) } });
    }
    return r.modified === 1;
  }

  /**
   * A web chat message kept for the next visit was shown: its row (skipped as `webchat_next_visit` when it was
   * kept) now counts as sent. Only that row state moves, so an erased or re-planned row is left alone.
   */
  async markShown(campaignId: string, customerId: string, at: Date): Promise<boolean> {
    const r = await this.sends.updateOne(
      { _id: `${campaignId}|${customerId}`, status: 'skipped', reason: 'webchat_next_visit' },
      { $set: { status: 'sent', sentAt: at, shownAt: at } },
    );
    return r.modified === 1;
  }

  /** Puts a row back to wait until `notBefore` (quiet hours, a rate limit). */
  async defer(row: CampaignSendDoc, notBefore: Date, reason: string): Promise<void> {
    await this.sends.updateOne(
      held(row),
      { $set: { queue: queueOf(row.campaignId, 'deferred', row.lane), status: 'deferred', notBefore, reason: safeReason(reason) }, $unset: { lockedBy: '', lockedUntil: '' } },
    );
  }

  /** Rows of a campaign not finished yet, per lane (any state that still has a queue). */
  async open(campaignId: string, lane: string): Promise<number> {
    return this.sends.count({ queue: { $in: (['pending', 'deferred', 'sending'] as const).map((s) => queueOf(campaignId, s, lane)) } });
  }

  async counts(c: CampaignDoc): Promise<{ targeted: number; sent: number; failed: number; pending: number; skipped: Record<string, number> }> {
    const n = (filter: Record<string, unknown>) => this.sends.count({ campaignId: c._id, ...filter });
    const [targeted, sent, failed, skippedAll] = await Promise.all([n({}), n({ status: 'sent' }), n({ status: 'failed' }), n({ status: 'skipped' })]);
    const skipped: Record<string, number> = {};
    let named = 0;
    for (const reason of c.reasons ?? []) {
      const k = await n({ status: 'skipped', reason });
      if (k > 0) skipped[reason] = k;
      named += k;
    }
    // a reason whose $addToSet was lost (the runner died between the two writes) still counts
    if (skippedAll > named) skipped.unknown = (skipped.unknown ?? 0) + skippedAll - named;
    return { targeted, sent, failed, pending: targeted - sent - failed - skippedAll, skipped };
  }
}
