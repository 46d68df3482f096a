/**
 * The HTTP boundary's shared pieces: JSON errors in one shape, bounded body reading, bearer checks.
 * Every route rejects bad input here with a 4xx before any turn exists.
 */
import crypto from 'node:crypto';
import type { Request, Response } from 'restify';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export function sendJson(res: Response, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(payload) });
  res.end(payload);
}

export function sendError(res: Response, err: HttpError): void {
  sendJson(res, err.status, { error: { code: err.code, message: err.message } });
}

/** Reads the raw body, refusing more than maxBytes (413) without buffering it. */
export async function readRawBody(req: Request, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    req.resume();
    throw new HttpError(413, 'payload_too_large', `body exceeds ${maxBytes} bytes`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      req.resume();
      throw new HttpError(413, 'payload_too_large', `body exceeds ${maxBytes} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Reads and parses a JSON object body: wrong content type or malformed JSON → 400, too large → 413. */
export async function readJsonObject(req: Request, maxBytes: number): Promise<Record<string, unknown>> {
  const type = String(req.headers['content-type'] ?? '').toLowerCase();
  if (!type.startsWith('application/json')) {
    req.resume();
    throw new HttpError(400, 'unsupported_content_type', 'Content-Type must be application/json');
  }
  const raw = await readRawBody(req, maxBytes);
  let value: unknown;
  try {
    value = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new HttpError(400, 'malformed_json', 'body is not valid JSON');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new HttpError(400, 'invalid_body', 'body must be a JSON object');
  }
  return value as Record<string, unknown>;
}

export function constantTimeEqual(a: string, b: string): boolean {
  const ha = crypto.createHash('sha256').update(a).digest();
  const hb = crypto.createHash('sha256').update(b).digest();
  return crypto.timingSafeEqual(ha, hb);
}

/** Checks `Authorization: Bearer <token>`; unset token means the API is switched off. */
export function requireBearer(req: Request, token: string | undefined, what: string): void {
  if (!token) throw new HttpError(403, 'disabled', `${what} is disabled: set its token in the configuration`);
  const header = String(req.headers.authorization ?? '');
  const match = /^Bearer\s+(.+)$/i.exec(header);
  if (!match || !constantTimeEqual(match[1].trim(), token)) throw new HttpError(401, 'unauthorized', 'missing or wrong bearer token');
}

type Handler = (req: Request, res: Response) => Promise<void>;

/** Wraps a route: HttpError → its JSON error; anything else → 500 without internals. */
export function route(handler: Handler, onUnexpected: (err: unknown, req: Request) => void): Handler {
  return async (req, res) => {
    try {
      await handler(req, res);
    } catch (err) {
      if (res.headersSent) return;
      if (err instanceof HttpError) return sendError(res, err);
      onUnexpected(err, req);
      sendError(res, new HttpError(500, 'internal', 'internal error'));
    }
  };
}

/** The query string (the server has no query parser plugin; routes read what they need). */
export function queryOf(req: Request): URLSearchParams {
  return new URL(req.url ?? '/', 'http://local').searchParams;
}

/** The query string as a plain object (the last value wins for a repeated key). */
export function queryObject(req: Request): Record<string, string> {
  return Object.fromEntries(queryOf(req).entries());
}
