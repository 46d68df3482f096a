/**
 * The product's recognizer: the local one always runs; the LLM (when configured) is asked when the local
 * intent confidence is below NLU_LLM_THRESHOLD, or on every turn with NLU_MODE=llm, and its answer is used
 * only if it comes back in time and valid (its frame merged into the local one, slot by slot). Unsure local results go to the review queue (learning loop).
 */
import type { LlmRecognizer } from './llm/llmRecognizer';
import type { LocalRecognizer } from './localRecognizer';
import { CustomerIdOf, NluCorrectionMiddleware } from './review/correctionMiddleware';
import type { ReviewQueue } from './review/reviewQueue';
import type { NluResult, Recognizer, RecognizeOptions } from './types';

export interface NluLogger {
  warn(obj: object, msg: string): void;
  debug?(obj: object, msg: string): void;
}

export interface NluRecognizerOptions {
  local: LocalRecognizer;
  llm?: LlmRecognizer;
  mode: 'local' | 'llm';
  llmThreshold: number;
  review?: ReviewQueue;
  reviewThreshold: number;
  logger?: NluLogger;
}

export class NluRecognizer implements Recognizer {
  constructor(private readonly options: NluRecognizerOptions) {}

  get local(): LocalRecognizer {
    return this.options.local;
  }

  async recognize(text: string, recognizeOptions?: RecognizeOptions): Promise<NluResult> {
    const { local, llm, mode, llmThreshold, review, reviewThreshold, logger } = this.options;
    const localResult = local.recognizeSync(text, recognizeOptions);
    if (review && localResult.confidence < reviewThreshold && text.trim().length > 1) {
      // never delays the turn; a failed write only loses one review row
      review.add(text, localResult.intent, localResult.confidence, 'low_confidence', recognizeOptions?.customerId).catch((err: Error) => logger?.warn({ err: err.message }, 'nlu review: could not queue an utterance'));
    }
    if (!llm || (mode === 'local' && localResult.confidence >= llmThreshold)) return localResult;
    try {
      return await llm.recognize(text, localResult, local.vocabulary);
    } catch (err) {
      // message text is never logged (privacy); the error kind is enough to see a broken endpoint
      logger?.warn({ err: (err as Error).name, message: (err as Error).message.slice(0, 200) }, 'nlu: LLM recognition failed, using the local result');
      return localResult;
    }
  }

  /** The review queue (learning loop); undefined without a store. */
  get review(): ReviewQueue | undefined {
    return this.options.review;
  }

  /** The turn middleware that sends corrected utterances ("不是这个意思") and, given the fallback wording, unanswered ones to review; undefined without a store. */
  correctionMiddleware(customerIdOf: CustomerIdOf, isFallbackReply?: (text: string) => boolean): NluCorrectionMiddleware | undefined {
    const { review, logger } = this.options;
    return review ? new NluCorrectionMiddleware(review, this.options.local, customerIdOf, logger, undefined, isFallbackReply) : undefined;
  }
}
