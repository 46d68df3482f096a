/**
 * Direct Line conversations, kept in memory: each has an ordered, capped log of activities (user
 * messages echoed back, bot replies) numbered by a watermark, so a client can poll or reconnect and get
 * what it missed. Memory is bounded in bytes (JSON size) at three levels, because any visitor can post:
 * per activity (a bulky one is kept trimmed, see `trimmed`), per conversation (oldest activities go
 * first) and in total (least recently used conversations go first), besides the count caps.
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
  log: { seq: number; activity: Partial<Activity>; bytes: number }[];
  /** JSON bytes of the kept log */
  bytes: number;
  subscribers: Set<Subscriber>;
}

export interface ConversationStoreOptions {
  maxConversations: number;
  maxActivitiesPerConversation?: number;
  /** largest activity kept (JSON bytes); default 16 KB */
  maxActivityBytes?: number;
  /** transcript bytes kept per conversation; default 1 MB */
  maxConversationBytes?: number;
  /** transcript bytes kept in total; default 64 MB */
  maxTotalBytes?: number;
  idleMs?: number;
  now?: () => number;
}

export const CONVERSATION_ID = /^[A-Za-z0-9_-]{8,64}$/;

/** An activity that cannot be kept even trimmed (or cannot be serialised at all). */
export class ActivityTooLargeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ActivityTooLargeError';
  }
}

/** JSON bytes of a value; undefined when it cannot be serialised (cycles, absurd nesting). */
function jsonBytes(value: unknown): number | undefined {
  try {
    return Buffer.byteLength(JSON.stringify(value));
  } catch {
    return undefined;
  }
}

const KEPT_WHEN_TRIMMED = ['type', 'id', 'channelId', 'timestamp', 'from', 'recipient', 'conversation', 'locale', 'text', 'textFormat', 'replyToId', 'name', 'inputHint'] as const;

/**
 * What is kept of a bulky activity: who, when and the text (at most 4000 characters for a visitor), plus
 * `channelData.clientActivityID`, which Web Chat needs to mark its message as sent. The bot saw it whole.
 */
function trimmed(activity: Partial<Activity>): Partial<Activity> {
  const kept: Record<string, unknown> = {};
  for (const key of KEPT_WHEN_TRIMMED) if (activity[key] !== undefined) kept[key] = activity[key];
  const clientId = (activity.channelData as { clientActivityID?: unknown } | undefined)?.clientActivityID;
  if (typeof clientId === 'string' && clientId.length <= 128) kept.channelData = { clientActivityID: clientId };
  return kept as Partial<Activity>;
}

export class ConversationStore {
  private readonly conversations = new Map<string, Conversation>();
  private readonly maxActivities: number;
  private readonly maxActivityBytes: number;
  private readonly maxConversationBytes: number;
  private readonly maxTotalBytes: number;
  private readonly idleMs: number;
  private readonly now: () => number;
  private keptBytes = 0;

  constructor(private readonly options: ConversationStoreOptions) {
    this.maxActivities = options.maxActivitiesPerConversation ?? 500;
    this.maxActivityBytes = options.maxActivityBytes ?? 16 * 1024;
    this.maxConversationBytes = options.maxConversationBytes ?? 1024 * 1024;
    this.maxTotalBytes = options.maxTotalBytes ?? 64 * 1024 * 1024;
    this.idleMs = options.idleMs ?? 24 * 3600 * 1000;
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.conversations.size;
  }

  /** JSON bytes of every kept transcript. */
  get totalBytes(): number {
    return this.keptBytes;
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
      bytes: 0,
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

  /**
   * Appends an activity (trimmed when bulky), gives it its Direct Line id and pushes it to the open
   * streams; then drops what is beyond the byte budgets. Throws ActivityTooLargeError, keeping nothing,
   * when even the trimmed activity is over the per-activity budget or it cannot be serialised.
   */
  append(conversation: Conversation, activity: Partial<Activity>): Partial<Activity> {
    const seq = conversation.seq + 1;
    let stored: Partial<Activity> = { ...activity, id: `${conversation.id}|${String(seq).padStart(7, '0')}` };
    let bytes = jsonBytes(stored);
    if (bytes !== undefined && bytes > this.maxActivityBytes) {
      stored = trimmed(stored);
      bytes = jsonBytes(stored);
    }
    if (bytes === undefined) throw new ActivityTooLargeError('the activity cannot be serialised (nested too deep?)');
    if (bytes > this.maxActivityBytes) throw new ActivityTooLargeError(`the activity is over ${this.maxActivityBytes} bytes even without its extras`);
    conversation.seq = seq;
    // a conversation dropped meanwhile (a slow request) keeps nothing: it is no longer counted
    if (this.conversations.get(conversation.id) === conversation) this.keep(conversation, { seq, activity: stored, bytes });
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

  private keep(conversation: Conversation, entry: Conversation['log'][number]): void {
    conversation.log.push(entry);
    conversation.bytes += entry.bytes;
    this.keptBytes += entry.bytes;
    const log = conversation.log;
    while (log.length > this.maxActivities || (conversation.bytes > this.maxConversationBytes && log.length > 1)) {
      const dropped = log.shift()!;
      conversation.bytes -= dropped.bytes;
      this.keptBytes -= dropped.bytes;
    }
    // Map order is the LRU order: the least recently used conversations go first, never this one
    for (const other of this.conversations.values()) {
      if (this.keptBytes <= this.maxTotalBytes) break;
      if (other !== conversation) this.drop(other);
    }
  }

  private drop(conversation: Conversation): void {
    this.conversations.delete(conversation.id);
    this.keptBytes -= conversation.bytes;
    for (const s of conversation.subscribers) s.end();
  }

  private evict(): void {
    const idleBefore = this.now() - this.idleMs;
    for (const conversation of this.conversations.values()) {
      const full = this.conversations.size >= this.options.maxConversations;
      if (!full && conversation.lastUsed > idleBefore) break;
      this.drop(conversation);
    }
  }
}

/** Parses a watermark query value: empty → 0; otherwise a non-negative integer, or undefined when malformed. */
export function parseWatermark(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return 0;
  if (typeof value !== 'string' || !/^\d{1,15}$/.test(value)) return undefined;
  return Number(value);
}
