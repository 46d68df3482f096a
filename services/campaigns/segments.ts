/**
 * A small non-personal record per customer for audience filters: the channels they wrote on, the last
 * one, the language of their messages and when they last wrote. Profiles are encrypted bot state, so
 * without this every planning page would decrypt every customer just to learn "app, en, last active".
 *
 * Fed from the turn outcome (wrapped around the analytics recorder in index.ts): buffered, written in
 * batches, and a customer's record is rewritten at most every few minutes unless the channel or the
 * language changed, so it adds neither an awaited write nor a per-turn write to the bot.
 */
import type { DocumentStore } from '../../storage/documentStore';
import type { Logger } from '../../platform/logger';
import { CAMPAIGN_SEGMENTS } from './types';

export interface SegmentDoc {
  _id: string; // customerId
  channels: string[];
  lastChannel: string;
  language?: 'zh' | 'en';
  lastActiveAt: Date;
}

interface Pending {
  channelId: string;
  language?: 'zh' | 'en';
  at: Date;
}

/** what a finished turn tells us (TurnOutcome's fields this needs) */
export interface TurnSeen {
  customerId: string;
  channelId: string;
  language?: string;
}

const WRITTEN_LIMIT = 50_000;

export class SegmentRecorder {
  private pending = new Map<string, Pending>();
  /** what was last written per customer: `${channel}|${language}` and when */
  private readonly written = new Map<string, { mark: string; at: number }>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: DocumentStore,
    private readonly options: { logger?: Logger; flushMs?: number; maxBatch?: number; refreshMs?: number; now?: () => Date } = {},
  ) {}

  static async ensureIndexes(store: DocumentStore): Promise<void> {
    await store.ensureIndex(CAMPAIGN_SEGMENTS, { fields: { lastActiveAt: 1 } });
  }

  private get segments() {
    return this.store.collection<SegmentDoc>(CAMPAIGN_SEGMENTS);
  }

  /** Wraps the turn recorder: every finished turn is also seen here (never throws into the turn). */
  observing<O extends TurnSeen, R extends { turnEnded(outcome: O): Promise<void> }>(recorder: R): { turnEnded(outcome: O): Promise<void> } {
    return {
      turnEnded: (outcome) => {
        try {
          this.seen(outcome.customerId, outcome.channelId, outcome.language);
        } catch {
          // a segment bug must never cost the turn its analytics event
        }
        return recorder.turnEnded(outcome);
      },
    };
  }

  /** The customer wrote on `channelId` now. Buffered; cheap. */
  seen(customerId: string, channelId: string, language?: string, at = this.options.now?.() ?? new Date()): void {
    if (!customerId || !channelId) return;
    const lang = language?.startsWith('en') ? 'en' : language?.startsWith('zh') ? 'zh' : undefined;
    const mark = `${channelId}|${lang ?? ''}`;
    const last = this.written.get(customerId);
    if (last && last.mark === mark && at.getTime() - last.at < (this.options.refreshMs ?? 5 * 60_000)) return;
    this.pending.set(customerId, { channelId, language: lang, at });
    if (this.written.size >= WRITTEN_LIMIT) this.written.clear();
    this.written.set(customerId, { mark, at: at.getTime() });
    if (this.pending.size >= (this.options.maxBatch ?? 500)) {
      void this.flush();
      return;
    }
    this.timer ??= setTimeout(() => void this.flush(), this.options.flushMs ?? 2000);
    this.timer.unref();
  }

  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending;
    this.pending = new Map();
    this.flushing = this.flushing.then(async () => {
      for (const [customerId, p] of batch) {
        try {
          await this.segments.updateOne(
            { _id: customerId },
            {
              $max: { lastActiveAt: p.at },
              $addToSet: { channels: p.channelId },
              $set: { lastChannel: p.channelId, ...(p.language ? { language: p.language } : {}) },
            },
            { upsert: true },
          );
        } catch (err) {
          this.written.delete(customerId);
          this.options.logger?.warn({ err: (err as Error).message }, 'could not write a campaign segment record');
        }
      }
    });
    await this.flushing;
  }

  async get(customerIds: string[]): Promise<Map<string, SegmentDoc>> {
    if (customerIds.length === 0) return new Map();
    const docs = await this.segments.find({ _id: { $in: customerIds } });
    return new Map(docs.map((d) => [d._id, d]));
  }

  async eraseCustomer(customerId: string): Promise<number> {
    this.pending.delete(customerId);
    this.written.delete(customerId);
    await this.flush();
    return this.segments.deleteOne({ _id: customerId });
  }

  /** Merge hook: the survivor keeps the newer activity and both customers' channels. */
  async moveCustomer(survivorId: string, mergedId: string): Promise<void> {
    await this.flush();
    const theirs = await this.segments.findOne({ _id: mergedId });
    if (!theirs) return;
    this.written.delete(survivorId);
    const ours = await this.segments.findOne({ _id: survivorId });
    const newer = !ours || ours.lastActiveAt < theirs.lastActiveAt ? theirs : ours;
    const channels = [...new Set([...(ours?.channels ?? []), ...theirs.channels])];
    await this.segments.replaceOne({ _id: survivorId }, { ...newer, _id: survivorId, channels }, { upsert: true });
    await this.segments.deleteOne({ _id: mergedId });
  }
}
