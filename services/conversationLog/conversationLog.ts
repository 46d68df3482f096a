/**
 * The conversation log: what the customer said and what the bot, an agent or the system told them, on
 * every channel, in one time line per customer. Agents read it as the customer's history; delivery reads
 * it for the channel last used and WeChat's 48-hour window. The text is encrypted at rest and expires
 * with the retention period (storage/encryption/personalFields.ts).
 *
 * Appends are buffered and written in batches (like the analytics events), so recording a turn never
 * adds an awaited store write to it. Reads write the buffer first, so they see everything appended.
 */
import crypto from 'node:crypto';
import type { DocumentStore } from '../../storage/documentStore';
import type { Logger } from '../../platform/logger';

export const CONVERSATION_LOG = 'conversationLog';

export type LogAuthor = 'customer' | 'bot' | 'agent' | 'note' | 'system';
export type LogLanguage = 'zh' | 'en';

export interface LogEntry {
  customerId: string;
  at: Date;
  from: LogAuthor;
  channelId?: string;
  text: string;
  /** the agent's username (agent replies and notes) */
  agent?: string;
  /** the language a customer message was written in, when it showed one */
  lang?: LogLanguage;
}

export interface StoredLogEntry extends LogEntry {
  /** time first, then a counter: sorting by _id is the order the entries were appended in */
  _id: string;
}

const MAX_TEXT = 4000;
const MAX_HISTORY = 1000;

export class ConversationLog {
  private buffer: StoredLogEntry[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private counter = 0;

  constructor(
    private readonly store: DocumentStore,
    private readonly logger: Logger,
    private readonly options: { maxBatch?: number; flushMs?: number } = {},
  ) {}

  static async ensureIndexes(store: DocumentStore): Promise<void> {
    await store.ensureIndex(CONVERSATION_LOG, { fields: { customerId: 1 } });
  }

  private get entries() {
    return this.store.collection<StoredLogEntry>(CONVERSATION_LOG);
  }

  /** Buffers one entry; never throws and never waits for the store. */
  append(entry: LogEntry): void {
    const at = entry.at instanceof Date && !Number.isNaN(entry.at.getTime()) ? entry.at : new Date();
    this.counter = (this.counter + 1) % 36 ** 6;
    const _id = `${at.getTime().toString(36).padStart(9, '0')}${this.counter.toString(36).padStart(6, '0')}${crypto.randomBytes(4).toString('hex')}`;
    const stored: StoredLogEntry = { ...withoutUndefined(entry), _id, at, text: entry.text.slice(0, MAX_TEXT) };
    this.buffer.push(stored);
    if (this.buffer.length >= (this.options.maxBatch ?? 200)) {
      void this.flush();
      return;
    }
    this.timer ??= setTimeout(() => void this.flush(), this.options.flushMs ?? 500);
    this.timer.unref();
  }

  /** The customer's last `limit` entries (default 200, at most 1000), oldest first. */
  async history(customerId: string, options: { limit?: number } = {}): Promise<StoredLogEntry[]> {
    await this.flush();
    const limit = Math.min(Math.max(Math.trunc(options.limit ?? 200), 1), MAX_HISTORY);
    const newest = await this.entries.find({ customerId }, { sort: { _id: -1 }, limit });
    return newest.reverse();
  }

  /** The customer's newest message, on any channel or on one. */
  async lastCustomerMessage(customerId: string, channelId?: string): Promise<StoredLogEntry | undefined> {
    const mine = (e: LogEntry) => e.customerId === customerId && e.from === 'customer' && (!channelId || e.channelId === channelId);
    for (let i = this.buffer.length - 1; i >= 0; i--) if (mine(this.buffer[i])) return this.buffer[i];
    await this.flushing;
    const filter: Record<string, unknown> = { customerId, from: 'customer', ...(channelId ? { channelId } : {}) };
    const [last] = await this.entries.find(filter, { sort: { _id: -1 }, limit: 1 });
    return last;
  }

  /** The language of the customer's newest message that showed one (for notices and the CSAT question). */
  async language(customerId: string): Promise<LogLanguage | undefined> {
    for (let i = this.buffer.length - 1; i >= 0; i--) {
      const e = this.buffer[i];
      if (e.customerId === customerId && e.from === 'customer' && e.lang) return e.lang;
    }
    await this.flushing;
    const [last] = await this.entries.find({ customerId, from: 'customer', lang: { $exists: true } }, { sort: { _id: -1 }, limit: 1 });
    return last?.lang;
  }

  /** Privacy export: the whole time line. */
  async exportCustomer(customerId: string): Promise<StoredLogEntry[]> {
    await this.flush();
    return this.entries.find({ customerId }, { sort: { _id: 1 } });
  }

  /** Privacy erase: the time line goes (buffered entries too). */
  async eraseCustomer(customerId: string): Promise<number> {
    const buffered = this.buffer.length;
    this.buffer = this.buffer.filter((e) => e.customerId !== customerId);
    const dropped = buffered - this.buffer.length;
    await this.flush();
    return dropped + (await this.entries.deleteMany({ customerId }));
  }

  /** Merge hook: the merged customer's time line joins the survivor's (the order stays by time). */
  async moveCustomer(survivorId: string, mergedId: string): Promise<void> {
    for (const e of this.buffer) if (e.customerId === mergedId) e.customerId = survivorId;
    await this.flush();
    await this.entries.updateMany({ customerId: mergedId }, { $set: { customerId: survivorId } });
  }

  /** Writes what is buffered (also on shutdown). Failures are logged without the text, never thrown. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.buffer;
    this.buffer = [];
    this.flushing = this.flushing.then(async () => {
      if (batch.length === 0) return;
      try {
        await this.entries.insertMany(batch);
      } catch (err) {
        this.logger.warn({ err: (err as Error).message, entries: batch.length }, 'could not write conversation log entries');
      }
    });
    await this.flushing;
  }
}

function withoutUndefined(entry: LogEntry): LogEntry {
  const copy = { ...entry } as Record<string, unknown>;
  for (const key of Object.keys(copy)) if (copy[key] === undefined) delete copy[key];
  return copy as unknown as LogEntry;
}
