/** Keys of the knowledge area (composed into ../config.ts). */
import { z } from 'zod';
import { boolFlag } from '../platform/configFields';

export const knowledgeConfigSchema = z.object({
  /** with OPENAI_API_KEY set: answer open questions with the model, grounded in retrieved products/FAQ */
  KB_LLM_ANSWERS: boolFlag.default('true'),
  /** how long a grounded answer may take before the local answer is used (ms) */
  KB_LLM_TIMEOUT_MS: z.coerce.number().int().min(500).max(60000).default(8000),
  /** FAQ match confidence (0..1) from which the FAQ answer is given directly */
  KB_FAQ_MIN_CONFIDENCE: z.coerce.number().min(0).max(1).default(0.45),
  /** several instances on one MongoDB: how often each picks up the others' catalogue edits (s); 0 = off */
  KB_REFRESH_SECONDS: z.coerce.number().int().min(0).max(86400).default(0),
});
