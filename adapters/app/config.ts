/** App channel keys. The app channel is always on: it is how the shop's own app and mini-program backend talk to the bot. */
import { z } from 'zod';
import { optionalString } from '../../configSchemas/fields';

export const appChannelConfigSchema = z.object({
  /** Largest JSON body accepted on /api/app/messages, in bytes. */
  APP_MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(256 * 1024),
  /** Optional shared secret: when set, the app backend must send `Authorization: Bearer <APP_API_KEY>`. */
  APP_API_KEY: optionalString.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
});
