/** Keys of the picture reader (offline OCR in a child process). */
import { z } from 'zod';
import { boolFlag } from '../../platform/configFields';

export const visionConfigSchema = z.object({
  /** Read the text in pictures customers send (order screenshots, labels, complaint photos). Off: pictures are kept, not read. */
  OCR_ENABLED: boolFlag.default('true'),
  /** Longest a picture may wait and be read before the turn goes on without its text (ms). */
  OCR_TIMEOUT_MS: z.coerce.number().int().min(1000).max(120_000).default(15_000),
  /** Pictures waiting for the reader at most; beyond that a picture is not read (the customer is asked what it shows). */
  OCR_QUEUE_LIMIT: z.coerce.number().int().min(1).max(1000).default(16),
  /** Threads the OCR model may use (in the OCR process, beside the bot's own event loop). */
  OCR_THREADS: z.coerce.number().int().min(1).max(16).default(1),
});

export type VisionConfig = z.infer<typeof visionConfigSchema>;

/** The reader's settings, as the composition root hands them over. */
export interface OcrSettings {
  enabled: boolean;
  timeoutMs: number;
  queueLimit: number;
  threads: number;
}

export function ocrSettings(config: VisionConfig): OcrSettings {
  return { enabled: config.OCR_ENABLED, timeoutMs: config.OCR_TIMEOUT_MS, queueLimit: config.OCR_QUEUE_LIMIT, threads: config.OCR_THREADS };
}
