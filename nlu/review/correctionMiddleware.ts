/**
 * Watches messages for customer corrections ("不是这个意思", "that's not what I meant") and sends the
 * utterance before it to the review queue. It never handles a turn (always calls next). The previous
 * utterance is kept in memory per customer (bounded): losing it on a restart only loses one review row.
 */
import type { TurnContext } from 'botbuilder';
import type { Recognizer } from '../types';
import type { ReviewQueue } from './reviewQueue';

const CORRECTION = /不是这个意思|不是这意思|你理解错了|理解错了|答非所问|不是问这个|我不是问|我说的不是|没听懂我|that'?s not what i (meant|mean|asked)|not what i asked|you misunderstood|wrong answer|that'?s not it/i;

export function isCorrection(text: string): boolean {
  return CORRECTION.test(text);
}

export interface CorrectionLogger {
  warn(obj: object, msg: string): void;
}

/** Who the customer of a turn is (dialogs/turn customerIdOf: nlu sits below dialogs, so it is handed in). */
export type CustomerIdOf = (context: TurnContext) => string;

/**
 * Turn middleware (dialogs/turn/turnContracts.ts `TurnMiddleware`, matched by shape: nlu sits below
 * dialogs), run after the customer is resolved.
 */
export class NluCorrectionMiddleware {
  readonly name = 'nluCorrection';
  private readonly last = new Map<string, string>();

  constructor(
    private readonly queue: ReviewQueue,
    private readonly recognizer: Recognizer,
    private readonly customerIdOf: CustomerIdOf,
    private readonly logger?: CorrectionLogger,
    private readonly maxCustomers = 10000,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    await this.watch(context, this.customerIdOf(context));
    await next();
  }

  private async watch(context: TurnContext, customerId: string): Promise<void> {
    const text = context.activity.text?.trim();
    if (!text) return;
    const previous = this.last.get(customerId);
    if (previous && isCorrection(text)) {
      try {
        const result = await this.recognizer.recognize(previous);
        await this.queue.add(previous, result.intent, result.confidence, 'corrected', customerId);
      } catch (err) {
        this.logger?.warn({ customerId, err: (err as Error).message }, 'nlu review: could not store a correction');
      }
    }
    this.last.delete(customerId);
    if (!isCorrection(text)) this.last.set(customerId, text);
    if (this.last.size > this.maxCustomers) this.last.delete(this.last.keys().next().value as string);
  }
}
