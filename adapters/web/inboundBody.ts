/**
 * Reading what Direct Line clients send, before anything is kept or run: a bounded body, nesting
 * bounded on the raw text before parsing (../jsonDepth.ts), JSON parsed, then a zod schema. Bad input
 * is a 400 naming the field.
 */
import type { Request } from 'restify';
import { z } from 'zod';
import { describeZodIssues } from '../../platform/zodIssues';
import { HttpError, readRawBody } from '../../platform/http';
import { MAX_JSON_DEPTH, textNestsDeeperThan } from '../jsonDepth';

/** A JSON object body: wrong content type, malformed or too deep → 400, too large → 413. */
export async function readJsonBody(req: Request, maxBytes: number): Promise<Record<string, unknown>> {
  const type = String(req.headers['content-type'] ?? '').toLowerCase();
  if (!type.startsWith('application/json')) {
    req.resume();
    throw new HttpError(400, 'unsupported_content_type', 'Content-Type must be application/json');
  }
  const text = (await readRawBody(req, maxBytes)).toString('utf8');
  if (textNestsDeeperThan(text)) {
    throw new HttpError(400, 'bad_argument', `the body nests objects or arrays deeper than ${MAX_JSON_DEPTH} levels`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'malformed_json', 'body is not valid JSON');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new HttpError(400, 'invalid_body', 'body must be a JSON object');
  }
  return value as Record<string, unknown>;
}

/** An optional JSON body: no body at all is `{}` (clients POST to start/generate without one). */
export async function readOptionalJsonBody(req: Request, maxBytes: number): Promise<Record<string, unknown>> {
  const length = req.headers['content-length'];
  const chunked = req.headers['transfer-encoding'] !== undefined;
  if ((length === undefined || length === '0') && !chunked) return {};
  return readJsonBody(req, maxBytes);
}

/** The first zod issue as `path: message`, which is what a 400 says. */
export function describeIssue(error: z.ZodError): string {
  return describeZodIssues(error, 'body', 1);
}

export const LOCALE = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/;

/** Body of tokens/generate and of starting a conversation (both optional in Direct Line). */
const startBodySchema = z
  .object({
    user: z.object({ id: z.string().trim().min(1).max(256).optional(), name: z.string().max(256).optional() }).strip().optional(),
    // a string that is no language tag is ignored, as before: the conversation then speaks zh-CN
    locale: z.string().max(64).optional(),
    // Direct Line's generate accepts trustedOrigins; this endpoint has no use for them
    trustedOrigins: z.array(z.string().max(2048)).max(20).optional(),
  })
  .strip();

export function parseStartBody(body: Record<string, unknown>): { id?: string; locale?: string } {
  const parsed = startBodySchema.safeParse(body);
  if (!parsed.success) throw new HttpError(400, 'bad_argument', describeIssue(parsed.error));
  const locale = parsed.data.locale !== undefined && LOCALE.test(parsed.data.locale) ? parsed.data.locale : undefined;
  return { id: parsed.data.user?.id, locale };
}
