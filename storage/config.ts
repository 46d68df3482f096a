/** Keys of the storage area's privacy settings (composed into ../config.ts). */
import { z } from 'zod';
import { optionalString } from '../platform/configFields';
import { KeySpecError, parseKeySpec } from './encryption/fieldCipher';

/** Valid when every listed key decodes to 32 bytes; the message never repeats a key. */
const keySpec = z.string().superRefine((spec, ctx) => {
  try {
    parseKeySpec(spec);
  } catch (err) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: err instanceof KeySpecError ? err.message : 'is not a valid key list' });
  }
});

export const storageConfigSchema = z.object({
  /**
   * AES-256 key(s) for what identifies a person at rest: `<key>` or `id1:key1,id2:key2` (the first
   * encrypts, all decrypt). 32 bytes as base64 or 64 hex digits. Required in production.
   */
  DATA_ENCRYPTION_KEY: optionalString.pipe(keySpec.optional()),
  /** Days after their last write that handoff transcripts, NLU review items and analytics events are deleted. */
  RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
});

export function dataEncryptionProductionIssues(config: { NODE_ENV: string; DATA_ENCRYPTION_KEY?: string }): { key: string; message: string }[] {
  if (config.NODE_ENV !== 'production' || config.DATA_ENCRYPTION_KEY) return [];
  return [{ key: 'DATA_ENCRYPTION_KEY', message: 'is required in production: customer data is encrypted at rest with it (e.g. `openssl rand -base64 32`)' }];
}
