/**
 * Analytics events: one per turn (intent, confidence, sentiment, latency, channel, outcome), the raw
 * material of the monitoring dashboard and of model feedback. No message text is kept here.
 * Events are buffered and written in batches, so analytics never adds a write to a customer's turn.
 */
import crypto from 'node:crypto';
import type { TurnOutcome } from './turnOutcome';
import type { DocumentStore } from '../../storage/documentStore';
import type { Logger } from '../../platform/logger';

export interface TurnEvent extends TurnOutcome {
  _id: string;
  at: Date;
}

export const TURN_EVENTS = 'turnEvents';

export class TurnEventRecorder {
  private buffer: TurnEvent[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  /** erased customer → the random id their late events get (a turn may end just after its erase) */
  private readonly erased = new Map<string, string>();

  constructor(
    private readonly store: DocumentStore,
    private readonly logger: Logger,
    private readonly options: { maxBatch?: number; flushMs?: number } = {},
  ) {}

  static async ensureIndexes(store: DocumentStore): Promise<void> {
    await store.ensureIndex(TURN_EVENTS, { fields: { at: 1 } });
    await store.ensureIndex(TURN_EVENTS, { fields: { customerId: 1 } });
  }

  /** Buffers the event of a finished turn (called by the bot's analytics middleware). */
  async turnEnded(outcome: TurnOutcome): Promise<void> {
    const customerId = this.erased.get(outcome.customerId) ?? outcome.customerId;
    this.buffer.push({ ...outcome, customerId, _id: crypto.randomUUID(), at: new Date() });
    if (this.buffer.length >= (this.options.maxBatch ?? 200)) {
      void this.flush();
      return;
    }
    this.timer ??= setTimeout(() => void this.flush(), this.options.flushMs ?? 1000);
    this.timer.unref();
  }

  /** Privacy export: the customer's events (buffered ones are written first). */
  async exportCustomer(customerId: string): Promise<TurnEvent[]> {
    await this.flush();
    return this.store.collection<TurnEvent>(TURN_EVENTS).find({ customerId }, { sort: { at: 1 } });
  }

  /**
   * Privacy erase: the events stay, so counts, intents, latencies and channels stay right, but they get
   * one random id that nothing links to the person, and only the listed measurement fields are kept.
   */
  async eraseCustomer(customerId: string): Promise<number> {
    const anonymousId = `anon_${crypto.randomBytes(9).toString('base64url')}`;
    if (this.erased.size >= 10000) this.erased.delete(this.erased.keys().next().value as string);
    this.erased.set(customerId, anonymousId);
    await this.flush();
    const events = this.store.collection<TurnEvent>(TURN_EVENTS);
    const mine = await events.find({ customerId });
    for (const event of mine) await events.replaceOne({ _id: event._id }, anonymousEvent(event, anonymousId));
    return mine.length;
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

const MEASUREMENTS = ['channelId', 'intent', 'confidence', 'language', 'sentimentLabel', 'anger', 'interceptedBy', 'latencyMs', 'attempts', 'error', 'funnel', 'handoffReason', 'fallback'] as const;

/** An event with a new owner id and only measurement fields: whatever else a future field holds is dropped. */
function anonymousEvent(event: TurnEvent, customerId: string): TurnEvent {
  const kept: TurnEvent = { _id: event._id, at: event.at, customerId, channelId: event.channelId, latencyMs: event.latencyMs, attempts: event.attempts };
  for (const field of MEASUREMENTS) if (event[field] !== undefined) (kept as unknown as Record<string, unknown>)[field] = event[field];
  return kept;
}
