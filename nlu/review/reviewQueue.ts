/**
 * The learning loop's store: utterances the model was unsure about, or that the customer corrected
 * ("不是这个意思"), or that the bot could not answer at all, wait in the `nluReview` collection. A reviewer
 * (the /review page) labels the right intent and accepts the row: accepted rows are training data (the
 * text stays encrypted at rest like every row here) and join the model on the next retrain or start.
 * One document per distinct text (its hash is the _id), so a frequent question is stored once, with a count.
 * The _id stays in clear while the text is encrypted at rest, so it must be a keyed hash: a plain
 * digest of a message that is just a phone number could be reversed by trying every number.
 */
import crypto from 'node:crypto';
import type { Collection, DocumentStore } from '../../storage/documentStore';
import { isIntent, type Intent } from '../types';
import type { LabeledUtterance } from '../model/trainingData';

export const NLU_REVIEW_COLLECTION = 'nluReview';

export type ReviewReason = 'low_confidence' | 'corrected' | 'unanswered';

/** 'reviewed' is what accepted rows were called before the review page existed: read as 'accepted'. */
export type ReviewStatus = 'pending' | 'accepted' | 'rejected';
export const REVIEW_STATUSES: readonly ReviewStatus[] = ['pending', 'accepted', 'rejected'];
export const REVIEW_REASONS: readonly ReviewReason[] = ['low_confidence', 'corrected', 'unanswered'];

export interface ReviewFilter {
  status?: ReviewStatus;
  reason?: ReviewReason;
  limit?: number;
}

export interface NluReviewDoc {
  _id: string;
  text: string;
  predicted: Intent;
  confidence: number;
  reason: ReviewReason;
  /** pending until a reviewer decides; accepted rows (with `intent`) are trained on; rejected rows are ignored */
  status: ReviewStatus | 'reviewed';
  /** the correct intent, set by the reviewer (a label alone does not make the row training data) */
  intent?: Intent;
  count: number;
  /** who said it (at most MAX_SPEAKERS), so a customer's export and erase find their rows */
  customerIds?: string[];
  createdAt: Date;
  updatedAt: Date;
}

const MAX_TEXT = 500;
/** A text said by this many customers is a common phrase, not anyone's personal data: stop listing speakers. */
const MAX_SPEAKERS = 100;

/** Keyed hash of a text (the store's lookup hash in the app); tests may leave the default. */
export type TextId = (text: string) => string;

const unkeyedTextId: TextId = (text) => crypto.createHash('sha256').update(text).digest('hex');

export class ReviewQueue {
  private readonly docs: Collection<NluReviewDoc>;

  constructor(
    store: DocumentStore,
    private readonly textId: TextId = unkeyedTextId,
  ) {
    this.docs = store.collection<NluReviewDoc>(NLU_REVIEW_COLLECTION);
  }

  async ensureIndexes(store: DocumentStore): Promise<void> {
    await store.ensureIndex(NLU_REVIEW_COLLECTION, { fields: { status: 1 } });
  }

  /** Adds (or counts again) an utterance for review; a reviewed row keeps its label. */
  async add(text: string, predicted: Intent, confidence: number, reason: ReviewReason, customerId?: string): Promise<void> {
    const clean = text.trim().slice(0, MAX_TEXT);
    if (!clean) return;
    const now = new Date();
    const _id = this.textId(clean).slice(0, 32);
    const updated = await this.docs.findOneAndUpdate({ _id }, { $inc: { count: 1 }, $set: { updatedAt: now, ...(reason === 'corrected' ? { reason } : {}) } });
    if (updated) {
      const speakers = updated.customerIds ?? [];
      if (customerId && speakers.length < MAX_SPEAKERS && !speakers.includes(customerId)) await this.docs.updateOne({ _id }, { $addToSet: { customerIds: customerId } });
      return;
    }
    const customerIds = customerId ? [customerId] : [];
    try {
      await this.docs.insertOne({ _id, text: clean, predicted, confidence, reason, status: 'pending', count: 1, customerIds, createdAt: now, updatedAt: now });
    } catch {
      // a concurrent turn inserted the same text first: counting it once less is fine
      await this.docs.updateOne({ _id }, { $inc: { count: 1 }, ...(customerId ? { $addToSet: { customerIds: customerId } } : {}) });
    }
  }

