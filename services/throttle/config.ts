/** Keys of the failure throttles: wrong admin tokens and wrong account-link codes (composed into ../../config.ts). */
import { z } from 'zod';
import { boolFlag } from '../../platform/configFields';

export const throttleConfigSchema = z.object({
  /** Wrong admin tokens one address may send per 15 minutes; then every admin request from it gets 429. */
  ADMIN_MAX_FAILURES: z.coerce.number().int().min(1).default(10),
  /** Behind a reverse proxy: take the admin client's address from X-Forwarded-For (set by that proxy). */
  ADMIN_TRUST_PROXY: boolFlag.default('false'),
  /** Wrong link codes one source address may send per 10 minutes (channels that know the address). */
  LINK_CODE_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(10),
  /** Wrong link codes from everyone together per 10 minutes; then linking by code pauses for everyone. */
  LINK_CODE_MAX_FAILURES_GLOBAL: z.coerce.number().int().min(1).default(200),
  /** A code stops working once this many wrong codes were sent while it was live. */
  LINK_CODE_LOCK_AFTER_FAILURES: z.coerce.number().int().min(1).max(1000).default(10),
});
