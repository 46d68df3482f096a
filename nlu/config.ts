/** Keys of the NLU area (composed into ../config.ts). */
import { z } from 'zod';

export const nluConfigSchema = z.object({});
