/**
 * Direct Line conversations, kept in memory: each has an ordered, capped log of activities (user
 * messages echoed back, bot replies) numbered by a watermark, so a client can poll or reconnect and get
 * what it missed. Least recently used conversations are dropped beyond a cap.
 *
 * Memory only, on purpose: this is the transcript a browser tab is showing, not customer state (which
 * lives in the store, keyed by customer, and survives restarts and channels).
 */
import crypto from 'node:crypto';
import type { Activity } from 'botbuilder';

export interface ActivitySet {
  activities: Partial<Activity>[];
  watermark: string;
}

export interface Subscriber {
  deliver(set: ActivitySet): void;
  /** the conversation was dropped (evicted) */
  end(): void;
}

export interface Conversation {
  readonly id: string;
  /** user the conversation was started for (from a token's `user` claim or the start request) */
  userId?: string;
  locale?: string;
  started: boolean;
  lastUsed: number;
  /** sequence number of the newest activity (the watermark) */
  seq: number;
  log: { seq: number; activity: Partial<Activity> }[];
  subscribers: Set<Subscriber>;
}

export interface ConversationStoreOptions {
  maxConversations: number;
  maxActivitiesPerConversation?: number;
  idleMs?: number;
  now?: () => number;
}

export const CONVERSATION_ID = /^[A-Za-z0-9_-]{8,64}$/;

export class ConversationStore {
  private readonly conversations = new Map<string, Conversation>();
  private readonly maxActivities: number;
  private readonly idleMs: number;
  private readonly now: () => number;

  constructor(private readonly options: ConversationStoreOptions) {
    this.maxActivities = options.maxActivitiesPerConversation ?? 500;
    this.idleMs = options.idleMs ?? 24 * 3600 * 1000;
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.conversations.size;
  }

  /** A new conversation id, registered but not started (tokens/generate reserves one). */
  create(userId?: string): Conversation {
    this.evict();
    const conversation: Conversation = {
      id: crypto.randomBytes(16).toString('base64url'),
      userId,
      started: false,
      lastUsed: this.now(),
      seq: 0,
      log: [],
      subscribers: new Set(),
    };
    this.conversations.set(conversation.id, conversation);
    return conversation;
  }

  /** Opens again, empty, a conversation whose genuine token outlived it (bot restarted, or it was dropped). */
  restore(id: string, userId?: string): Conversation {
    const conversation = this.create(userId);
    this.conversations.delete(conversation.id);
    const restored = { ...conversation, id };
    this.conversations.set(id, restored);
    return restored;
  }

  /** The conversation, marked as recently used; undefined when unknown or dropped. */
  get(id: string): Conversation | undefined {
    const conversation = this.conversations.get(id);
    if (!conversation) return undefined;
    conversation.lastUsed = this.now();
    // Map order is the LRU order: move to the back
    this.conversations.delete(id);
    this.conversations.set(id, conversation);
    return conversation;
  }

  /** Appends an activity, gives it its Direct Line id and pushes it to the open streams. */
  append(conversation: Conversation, activity: Partial<Activity>): Partial<Activity> {
    const seq = ++conversation.seq;
    const stored = { ...activity, id: `${conversation.id}|${String(seq).padStart(7, '0')}` };
    conversation.log.push({ seq, activity: stored });
    if (conversation.log.length > this.maxActivities) conversation.log.splice(0, conversation.log.length - this.maxActivities);
    const set: ActivitySet = { activities: [stored], watermark: String(seq) };
    for (const subscriber of conversation.subscribers) subscriber.deliver(set);
    return stored;
  }

  /** Activities after `watermark` (all kept ones when it is empty). */
  since(conversation: Conversation, watermark: number): ActivitySet {
    return {
      activities: conversation.log.filter((e) => e.seq > watermark).map((e) => e.activity),
      watermark: String(conversation.seq),
    };
  }

  subscribe(conversation: Conversation, subscriber: Subscriber): () => void {
    conversation.subscribers.add(subscriber);
    return () => conversation.subscribers.delete(subscriber);
  }

  /** Ends every open stream (shutdown). */
  endAll(): void {
    for (const conversation of this.conversations.values()) for (const s of conversation.subscribers) s.end();
  }

  private evict(): void {
    const idleBefore = this.now() - this.idleMs;
    for (const [id, conversation] of this.conversations) {
      const full = this.conversations.size >= this.options.maxConversations;
      if (!full && conversation.lastUsed > idleBefore) break;
      this.conversations.delete(id);
      for (const s of conversation.subscribers) s.end();
    }
  }
}

/** Parses a watermark query value: empty → 0; otherwise a non-negative integer, or undefined when malformed. */
export function parseWatermark(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return 0;
  if (typeof value !== 'string' || !/^\d{1,15}$/.test(value)) return undefined;
  return Number(value);
}
