/**
 * Feeds this instance's open streams from the store, so a stream on instance B carries what instance A
 * wrote. While at least one stream is open, one timer reads the heads (watermark counters) of every
 * watched conversation in one query, and reads activities only for the conversations that moved. An
 * activity written by this instance goes straight to the streams that are right before it (no wait);
 * anything else is read. Each stream keeps its own cursor, and delivery only ever moves it forward one
 * contiguous run at a time (see `deliverable`), so every activity arrives once and in order.
 */
import { deliverable, Entry, Subscriber } from './conversationStoreRecords';

export interface Head {
  seq: number;
  floor: number;
}

export interface FeedSource {
  /** heads of the conversations that still exist, by id */
  heads(ids: string[]): Promise<Map<string, Head>>;
  /** activities after `after`, oldest first, at most `limit` */
  entries(conversationId: string, after: number, limit: number): Promise<Entry[]>;
}

export interface FeedOptions {
  pollMs: number;
  /** how long a missing watermark is waited for before the reader goes past it */
  graceMs: number;
  now: () => number;
  onError(err: unknown, conversationId: string): void;
}

interface Watcher {
  subscriber: Subscriber;
  cursor: number;
}

interface Watch {
  id: string;
  watchers: Set<Watcher>;
  busy?: Promise<void>;
  again: boolean;
}

/** Activities read per conversation at a time. */
const PAGE = 200;

export class ConversationFeed {
  private readonly watches = new Map<string, Watch>();
  private timer?: NodeJS.Timeout;
  private ticking = false;

  constructor(
    private readonly source: FeedSource,
    private readonly options: FeedOptions,
  ) {}

  /** Streams `subscriber` everything after `cursor` (the backlog first); returns the unsubscribe. */
  subscribe(conversationId: string, subscriber: Subscriber, cursor: number): () => void {
    let watch = this.watches.get(conversationId);
    if (!watch) {
      watch = { id: conversationId, watchers: new Set(), again: false };
      this.watches.set(conversationId, watch);
    }
    const watcher = { subscriber, cursor };
    watch.watchers.add(watcher);
    this.timer ??= setInterval(() => void this.tick(), this.options.pollMs).unref();
    this.kick(watch);
    const own = watch;
    return () => {
      own.watchers.delete(watcher);
      if (own.watchers.size === 0 && this.watches.get(conversationId) === own) this.watches.delete(conversationId);
      this.stopWhenIdle();
    };
  }

  count(conversationId: string): number {
    return this.watches.get(conversationId)?.watchers.size ?? 0;
  }

  /** An activity this instance just stored: to the streams right before it at once, the others read. */
  written(conversationId: string, entry: Entry): void {
    const watch = this.watches.get(conversationId);
    if (!watch) return;
    let behind = false;
    for (const watcher of watch.watchers) {
      if (watcher.cursor === entry.seq - 1) {
        watcher.cursor = entry.seq;
        watcher.subscriber.deliver({ activities: [entry.activity], watermark: String(entry.seq) });
      } else if (watcher.cursor < entry.seq) behind = true;
    }
    if (behind) this.kick(watch);
  }

  /** The conversation is gone: its streams end. */
  drop(conversationId: string): void {
    const watch = this.watches.get(conversationId);
    if (!watch) return;
    this.watches.delete(conversationId);
    for (const watcher of [...watch.watchers]) watcher.subscriber.end();
    this.stopWhenIdle();
  }

  endAll(): void {
    for (const id of [...this.watches.keys()]) this.drop(id);
    this.stopWhenIdle();
  }

  private stopWhenIdle(): void {
    if (this.watches.size > 0 || !this.timer) return;
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private async tick(): Promise<void> {
    if (this.ticking || this.watches.size === 0) return;
    this.ticking = true;
    try {
      const heads = await this.source.heads([...this.watches.keys()]);
      for (const watch of [...this.watches.values()]) {
        const head = heads.get(watch.id);
        if (!head) this.drop(watch.id);
        else if (head.seq > this.lowest(watch)) this.kick(watch, head);
      }
    } catch (err) {
      this.options.onError(err, '*');
    } finally {
      this.ticking = false;
    }
  }

  /** Reads one conversation; one read at a time per conversation, another one after it when asked meanwhile. */
  private kick(watch: Watch, head?: Head): void {
    if (watch.busy) {
      watch.again = true;
      return;
    }
    watch.busy = this.read(watch, head)
      .catch((err: unknown) => this.options.onError(err, watch.id))
      .finally(() => {
        watch.busy = undefined;
        if (!watch.again || this.watches.get(watch.id) !== watch) return;
        watch.again = false;
        this.kick(watch);
      });
  }

  private async read(watch: Watch, known?: Head): Promise<void> {
    const head = known ?? (await this.source.heads([watch.id])).get(watch.id);
    if (!head) return this.drop(watch.id);
    const lowest = this.lowest(watch);
    if (head.seq <= lowest) return;
    const entries = await this.source.entries(watch.id, lowest, PAGE);
    let floor = head.floor;
    // a trim may have moved the floor after the head was read: a hole at the bottom is then no writer's
    if (entries.length > 0 && entries[0].seq > lowest + 1 && entries[0].seq - 1 > floor) {
      floor = (await this.source.heads([watch.id])).get(watch.id)?.floor ?? floor;
    }
    const now = this.options.now();
    for (const watcher of watch.watchers) {
      const { taken, cursor } = deliverable(entries, watcher.cursor, floor, now, this.options.graceMs);
      if (taken.length === 0) continue;
      watcher.cursor = cursor;
      watcher.subscriber.deliver({ activities: taken.map((e) => e.activity), watermark: String(cursor) });
    }
    // a full page: read on, as long as the slowest stream moved (it may wait at a hole for a writer)
    if (entries.length === PAGE && this.lowest(watch) > lowest) watch.again = true;
  }

  private lowest(watch: Watch): number {
    let lowest = Infinity;
    for (const watcher of watch.watchers) lowest = Math.min(lowest, watcher.cursor);
    return lowest;
  }
}
