/**
 * The learning loop's store: utterances the model was unsure about, or that the customer corrected
 * ("不是这个意思"), wait in the `nluReview` collection. A reviewer (the dashboard) sets `status: 'reviewed'`
 * and `intent` to the right label; reviewed rows join the training set on the next training run.
 * One document per distinct text (its hash is the _id), so a frequent question is stored once, with a count.
 */
import crypto from 'node:crypto';
import type { Collection, DocumentStore } from '../../storage/documentStore';
import { isIntent, type Intent } from '../types';
import type { LabeledUtterance } from '../model/trainingData';

export const NLU_REVIEW_COLLECTION = 'nluReview';

export type ReviewReason = 'low_confidence' | 'corrected';

export interface NluReviewDoc {
  _id: string;
  text: string;
  predicted: Intent;
  confidence: number;
  reason: ReviewReason;
  /** pending until a reviewer sets it; reviewed rows (with `intent`) are trained on; rejected rows are ignored */
  status: 'pending' | 'reviewed' | 'rejected';
  /** the correct intent, set by the reviewer */
  intent?: Intent;
  count: number;
  createdAt: Date;
  updatedAt: Date;
}

const MAX_TEXT = 500;

export class ReviewQueue {
  private readonly docs: Collection<NluReviewDoc>;

  constructor(store: DocumentStore) {
    this.docs = store.collection<NluReviewDoc>(NLU_REVIEW_COLLECTION);
  }

  async ensureIndexes(store: DocumentStore): Promise<void> {
    await store.ensureIndex(NLU_REVIEW_COLLECTION, { fields: { status: 1 } });
  }

  /** Adds (or counts again) an utterance for review; a reviewed row keeps its label. */
  async add(text: string, predicted: Intent, confidence: number, reason: ReviewReason): Promise<void> {
    const clean = text.trim().slice(0, MAX_TEXT);
    if (!clean) return;
    const now = new Date();
    const _id = crypto.createHash('sha256').update(clean).digest('hex').slice(0, 24);
    const updated = await this.docs.updateOne({ _id }, { $inc: { count: 1 }, $set: { updatedAt: now, ...(reason === 'corrected' ? { reason } : {}) } });
    if (updated.matched > 0) return;
    try {
      await this.docs.insertOne({ _id, text: clean, predicted, confidence, reason, status: 'pending', count: 1, createdAt: now, updatedAt: now });
    } catch {
      // a concurrent turn inserted the same text first: counting it once less is fine
      await this.docs.updateOne({ _id }, { $inc: { count: 1 } });
    }
  }

  async pending(limit = 100): Promise<NluReviewDoc[]> {
    return this.docs.find({ status: 'pending' }, { sort: { count: -1 }, limit });
  }

  /** Reviewer's decision: the right intent (joins training), or reject. */
  async review(id: string, intent: Intent | 'reject'): Promise<boolean> {
    const update = intent === 'reject' ? { status: 'rejected' as const } : { status: 'reviewed' as const, intent };
    const res = await this.docs.updateOne({ _id: id }, { $set: { ...update, updatedAt: new Date() } });
    return res.matched > 0;
  }

  /** Reviewed examples for the next training run. */
  async trainingExamples(): Promise<LabeledUtterance[]> {
    const rows = await this.docs.find({ status: 'reviewed' });
    return rows.filter((r) => isIntent(r.intent)).map((r) => ({ text: r.text, intent: r.intent as Intent }));
  }
}
