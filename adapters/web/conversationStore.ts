/**
 * Direct Line conversations in the DocumentStore, so any bot instance on the store serves any request of
 * a conversation (no sticky sessions): each has an ordered, capped log of activities (user messages
 * echoed back, bot replies) numbered by a watermark, so a client can poll or reconnect — on any instance —
 * and get what it missed. Layout and reading rules: conversationStoreRecords.ts; streams: conversationStoreFeed.ts.
 *
 * Bounded because any visitor can post: per activity (a bulky one is kept trimmed), per conversation
 * (oldest activities go first) and in total (least recently used conversations go first, down to 15/16 of
 * it; measured again once this instance has written what was left), besides the count caps. Idle conversations
 * expire through TTL indexes. This is the transcript a browser tab shows, not customer state (that is
 * keyed by customer elsewhere and survives channels).
 */
import crypto from 'node:crypto';
import type { Activity } from 'botbuilder';
import { Collection, DocumentStore, DuplicateKeyError } from '../../storage/documentStore';
import { TranscriptBudgets } from './conversationStoreBudgets';
import { ConversationFeed, Head } from './conversationStoreFeed';
import {
  ACTIVITIES_COLLECTION,
  ActivityDoc,
  activityId,
  ActivitySet,
  ActivityTooLargeError,
  Conversation,
  ConversationDoc,
  ConversationGoneError,
  CONVERSATIONS_COLLECTION,
  deliverable,
  Entry,
  jsonOf,
  Subscriber,
  toConversation,
  toEntry,
  trimmed,
} from './conversationStoreRecords';

export * from './conversationStoreRecords';

export interface ConversationStoreOptions {
  maxConversations: number;
  maxActivitiesPerConversation?: number;
  /** largest activity kept (JSON bytes); default 16 KB */
  maxActivityBytes?: number;
  /** transcript bytes kept per conversation; default 1 MB */
  maxConversationBytes?: number;
  /** transcript bytes kept in total; default 64 MB */
  maxTotalBytes?: number;
  /** a conversation unused this long expires (TTL); default 24 h */
  idleMs?: number;
  /** how often open streams look for activities other instances wrote; default 400 ms */
  pollMs?: number;
  /** how long a reader waits for a watermark another instance took but has not written; default 10 s */
  gapGraceMs?: number;
  now?: () => number;
  onError?: (err: unknown, conversationId: string) => void;
}

/** `lastUsed` is rewritten at most this often by reads (polls), so polling is not a write each time. */
const TOUCH_MS = 60_000;

export class ConversationStore {
  private readonly conversations: Collection<ConversationDoc>;
  private readonly activities: Collection<ActivityDoc>;
  private readonly feed: ConversationFeed;
  private readonly budgets: TranscriptBudgets;
  private readonly maxActivities: number;
  private readonly maxActivityBytes: number;
  private readonly idleMs: number;
  private readonly graceMs: number;
  private readonly now: () => number;

  constructor(
    store: DocumentStore,
    options: ConversationStoreOptions,
  ) {
    this.conversations = store.collection<ConversationDoc>(CONVERSATIONS_COLLECTION);
    this.activities = store.collection<ActivityDoc>(ACTIVITIES_COLLECTION);
    this.maxActivities = options.maxActivitiesPerConversation ?? 500;
    this.maxActivityBytes = options.maxActivityBytes ?? 16 * 1024;
    this.budgets = new TranscriptBudgets(
      this.conversations,
      this.activities,
      {
        maxConversations: options.maxConversations,
        maxActivities: this.maxActivities,
        maxConversationBytes: options.maxConversationBytes ?? 1024 * 1024,
        maxTotalBytes: options.maxTotalBytes ?? 64 * 1024 * 1024,
      },
      (id) => this.drop(id),
    );
    this.idleMs = options.idleMs ?? 24 * 3600 * 1000;
    this.graceMs = options.gapGraceMs ?? 10_000;
    this.now = options.now ?? Date.now;
    this.feed = new ConversationFeed(
      { heads: (ids) => this.heads(ids), entries: (id, after, limit) => this.entries(id, after, limit) },
      { pollMs: options.pollMs ?? 400, graceMs: this.graceMs, now: this.now, onError: options.onError ?? (() => undefined) },
    );
  }

