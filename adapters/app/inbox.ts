/**
 * The app channel's inbox: what the bot or an agent sends an app customer outside their own request
 * (an agent's reply, "an agent joined", the satisfaction question) waits here until the shop's app
 * fetches it (GET /api/app/messages?userId=…&after=…, or the event stream GET /api/app/events).
 *
 * Kept in the store, so any instance can answer the app: each user has a sequence counter (one atomic
 * increment per message) and the cursor is the last sequence number the app has seen. Activities are
 * encrypted at rest (storage/encryption/personalFields.ts), at most `maxPerUser` are kept per user
 * (oldest dropped) and each expires `ttlSeconds` after it was written.
 */
import type { Activity } from 'botbuilder';
import type { DocumentStore } from '../../storage/documentStore';

export const APP_INBOX = 'appInbox';
export const APP_INBOX_SEQ = 'appInboxSeq';

interface InboxItem {
  _id: string;
  userId: string;
  seq: number;
  activity: Partial<Activity>;
  createdAt: Date;
}

interface SeqDoc {
  _id: string; // userId
  seq: number;
  updatedAt: Date;
}

export interface InboxPage {
  entries: { seq: number; activity: Partial<Activity> }[];
  /** the cursor to send next time: the last sequence number returned (or the one asked with, if none) */
  after: number;
}

export interface AppInboxOptions {
  maxPerUser?: number;
  ttlSeconds?: number;
}

type Listener = () => void;

export class AppInbox {
  readonly maxPerUser: number;
  readonly ttlSeconds: number;
  /** streams of this instance waiting for a user's next message */
  private readonly listeners = new Map<string, Set<Listener>>();

  constructor(
    private readonly store: DocumentStore,
    options: AppInboxOptions = {},
  ) {
    this.maxPerUser = options.maxPerUser ?? 100;
    this.ttlSeconds = options.ttlSeconds ?? 7 * 24 * 3600;
  }

  async ensureIndexes(): Promise<void> {
    await this.store.ensureIndex(APP_INBOX, { fields: { userId: 1 } });
    await this.store.ensureIndex(APP_INBOX, { fields: { createdAt: 1 }, expireAfterSeconds: this.ttlSeconds });
    // the counter outlives its messages, so a cursor the app kept stays meaningful
    await this.store.ensureIndex(APP_INBOX_SEQ, { fields: { updatedAt: 1 }, expireAfterSeconds: this.ttlSeconds * 4 });
  }

  private get items() {
    return this.store.collection<InboxItem>(APP_INBOX);
  }

  private get counters() {
    return this.store.collection<SeqDoc>(APP_INBOX_SEQ);
  }

  /** Stores one activity for the user and wakes their open streams on this instance; returns its sequence number. */
  async push(userId: string, activity: Partial<Activity>): Promise<number> {
    const now = new Date();
    const counter = await this.counters.findOneAndUpdate({ _id: userId }, { $inc: { seq: 1 }, $set: { updatedAt: now } }, { upsert: true });
    const seq = counter?.seq ?? 1;
    await this.items.insertOne({ _id: `${userId}|${seq}`, userId, seq, activity, createdAt: now });
    if (seq > this.maxPerUser) await this.items.deleteMany({ userId, seq: { $lte: seq - this.maxPerUser } });
    for (const wake of this.listeners.get(userId) ?? []) wake();
    return seq;
  }

  /** The user's activities after the cursor, oldest first. */
  async read(userId: string, after: number, limit = 50): Promise<InboxPage> {
    let found = await this.items.find({ userId, seq: { $gt: after } }, { sort: { seq: 1 }, limit });
    if (found.length === 0 && after > 0 && after > (await this.latest(userId))) {
      // the counter expired and started again: a cursor from before then means "everything"
      found = await this.items.find({ userId }, { sort: { seq: 1 }, limit });
    }
    return { entries: found.map((i) => ({ seq: i.seq, activity: i.activity })), after: found.length ? found[found.length - 1].seq : after };
  }

  /** The user's newest sequence number (0 when nothing was ever sent): where a new stream starts. */
  async latest(userId: string): Promise<number> {
    return (await this.counters.findOne({ _id: userId }))?.seq ?? 0;
  }

  /** Calls `listener` whenever this instance stores a message for the user; returns the unsubscribe. */
  subscribe(userId: string, listener: Listener): () => void {
    const set = this.listeners.get(userId) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(userId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(userId);
    };
  }
}
