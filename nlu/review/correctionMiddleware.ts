/**
 * Watches messages for customer corrections ("不是这个意思", "that's not what I meant") and sends the
 * utterance before it to the review queue; with `isFallbackReply`, also the messages the bot answered
 * with its "I did not understand" reply (reason `unanswered`: the questions the FAQ is missing). It never
 * handles a turn (always calls next). The previous utterance is kept in memory per customer (bounded):
 * losing it on a restart only loses one review row.
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
    /** is this reply the bot's fallback ("抱歉，我没太明白…")? given by the composition root, which knows the wording */
    private readonly isFallbackReply?: (text: string) => boolean,
  ) {}

  private readonly watching = new WeakSet<TurnContext>();

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    await this.watch(context, this.customerIdOf(context));
    this.watchReplies(context);
    await next();
  }

  /**
   * Looks at the replies as they are finally sent (the bot holds them until the turn's state is saved,
   * so this runs after the turn, once per turn however often it was retried); queuing is not awaited.
   */
  private watchReplies(context: TurnContext): void {
    const isFallback = this.isFallbackReply;
    const text = context.activity.text?.trim();
    if (!isFallback || !text || this.watching.has(context)) return;
    this.watching.add(context);
    context.onSendActivities(async (_ctx, activities, next) => {
      if (activities.some((a) => a.type === 'message' && typeof a.text === 'string' && isFallback(a.text))) {
        const customerId = this.customerIdOf(context);
        setImmediate(() => void this.queueUnanswered(text, customerId));
      }
      return next();
    });
  }

  private async queueUnanswered(text: string, customerId: string): Promise<void> {
    try {
      const result = await this.recognizer.recognize(text);
      await this.queue.add(text, result.intent, result.confidence, 'unanswered', customerId);
    } catch (err) {
      this.logger?.warn({ customerId, err: (err as Error).message }, 'nlu review: could not store an unanswered message');
    }
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
