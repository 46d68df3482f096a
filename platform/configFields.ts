/** Field helpers shared by every area's config schema. */
import { z } from 'zod';

/** An optional string where an empty value (KEY=) counts as unset. */
export const optionalString = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z.string().optional(),
);

/** true/false/1/0/yes/no → boolean. */
export const boolFlag = z
  .string()
  .transform((v, ctx) => {
    const s = v.trim().toLowerCase();
    if (['true', '1', 'yes', 'on'].includes(s)) return true;
    if (['false', '0', 'no', 'off', ''].includes(s)) return false;
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'must be true or false' });
    return z.NEVER;
  });
