/** Keys of staff logins (composed into ../../config.ts). */
import { z } from 'zod';

export const staffConfigSchema = z.object({
  /** How long a staff login (agent console, dashboard, review page) lasts, in hours. */
  STAFF_SESSION_HOURS: z.coerce.number().min(0.05).max(24 * 30).default(12),
  /** Wrong passwords one address may send for one username per 15 minutes; then logins for it get 429. */
  STAFF_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
});
