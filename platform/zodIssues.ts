import type { z } from 'zod';

/**
 * What a 400 says about input a zod schema refused: the first `max` problems as "path: message", joined
 * by "; ", with `root` naming the whole input when a problem has no path ("body", "xml", "update").
 */
export function describeZodIssues(error: z.ZodError, root = 'body', max = 3): string {
  return error.issues
    .slice(0, max)
    .map((issue) => `${issue.path.join('.') || root}: ${issue.message}`)
    .join('; ');
}
