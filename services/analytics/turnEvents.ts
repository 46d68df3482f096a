/**
 * Analytics events: one per turn (intent, confidence, sentiment, latency, channel, outcome), the raw
 * material of the monitoring dashboard and of model feedback. No message text is kept here.
 * Events are buffered and written in batches, so analytics never adds a write to a customer's turn.
 */
import crypto from 'node:crypto';
import type { TurnObserver, TurnOutcome } from '../../bots/turnContracts';
import type { DocumentStore } from '../../storage/documentStore';
import type { Logger } from '../observability/logger';

export interface TurnEvent extends TurnOutcome {
  _id: string;
  at: Date;
}

export const TURN_EVENTS = 'turnEvents';

export class TurnEventRecorder implements TurnObserver {
  private buffer: TurnEvent[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: DocumentStore,
    private readonly logger: Logger,
    private readonly options: { maxBatch?: number; flushMs?: number } = {},
  ) {}

  static async ensureIndexes(store: DocumentStore): Promise<void> {
    await store.ensureIndex(TURN_EVENTS, { fields: { at: 1 } });
    await store.ensureIndex(TURN_EVENTS, { fields: { customerId: 1 } });
  }

  async turnEnded(outcome: TurnOutcome): Promise<void> {
    this.buffer.push({ ...outcome, _id: crypto.randomUUID(), at: new Date() });
    if (this.buffer.length >= (this.options.maxBatch ?? 200)) {
      void this.flush();
      return;
    }
    this.timer ??= setTimeout(() => void this.flush(), this.options.flushMs ?? 1000);
    this.timer.unref();
  }

  /** Writes what is buffered (also called on shutdown). Failures are logged, never thrown into a turn. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.buffer;
    this.buffer = [];
    this.flushing = this.flushing.then(async () => {
      if (batch.length === 0) return;
      try {
        await this.store.collection<TurnEvent>(TURN_EVENTS).insertMany(batch);
      } catch (err) {
        this.logger.warn({ err: (err as Error).message, events: batch.length }, 'could not write analytics events');
      }
    });
    await this.flushing;
  }
}
