/** Keys of the NLU area (composed into ../config.ts). */
import { z } from 'zod';

export const nluConfigSchema = z.object({
  /** local: the in-process model only (LLM used below the threshold when OPENAI_API_KEY is set); llm: ask the LLM on every turn. */
  NLU_MODE: z.enum(['local', 'llm']).default('local'),
  /** Local intent confidence below which the LLM (when configured) is asked. */
  NLU_LLM_THRESHOLD: z.coerce.number().min(0).max(1).default(0.55),
  /** How long one LLM recognition may take before the local result is used. */
  NLU_LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(60000).default(3000),
  /** Local intent confidence below which the utterance is queued for review (learning loop). */
  NLU_REVIEW_THRESHOLD: z.coerce.number().min(0).max(1).default(0.4),
});
