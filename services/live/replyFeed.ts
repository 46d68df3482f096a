/**
 * The public answers of a room, as the host's overlay reads them. An answer is either `pending` (the room
 * wants the host's approval) or scheduled: it gets the next feed position and a slot at least
 * `minIntervalMs` after the previous one, so the overlay shows at most one answer per interval; an
 * answer whose slot would come later than `maxAgeMs` after it was written is stale and dropped. Positions
 * and slots are taken with a compare-and-set on one state document per room, so instances sharing the
 * store never give two answers one slot.
 */
import crypto from 'node:crypto';
import { DocumentStore, DuplicateKeyError } from '../../storage/documentStore';
import { FeedStateDoc, LIVE_FEED_STATE, LIVE_REPLIES, ReplyDoc } from './types';

export interface ReplyFeedOptions {
  minIntervalMs: number;
  maxAgeMs: number;
  now?: () => Date;
}

/** replies are kept a week: the feed is for the stream, not an archive */
const KEEP_MS = 7 * 24 * 3600_000;

export type Decision = { ok: true; reply: ReplyDoc } | { ok: false; reason: 'not_found' | 'not_pending' };

export class ReplyFeed {
  private readonly now: () => Date;
  private readonly scheduling = new Map<string, Promise<void>>();

  constructor(
    private readonly store: DocumentStore,
    private readonly options: ReplyFeedOptions,
  ) {
    this.now = options.now ?? (() => new Date());
  }

  static async ensureIndexes(store: DocumentStore): Promise<void> {
    await store.ensureIndex(LIVE_REPLIES, { fields: { roomId: 1, seq: 1 } });
    await store.ensureIndex(LIVE_REPLIES, { fields: { expiresAt: 1 }, expireAfterSeconds: 0 });
  }

  private get replies() {
    return this.store.collection<ReplyDoc & { expiresAt: Date }>(LIVE_REPLIES);
  }

  /** Adds an answer: pending when the room wants approval, else scheduled (or dropped when stale). */
  async add(roomId: string, answer: { text: string; question: string; count: number }, approval: boolean): Promise<ReplyDoc> {
    const createdAt = this.now();
    const doc: ReplyDoc & { expiresAt: Date } = {
      _id: `rp_${crypto.randomBytes(8).toString('hex')}`,
      roomId,
      ...answer,
      status: 'pending',
      createdAt,
      expiresAt: new Date(createdAt.getTime() + KEEP_MS),
    };
    await this.replies.insertOne(doc);
    return approval ? doc : this.schedule(doc, true);
  }

  async approve(roomId: string, replyId: string, by?: string): Promise<Decision> {
    const doc = await this.replies.findOneAndUpdate({ _id: replyId, roomId, status: 'pending' }, { $set: { status: 'scheduled', ...(by ? { decidedBy: by } : {}) } });
    if (!doc) return this.whyNot(roomId, replyId);
    // the host chose to show it: never stale, it goes out at the next free slot
    return { ok: true, reply: await this.schedule(doc, false) };
  }

  async reject(roomId: string, replyId: string, by?: string): Promise<Decision> {
    const doc = await this.replies.findOneAndUpdate({ _id: replyId, roomId, status: 'pending' }, { $set: { status: 'rejected', ...(by ? { decidedBy: by } : {}) } });
    return doc ? { ok: true, reply: doc } : this.whyNot(roomId, replyId);
  }

  async pending(roomId: string, limit = 100): Promise<ReplyDoc[]> {
    return this.replies.find({ roomId, status: 'pending' }, { sort: { createdAt: 1 }, limit });
  }

  /**
   * The answers the overlay may show now, in feed order, after a reply id or a time (ms or ISO). Slots
   * grow with positions, so "shown by now" is always a prefix of what comes after the cursor.
   */
  async published(roomId: string, after: { id?: string; at?: Date }, limit = 50): Promise<ReplyDoc[]> {
    const filter: Record<string, unknown> = { roomId, status: 'scheduled', publishAt: { $lte: this.now() } };
    if (after.id) {
      const cursor = await this.replies.findOne({ _id: after.id, roomId });
      filter.seq = { $gt: cursor?.seq ?? Number.MAX_SAFE_INTEGER };
    } else if (after.at) {
      filter.publishAt = { $lte: this.now(), $gt: after.at };
    }
    return this.replies.find(filter, { sort: { seq: 1 }, limit });
  }

  private async whyNot(roomId: string, replyId: string): Promise<Decision> {
    return { ok: false, reason: (await this.replies.findOne({ _id: replyId, roomId })) ? 'not_pending' : 'not_found' };
  }

  /** Takes the next position and slot of the room's feed; drops the answer instead when it would be stale. */
  private schedule(doc: ReplyDoc, mayGoStale: boolean): Promise<ReplyDoc> {
    // one at a time per room on this instance: a reader never sees position n+1 before n is written
    const previous = this.scheduling.get(doc.roomId) ?? Promise.resolve();
    const next = previous.then(() => this.takeSlot(doc, mayGoStale));
    const settled = next.then(
      () => undefined,
      () => undefined,
    );
    this.scheduling.set(doc.roomId, settled);
    void settled.then(() => {
      if (this.scheduling.get(doc.roomId) === settled) this.scheduling.delete(doc.roomId);
    });
    return next;
  }

  private async takeSlot(doc: ReplyDoc, mayGoStale: boolean): Promise<ReplyDoc> {
    const states = this.store.collection<FeedStateDoc>(LIVE_FEED_STATE);
    for (;;) {
      const now = this.now().getTime();
      const state = await states.findOne({ _id: doc.roomId });
      const slot = state ? Math.max(now, state.lastSlotAt + this.options.minIntervalMs) : now;
      if (mayGoStale && slot - doc.createdAt.getTime() > this.options.maxAgeMs) {
        await this.replies.updateOne({ _id: doc._id }, { $set: { status: 'dropped' } });
        return { ...doc, status: 'dropped' };
      }
      const seq = (state?.seq ?? 0) + 1;
      try {
        if (!state) await states.insertOne({ _id: doc.roomId, seq, lastSlotAt: slot });
        else if ((await states.updateOne({ _id: doc.roomId, seq: state.seq }, { $set: { seq, lastSlotAt: slot } })).matched === 0) continue;
      } catch (err) {
        if (err instanceof DuplicateKeyError) continue;
        throw err;
      }
      const publishAt = new Date(slot);
      await this.replies.updateOne({ _id: doc._id }, { $set: { status: 'scheduled', seq, publishAt } });
      return { ...doc, status: 'scheduled', seq, publishAt };
    }
  }
}
