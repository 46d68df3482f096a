/**
 * Live updates for agent consoles: `queue` when a customer joins, leaves or changes hands, `message` when
 * something new happened in an active conversation (the customer wrote, an agent replied). Changes can
 * happen on any instance, so the truth is the handoff records: while at least one console listens, they
 * are read every interval (one indexed query) and compared with the last reading; actions on this
 * instance ask for a reading at once. Nobody listening → no reads at all.
 */
import type { Logger } from '../../platform/logger';
import type { HandoffRecord } from '../handoff';

export type DeskEvent = { type: 'queue' } | { type: 'message'; customerId: string };

interface Seen {
  holder: string;
  updatedAt: number;
}

export interface DeskEventOptions {
  intervalMs?: number;
  /** called after a reading that found the queue changed (e.g. to assign newly waiting customers) */
  onQueueChange?: () => void;
}

export class DeskEvents {
  private readonly listeners = new Set<(event: DeskEvent) => void>();
  private seen: Map<string, Seen> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private reading: Promise<void> | undefined;
  private readAgain = false;

  constructor(
    private readonly activeRecords: () => Promise<HandoffRecord[]>,
    private readonly logger: Logger,
    private readonly options: DeskEventOptions = {},
  ) {}

  get listening(): number {
    return this.listeners.size;
  }

  /** Returns the unsubscribe function. */
  subscribe(listener: (event: DeskEvent) => void): () => void {
    this.listeners.add(listener);
    if (!this.timer) {
      this.seen = undefined; // the first reading after a quiet time is the baseline, not news
      this.timer = setInterval(() => void this.check(), this.options.intervalMs ?? 1500);
      this.timer.unref();
      void this.check();
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  /** Something changed here: read now instead of at the next tick. */
  nudge(): Promise<void> {
    return this.listeners.size > 0 ? this.check() : Promise.resolve();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.seen = undefined;
  }

  /** Ends every stream (shutdown). */
  close(): void {
    this.listeners.clear();
    this.stop();
  }

  private check(): Promise<void> {
    if (this.reading) {
      this.readAgain = true;
      return this.reading;
    }
    this.reading = (async () => {
      try {
        do {
          this.readAgain = false;
          await this.readOnce();
        } while (this.readAgain);
      } catch (err) {
        this.logger.warn({ err }, 'agent desk: could not read the handoff queue');
      } finally {
        this.reading = undefined;
      }
    })();
    return this.reading;
  }

  private async readOnce(): Promise<void> {
    const records = await this.activeRecords();
    const now = new Map<string, Seen>();
    for (const r of records) now.set(r._id, { holder: `${r.state}:${r.agentId ?? ''}`, updatedAt: new Date(r.updatedAt).getTime() });
    const before = this.seen;
    this.seen = now;
    if (!before) return;
    let queueChanged = before.size !== now.size;
    const messages: string[] = [];
    for (const [id, seen] of now) {
      const old = before.get(id);
      if (!old || old.holder !== seen.holder) queueChanged = true;
      else if (old.updatedAt !== seen.updatedAt) messages.push(id);
    }
    if (queueChanged) this.emit({ type: 'queue' });
    for (const customerId of messages) this.emit({ type: 'message', customerId });
    if (queueChanged) this.options.onQueueChange?.();
  }

  private emit(event: DeskEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (err) {
        this.logger.warn({ err }, 'agent desk: a live listener failed');
      }
    }
  }
}
