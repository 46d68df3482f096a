/** Keys of the knowledge area (composed into ../config.ts). */
import { z } from 'zod';

export const knowledgeConfigSchema = z.object({});