  static async ensureIndexes(store: DocumentStore): Promise<void> {
    await store.ensureIndex(CONVERSATIONS_COLLECTION, { fields: { expiresAt: 1 }, expireAfterSeconds: 0 });
    await store.ensureIndex(CONVERSATIONS_COLLECTION, { fields: { lastUsed: 1 } });
    await store.ensureIndex(ACTIVITIES_COLLECTION, { fields: { conversationId: 1, seq: 1 }, unique: true });
    await store.ensureIndex(ACTIVITIES_COLLECTION, { fields: { expiresAt: 1 }, expireAfterSeconds: 0 });
  }

  async size(): Promise<number> {
    return this.conversations.count({});
  }

  /** JSON bytes of every kept transcript. */
  async totalBytes(): Promise<number> {
    return (await this.conversations.find({})).reduce((sum, c) => sum + c.bytes, 0);
  }

  /** A new conversation, registered but not started (tokens/generate reserves one). */
  async create(userId?: string): Promise<Conversation> {
    await this.budgets.makeRoom();
    const doc = this.fresh(crypto.randomBytes(16).toString('base64url'), userId);
    await this.conversations.insertOne(doc);
    return toConversation(doc);
  }

  /**
   * Opens again, empty, a conversation whose genuine token outlived it (it expired or was dropped). Its
   * watermarks go on after the client's (`from`), or the client would take the new activities for old ones.
   */
  async restore(id: string, userId?: string, from = 0): Promise<Conversation> {
    await this.budgets.makeRoom();
    const doc = { ...this.fresh(id, userId), seq: from, floor: from };
    try {
      await this.conversations.insertOne(doc);
    } catch (err) {
      // another instance restored it at the same moment: use theirs
      if (err instanceof DuplicateKeyError) return (await this.get(id)) ?? Promise.reject(err);
      throw err;
    }
    // what a request still wrote into the dropped conversation must not show up in the new one
    await this.activities.deleteMany({ conversationId: id });
    return toConversation(doc);
  }

  /** The conversation (marked as used now and then); undefined when unknown, dropped or expired. */
  async get(id: string): Promise<Conversation | undefined> {
    const doc = await this.conversations.findOne({ _id: id });
    const now = this.now();
    if (!doc || new Date(doc.expiresAt).getTime() <= now) return undefined;
    if (now - new Date(doc.lastUsed).getTime() > TOUCH_MS) await this.conversations.updateOne({ _id: id }, { $set: this.usedAt(now) });
    return toConversation(doc);
  }

  /** Records who and which language the conversation is for, where still unknown (never overwritten). */
  async fillIn(conversation: Conversation, details: { userId?: string; locale?: string }): Promise<void> {
    for (const field of ['userId', 'locale'] as const) {
      const value = details[field];
      if (!value || conversation[field] !== undefined) continue;
      await this.conversations.updateOne({ _id: conversation.id, [field]: { $exists: false } }, { $set: { [field]: value } });
      conversation[field] = value;
    }
  }

  /** Marks it started; true only for the one call (on any instance) that started it. */
  async start(conversation: Conversation): Promise<boolean> {
    if (conversation.started) return false;
    conversation.started = true;
    return (await this.conversations.findOneAndUpdate({ _id: conversation.id, started: false }, { $set: { started: true } })) !== null;
  }

