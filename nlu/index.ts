/** The recognizer the bot uses, chosen from config: local model, plus the LLM when OPENAI_API_KEY is set. */
import path from 'node:path';
import type { z } from 'zod';
import type { nluConfigSchema } from './config';
import type { Vocabulary } from '../knowledge/types';
import { createLlmClient, type LlmSettings } from '../platform/llmClient';
import type { DocumentStore } from '../storage/documentStore';
import { LlmRecognizer } from './llm/llmRecognizer';
import { LocalRecognizer } from './localRecognizer';
import type { LabeledUtterance } from './model/trainingData';
import { NluRecognizer, type NluLogger } from './nluRecognizer';
import { ReviewQueue, type TextId } from './review/reviewQueue';
import { IntentRetrainer } from './review/retrainer';

export * from './types';
export { NluRecognizer } from './nluRecognizer';
export { LocalRecognizer } from './localRecognizer';
export { ReviewQueue, NLU_REVIEW_COLLECTION } from './review/reviewQueue';
export { IntentRetrainer } from './review/retrainer';

/** The learning loop's retrain-in-place for this recognizer (undefined without a review queue). */
export function createRetrainer(recognizer: NluRecognizer, settings: { DATA_DIR: string }, logger?: CreateRecognizerOptions['logger']): IntentRetrainer | undefined {
  const review = recognizer.review;
  return review && new IntentRetrainer({ local: recognizer.local, review, cacheDir: path.join(settings.DATA_DIR, 'nlu'), logger });
}

export interface CreateRecognizerOptions {
  /** the knowledge base's names (kb.vocabulary()); a small built-in list otherwise */
  vocabulary?: Vocabulary;
  /** enables the learning loop: review queue and reviewed examples in training */
  store?: DocumentStore;
  /** keyed hash for review-queue ids (the store's lookup hash), so no id can be reversed to its text */
  textId?: TextId;
  logger?: NluLogger & { info?(obj: object, msg: string): void };
}

/** The settings the NLU takes from the composition root: its own keys, the LLM's and where to cache the model. */
export type NluSettings = z.infer<typeof nluConfigSchema> & LlmSettings & { DATA_DIR: string };

export async function createRecognizer(config: NluSettings, options: CreateRecognizerOptions = {}): Promise<NluRecognizer> {
  const { store, logger } = options;
  let review: ReviewQueue | undefined;
  let extraExamples: LabeledUtterance[] = [];
  if (store) {
    review = new ReviewQueue(store, options.textId);
    await review.ensureIndexes(store);
    extraExamples = await review.trainingExamples();
  }
  // the trained model is cached under DATA_DIR/nlu, keyed by a hash of the training data
  const local = new LocalRecognizer({ vocabulary: options.vocabulary, extraExamples, cacheDir: path.join(config.DATA_DIR, 'nlu') });
  logger?.info?.({ trainingSize: local.trainingSize, trainingMs: local.trainingMs, reviewed: extraExamples.length }, 'nlu: local model ready');
  const llmClient = createLlmClient(config, config.NLU_LLM_TIMEOUT_MS);
  return new NluRecognizer({
    local,
    llm: llmClient ? new LlmRecognizer(llmClient, config.NLU_LLM_TIMEOUT_MS) : undefined,
    mode: config.NLU_MODE,
    llmThreshold: config.NLU_LLM_THRESHOLD,
    review,
    reviewThreshold: config.NLU_REVIEW_THRESHOLD,
    logger,
  });
}