  /** Privacy export: the utterances this customer contributed. */
  async exportCustomer(customerId: string): Promise<Pick<NluReviewDoc, 'text' | 'reason' | 'status' | 'createdAt'>[]> {
    const rows = await this.docs.find({ customerIds: customerId });
    return rows.map((r) => ({ text: r.text, reason: r.reason, status: r.status, createdAt: r.createdAt }));
  }

  /**
   * Privacy erase: a row only this customer said is deleted (even a reviewed one: erasure wins over
   * training data); a row others said too only loses this customer's id.
   */
  async eraseCustomer(customerId: string): Promise<number> {
    const rows = await this.docs.find({ customerIds: customerId });
    for (const row of rows) {
      if ((row.customerIds ?? []).every((id) => id === customerId)) await this.docs.deleteOne({ _id: row._id });
      else await this.docs.updateOne({ _id: row._id }, { $pull: { customerIds: customerId } });
    }
    return rows.length;
  }

  async pending(limit = 100): Promise<NluReviewDoc[]> {
    return this.docs.find({ status: 'pending' }, { sort: { count: -1 }, limit });
  }

  /** The queue for the review page: most frequent first; status 'accepted' includes legacy 'reviewed' rows. */
  async list(filter: ReviewFilter = {}): Promise<NluReviewDoc[]> {
    const query: Record<string, unknown> = {};
    if (filter.status) query.status = filter.status === 'accepted' ? { $in: ['accepted', 'reviewed'] } : filter.status;
    if (filter.reason) query.reason = filter.reason;
    const rows = await this.docs.find(query, { sort: { count: -1 }, limit: filter.limit ?? 100 });
    return rows.map((r) => (r.status === 'reviewed' ? { ...r, status: 'accepted' } : r));
  }

  async get(id: string): Promise<NluReviewDoc | undefined> {
    const row = (await this.docs.findOne({ _id: id })) ?? undefined;
    return row && row.status === 'reviewed' ? { ...row, status: 'accepted' } : row;
  }

  /** Sets the right intent without deciding yet; an accepted row stays accepted with the new label. */
  async label(id: string, intent: Intent): Promise<NluReviewDoc | undefined> {
    const res = await this.docs.updateOne({ _id: id }, { $set: { intent, updatedAt: new Date() } });
    return res.matched > 0 ? this.get(id) : undefined;
  }

  /** Makes the row training data, under `intent` or the label it already has; false when neither exists. */
  async accept(id: string, intent?: Intent): Promise<NluReviewDoc | undefined | 'unlabelled'> {
    const row = await this.get(id);
    if (!row) return undefined;
    const label = intent ?? row.intent;
    if (!isIntent(label)) return 'unlabelled';
    await this.docs.updateOne({ _id: id }, { $set: { status: 'accepted', intent: label, updatedAt: new Date() } });
    return this.get(id);
  }

  async reject(id: string): Promise<NluReviewDoc | undefined> {
    const res = await this.docs.updateOne({ _id: id }, { $set: { status: 'rejected', updatedAt: new Date() } });
    return res.matched > 0 ? this.get(id) : undefined;
  }

  /** Reviewer's decision in one call: the right intent (accepted, joins training), or reject. */
  async review(id: string, intent: Intent | 'reject'): Promise<boolean> {
    const done = intent === 'reject' ? await this.reject(id) : await this.accept(id, intent);
    return done !== undefined;
  }

  /**
   * Accepted examples for the next training run, in a stable order (sorted by text) so the same data
   * hashes the same and a restart finds the retrained model in the cache.
   */
  async trainingExamples(): Promise<LabeledUtterance[]> {
    const rows = await this.docs.find({ status: { $in: ['accepted', 'reviewed'] } });
    return rows
      .filter((r) => isIntent(r.intent))
      .map((r) => ({ text: r.text, intent: r.intent as Intent }))
      .sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  }
}