  /**
   * Appends an activity (trimmed when bulky) under the next watermark, taken atomically so instances
   * never share one, gives it its Direct Line id and hands it to this instance's open streams; then
   * drops what is beyond the byte budgets. Throws ActivityTooLargeError, keeping nothing, when even the
   * trimmed activity is over the per-activity budget or cannot be serialised; ConversationGoneError
   * when the conversation was dropped meanwhile.
   */
  async append(conversation: Conversation, activity: Partial<Activity>): Promise<Partial<Activity>> {
    // sized with a stand-in id of the same length, so a refused activity does not use up a watermark
    let candidate: Partial<Activity> = { ...activity, id: activityId(conversation.id, 0) };
    let json = jsonOf(candidate);
    if (json !== undefined && Buffer.byteLength(json) > this.maxActivityBytes) {
      candidate = trimmed(candidate);
      json = jsonOf(candidate);
    }
    if (json === undefined) throw new ActivityTooLargeError('the activity cannot be serialised (nested too deep?)');
    const bytes = Buffer.byteLength(json);
    if (bytes > this.maxActivityBytes) throw new ActivityTooLargeError(`the activity is over ${this.maxActivityBytes} bytes even without its extras`);
    const now = this.now();
    const head = await this.conversations.findOneAndUpdate({ _id: conversation.id }, { $inc: { seq: 1, bytes, kept: 1 }, $set: this.usedAt(now) });
    if (!head) throw new ConversationGoneError(conversation.id);
    conversation.seq = head.seq;
    const stored = { ...candidate, id: activityId(conversation.id, head.seq) };
    const doc: ActivityDoc = { _id: stored.id, conversationId: conversation.id, seq: head.seq, bytes, at: new Date(now), json: JSON.stringify(stored), expiresAt: new Date(now + this.idleMs) };
    try {
      await this.activities.insertOne(doc);
    } catch (err) {
      // left over from a dropped conversation of the same id, written while it was being dropped
      if (!(err instanceof DuplicateKeyError)) throw err;
      await this.activities.replaceOne({ _id: doc._id }, doc);
    }
    this.feed.written(conversation.id, { seq: head.seq, at: now, activity: stored });
    await this.budgets.trim(head);
    await this.budgets.keepWithinTotal(conversation.id, bytes);
    return stored;
  }

  /** Activities after `watermark` that are ready (all kept ones when it is 0), and the new watermark. */
  async since(conversation: Conversation, watermark: number): Promise<ActivitySet> {
    const entries = await this.entries(conversation.id, watermark, this.maxActivities);
    // read after the activities: a trim that happened meanwhile shows in the floor
    const floor = (await this.heads([conversation.id])).get(conversation.id)?.floor ?? 0;
    const { taken, cursor } = deliverable(entries, watermark, floor, this.now(), this.graceMs);
    return { activities: taken.map((e) => e.activity), watermark: String(cursor) };
  }

  /** Streams what comes after `watermark` (the backlog first) to `subscriber`; returns the unsubscribe. */
  subscribe(conversation: Conversation, subscriber: Subscriber, watermark: number): () => void {
    return this.feed.subscribe(conversation.id, subscriber, watermark);
  }

  /** Streams open on this instance for the conversation. */
  subscriberCount(conversationId: string): number {
    return this.feed.count(conversationId);
  }

  /** Ends every stream open on this instance (shutdown). */
  endAll(): void {
    this.feed.endAll();
  }

  private fresh(id: string, userId?: string): ConversationDoc {
    return { _id: id, ...(userId ? { userId } : {}), started: false, seq: 0, floor: 0, bytes: 0, kept: 0, ...this.usedAt(this.now()) };
  }

  private usedAt(now: number): { lastUsed: Date; expiresAt: Date } {
    return { lastUsed: new Date(now), expiresAt: new Date(now + this.idleMs) };
  }

  private async heads(ids: string[]): Promise<Map<string, Head>> {
    const heads = new Map<string, Head>();
    for (let i = 0; i < ids.length; i += 500) {
      for (const doc of await this.conversations.find({ _id: { $in: ids.slice(i, i + 500) } })) heads.set(doc._id, { seq: doc.seq, floor: doc.floor });
    }
    return heads;
  }

  private async entries(conversationId: string, after: number, limit: number): Promise<Entry[]> {
    const docs = await this.activities.find({ conversationId, seq: { $gt: after } }, { sort: { seq: 1 }, limit });
    return docs.map(toEntry);
  }

  private async drop(id: string): Promise<void> {
    await this.conversations.deleteOne({ _id: id });
    await this.activities.deleteMany({ conversationId: id });
    this.feed.drop(id);
  }
}
