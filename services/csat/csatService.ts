/**
 * Customer satisfaction (CSAT): when an agent resolves a conversation the customer is asked for a 1–5
 * rating on the channel they used last; their next message, when it is a rating, is stored with the
 * conversation (dialogs/handoff/csatCapture.ts) and anything else drops the question, so a later "2"
 * that picks an item from a list is never taken for a rating. `summary` feeds the dashboard.
 *
 * Every message turn asks `pending`: with the embedded store (one process) the customers known to have
 * no open question are kept in memory, so that costs nothing; with MongoDB it is one indexed read (another
 * instance may have asked the question).
 */
import crypto from 'node:crypto';
import type { DocumentStore } from '../../storage/documentStore';
import type { ConversationLog } from '../conversationLog';
import type { CustomerDelivery, DeliveryResult } from '../delivery/types';
import { CSAT_SUGGESTIONS, CSAT_TEXT } from './text';

export const CSAT_COLLECTION = 'csat';

export interface CsatRecord {
  _id: string;
  customerId: string;
  /** the agent who resolved the conversation */
  agent?: string;
  channelId: string;
  askedAt: Date;
  /** the language the question was asked in (the customer's) */
  lang?: 'zh' | 'en';
  score?: number;
  answeredAt?: Date;
  /** the customer wrote something else instead: the question is closed without a rating */
  skippedAt?: Date;
}

export interface CsatSummary {
  responses: number;
  /** mean score, 0 when there are no responses */
  average: number;
  /** responses per score, "1" … "5" */
  distribution: Record<'1' | '2' | '3' | '4' | '5', number>;
}

export interface CsatAskResult extends DeliveryResult {
  /** a question is now waiting for the customer's rating */
  asked: boolean;
}

/** A question older than this is no longer waiting: a "5" the next week is just a "5". */
const PENDING_MS = 24 * 60 * 60 * 1000;
const NOT_PENDING_LIMIT = 20000;

export class CsatService {
  private delivery: CustomerDelivery | undefined;
  /** embedded store only: customers known to have no open question */
  private readonly notPending: Set<string> | undefined;

  constructor(
    private readonly store: DocumentStore,
    private readonly log: Pick<ConversationLog, 'append' | 'language'>,
  ) {
    this.notPending = store.kind === 'embedded' ? new Set() : undefined;
  }

  static async ensureIndexes(store: DocumentStore): Promise<void> {
    await store.ensureIndex(CSAT_COLLECTION, { fields: { customerId: 1 } });
    await store.ensureIndex(CSAT_COLLECTION, { fields: { answeredAt: 1 } });
  }

  /** The channels are built after the bot (which needs this service): the composition root connects them. */
  useDelivery(delivery: CustomerDelivery): void {
    this.delivery = delivery;
  }

  private get records() {
    return this.store.collection<CsatRecord>(CSAT_COLLECTION);
  }

  /** Sends the 1–5 question in the customer's language and marks it pending once it was delivered. */
  async ask(customerId: string, agent?: string): Promise<CsatAskResult> {
    if (!this.delivery) throw new Error('CsatService: no delivery connected (useDelivery)');
    const lang = (await this.log.language(customerId)) ?? 'zh';
    const text = CSAT_TEXT.question[lang];
    this.notPending?.delete(customerId);
    const result = await this.delivery.deliver(customerId, { text, kind: 'csat', suggestions: CSAT_SUGGESTIONS });
    if (!result.delivered) return { ...result, asked: false };
    // an older unanswered question is superseded by this one
    await this.records.updateMany({ customerId, score: { $exists: false }, skippedAt: { $exists: false } }, { $set: { skippedAt: new Date() } });
    const record: CsatRecord = { _id: crypto.randomUUID(), customerId, channelId: result.channelId ?? 'unknown', askedAt: new Date(), lang };
    if (agent) record.agent = agent;
    await this.records.insertOne(record);
    this.notPending?.delete(customerId);
    this.log.append({ customerId, at: record.askedAt, from: 'bot', channelId: result.channelId, text });
    return { ...result, asked: true };
  }

  /** The question waiting for this customer's rating, if any. */
  async pending(customerId: string): Promise<CsatRecord | undefined> {
    if (this.notPending?.has(customerId)) return undefined;
    const since = new Date(Date.now() - PENDING_MS);
    const open = await this.records.find({ customerId, score: { $exists: false }, skippedAt: { $exists: false } }, { sort: { askedAt: -1 }, limit: 1 });
    const record = open[0] && open[0].askedAt > since ? open[0] : undefined;
    if (!record && this.notPending) {
      if (this.notPending.size >= NOT_PENDING_LIMIT) this.notPending.delete(this.notPending.values().next().value as string);
      this.notPending.add(customerId);
    }
    return record;
  }

  async answer(record: CsatRecord, score: number): Promise<void> {
    const clamped = Math.min(5, Math.max(1, Math.round(score)));
    await this.records.updateOne({ _id: record._id }, { $set: { score: clamped, answeredAt: new Date() } });
    this.notPending?.add(record.customerId);
  }

  /** The customer went on with something else: the question is closed without a rating. */
  async skip(record: CsatRecord): Promise<void> {
    await this.records.updateOne({ _id: record._id }, { $set: { skippedAt: new Date() } });
    this.notPending?.add(record.customerId);
  }

  /** Ratings answered in [from, to), optionally on one channel. */
  async summary(range: { from: Date; to: Date; channel?: string }): Promise<CsatSummary> {
    const filter: Record<string, unknown> = { answeredAt: { $gte: range.from, $lt: range.to }, score: { $exists: true } };
    if (range.channel) filter.channelId = range.channel;
    const rated = await this.records.find(filter);
    const distribution: CsatSummary['distribution'] = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
    let total = 0;
    for (const r of rated) {
      const key = String(r.score) as keyof CsatSummary['distribution'];
      if (key in distribution) distribution[key]++;
      total += r.score ?? 0;
    }
    const average = rated.length ? Math.round((total / rated.length) * 100) / 100 : 0;
    return { responses: rated.length, average, distribution };
  }

  /** Privacy export. */
  async exportCustomer(customerId: string): Promise<CsatRecord[]> {
    return this.records.find({ customerId }, { sort: { askedAt: 1 } });
  }

  /** Privacy erase: the ratings stay for the statistics under a random id nothing links to the person. */
  async eraseCustomer(customerId: string): Promise<number> {
    const anonymousId = `anon_${crypto.randomBytes(9).toString('base64url')}`;
    const result = await this.records.updateMany({ customerId }, { $set: { customerId: anonymousId } });
    this.notPending?.delete(customerId);
    return result.matched;
  }

  /** Merge hook: the merged customer's ratings (and an open question) follow them. */
  async moveCustomer(survivorId: string, mergedId: string): Promise<void> {
    await this.records.updateMany({ customerId: mergedId }, { $set: { customerId: survivorId } });
    this.notPending?.delete(survivorId);
    this.notPending?.delete(mergedId);
  }
}
