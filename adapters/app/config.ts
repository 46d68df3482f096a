/** App channel keys. The app channel is always on: it is how the shop's own app and mini-program backend talk to the bot. */
import { z } from 'zod';
import { optionalString } from '../../platform/configFields';

export const appChannelConfigSchema = z.object({
  /** Largest JSON body accepted on /api/app/messages, in bytes. */
  APP_MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(256 * 1024),
  /** Optional shared secret: when set, the app backend must send `Authorization: Bearer <APP_API_KEY>`. */
  APP_API_KEY: optionalString.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
});

/**
 * Production check: /api/app/messages takes the caller's word for `userId`, so on the internet it must be
 * reachable only by the shop's own backend, which proves itself with APP_API_KEY.
 */
export function appChannelProductionIssues(config: { NODE_ENV: string; APP_API_KEY?: string }): { key: string; message: string }[] {
  if (config.NODE_ENV !== 'production' || config.APP_API_KEY) return [];
  return [{ key: 'APP_API_KEY', message: 'is required in production: without it anyone can post as any app user' }];
}
