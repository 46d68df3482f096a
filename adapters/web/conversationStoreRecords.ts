/**
 * What a Direct Line conversation looks like in the DocumentStore, and the pure rules over it: how a
 * bulky activity is trimmed, and which stored activities a reader may hand out after a watermark.
 *
 * Two collections, shared by every bot instance on the store:
 * - `webchatConversations`: one document per conversation — who it is for, whether it started, and the
 *   watermark counter `seq`, allocated with an atomic `$inc` so two instances never hand out one number;
 * - `webchatActivities`: one document per activity, `_id` = the Direct Line activity id
 *   (`<conversation>|<seq, 7 digits>`) and (conversationId, seq) unique; the activity is kept as JSON
 *   text (a visitor's channelData may hold keys no store accepts) and encrypted at rest (the customer's words).
 */
import type { Activity } from 'botbuilder';

export const CONVERSATIONS_COLLECTION = 'webchatConversations';
export const ACTIVITIES_COLLECTION = 'webchatActivities';

export const CONVERSATION_ID = /^[A-Za-z0-9_-]{8,64}$/;

export interface ActivitySet {
  activities: Partial<Activity>[];
  watermark: string;
}

export interface Subscriber {
  deliver(set: ActivitySet): void;
  /** the conversation was dropped (evicted or expired) */
  end(): void;
}

/** A conversation as read from the store (a snapshot: writes go through ConversationStore). */
export interface Conversation {
  readonly id: string;
  /** user the conversation was started for (from a token's `user` claim or the start request) */
  userId?: string;
  locale?: string;
  started: boolean;
  /** sequence number of the newest activity handed a watermark */
  seq: number;
}

export interface ConversationDoc {
  _id: string;
  userId?: string;
  locale?: string;
  started: boolean;
  seq: number;
  /** every activity up to this seq was trimmed away on purpose (a gap below it is not "still coming") */
  floor: number;
  /** JSON bytes and number of the kept activities */
  bytes: number;
  kept: number;
  lastUsed: Date;
  /** TTL: the conversation goes this long after it was last used */
  expiresAt: Date;
}

export interface ActivityDoc {
  _id: string;
  conversationId: string;
  seq: number;
  bytes: number;
  /** when it was written: a gap before a recent activity is one still being written by another instance */
  at: Date;
  /** the activity as JSON text (encrypted at rest) */
  json: string;
  expiresAt: Date;
}

/** An activity as a reader sees it. */
export interface Entry {
  seq: number;
  at: number;
  activity: Partial<Activity>;
}

/** An activity that cannot be kept even trimmed (or cannot be serialised at all). */
export class ActivityTooLargeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ActivityTooLargeError';
  }
}

/** The conversation was dropped (or expired) while a request was writing to it. */
export class ConversationGoneError extends Error {
  constructor(id: string) {
    super(`web chat conversation ${id} is closed or unknown`);
    this.name = 'ConversationGoneError';
  }
}

export const activityId = (conversationId: string, seq: number) => `${conversationId}|${String(seq).padStart(7, '0')}`;

export function toConversation(doc: ConversationDoc): Conversation {
  return { id: doc._id, userId: doc.userId, locale: doc.locale, started: doc.started, seq: doc.seq };
}

export function toEntry(doc: ActivityDoc): Entry {
  return { seq: doc.seq, at: new Date(doc.at).getTime(), activity: JSON.parse(doc.json) as Partial<Activity> };
}

/** JSON text of a value; undefined when it cannot be serialised (cycles, absurd nesting). */
export function jsonOf(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

const KEPT_WHEN_TRIMMED = ['type', 'id', 'channelId', 'timestamp', 'from', 'recipient', 'conversation', 'locale', 'text', 'textFormat', 'replyToId', 'name', 'inputHint'] as const;

/**
 * What is kept of a bulky activity: who, when and the text (at most 4000 characters for a visitor), plus
 * `channelData.clientActivityID`, which Web Chat needs to mark its message as sent. The bot saw it whole.
 */
export function trimmed(activity: Partial<Activity>): Partial<Activity> {
  const kept: Record<string, unknown> = {};
  for (const key of KEPT_WHEN_TRIMMED) if (activity[key] !== undefined) kept[key] = activity[key];
  const clientId = (activity.channelData as { clientActivityID?: unknown } | undefined)?.clientActivityID;
  if (typeof clientId === 'string' && clientId.length <= 128) kept.channelData = { clientActivityID: clientId };
  return kept as Partial<Activity>;
}

/**
 * The activities a reader at `cursor` may take now, in order, and its new cursor. Watermarks are handed
 * out before the activity is written, so another instance may still be writing seq 5 when seq 6 is
 * readable: handing out 6 would lose 5 for good. So the reader stops at a missing number, unless it
 * was trimmed away (≤ floor) or the activity after it was written more than `graceMs` ago (the writer
 * died between taking the number and writing: nothing will ever fill it).
 */
export function deliverable(entries: Entry[], cursor: number, floor: number, now: number, graceMs: number): { taken: Entry[]; cursor: number } {
  const taken: Entry[] = [];
  let at = cursor;
  for (const entry of entries) {
    if (entry.seq <= at) continue;
    const gap = entry.seq !== at + 1 && entry.seq - 1 > floor;
    if (gap && now - entry.at < graceMs) break;
    taken.push(entry);
    at = entry.seq;
  }
  return { taken, cursor: at };
}

/** Parses a watermark query value: empty → 0; otherwise a non-negative integer, or undefined when malformed. */
export function parseWatermark(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return 0;
  if (typeof value !== 'string' || !/^\d{1,15}$/.test(value)) return undefined;
  return Number(value);
}
