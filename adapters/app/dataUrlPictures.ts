/**
 * Pictures the app sends inline, as `data:image/(png|jpeg|webp);base64,…` URLs of up to 5 MB decoded. The
 * bytes ride on the activity's attachment under a symbol (never in `contentUrl`, so a ticket, the dialog
 * state or a log never carries megabytes of base64) for AppAdapter.readAttachment; nothing the app names
 * by an http(s) address is ever fetched.
 *
 * The body limit: a request with such pictures may be larger than APP_MAX_BODY_BYTES by the pictures'
 * base64 (at most 5 MB decoded in all); everything else in it still has to fit the usual limit.
 */
import type { Attachment } from 'botbuilder';
import type { Request } from 'restify';
import { HttpError, readRawBody } from '../../platform/http';
import { keptPictureBytes, MAX_PICTURE_BYTES, pictureAttachment } from '../pictureBytes';

export { MAX_PICTURE_BYTES, pictureAttachment };
/** base64 of MAX_PICTURE_BYTES, plus room for the `data:…;base64,` prefixes */
const PICTURE_ALLOWANCE = Math.ceil(MAX_PICTURE_BYTES / 3) * 4 + 1024;
const DATA_URL = /^data:(image\/(?:png|jpeg|webp));base64,/i;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function isDataUrl(url: unknown): url is string {
  return typeof url === 'string' && DATA_URL.test(url);
}

export type DecodedPicture = { ok: true; contentType: string; bytes: Buffer } | { ok: false; reason: string; tooLarge?: boolean };

/** Decodes one data: URL picture (pure); too large or not base64 is a reason, never an exception. */
export function decodeDataUrl(url: string, maxBytes = MAX_PICTURE_BYTES): DecodedPicture {
  const prefix = DATA_URL.exec(url);
  if (!prefix) return { ok: false, reason: 'must be a data:image/(png|jpeg|webp);base64 URL' };
  const payload = url.slice(prefix[0].length);
  // the decoded size, known before decoding anything
  const size = Math.floor((payload.length * 3) / 4) - (payload.endsWith('==') ? 2 : payload.endsWith('=') ? 1 : 0);
  if (size > maxBytes) return { ok: false, reason: `the picture is larger than ${maxBytes} bytes`, tooLarge: true };
  if (payload.length % 4 !== 0 || !BASE64.test(payload)) return { ok: false, reason: 'the picture is not valid base64' };
  return { ok: true, contentType: prefix[1].toLowerCase(), bytes: Buffer.from(payload, 'base64') };
}

/** The bytes of a picture the app sent inline (on the attachment, or still as a data: URL), at most maxBytes. */
export function inlinePictureBytes(attachment: Attachment, maxBytes: number): Buffer | undefined {
  const kept = keptPictureBytes(attachment, Number.MAX_SAFE_INTEGER);
  if (kept) return kept.length <= maxBytes ? kept : undefined;
  if (!isDataUrl(attachment.contentUrl)) return undefined;
  const decoded = decodeDataUrl(attachment.contentUrl, maxBytes);
  return decoded.ok ? decoded.bytes : undefined;
}

function dataUrlChars(body: Record<string, unknown>): number {
  const attachments = Array.isArray(body.attachments) ? (body.attachments as unknown[]) : [];
  let chars = 0;
  for (const a of attachments) {
    const url = (a as { contentUrl?: unknown } | null)?.contentUrl;
    if (isDataUrl(url)) chars += url.length;
  }
  return chars;
}

/** Reads the app's JSON body: the usual limit, raised by the inline pictures' share only. */
export async function readAppBody(req: Request, maxBodyBytes: number): Promise<Record<string, unknown>> {
  const type = String(req.headers['content-type'] ?? '').toLowerCase();
  if (!type.startsWith('application/json')) {
    req.resume();
    throw new HttpError(400, 'unsupported_content_type', 'Content-Type must be application/json');
  }
  const raw = await readRawBody(req, maxBodyBytes + PICTURE_ALLOWANCE);
  let value: unknown;
  try {
    value = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new HttpError(400, 'malformed_json', 'body is not valid JSON');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new HttpError(400, 'invalid_body', 'body must be a JSON object');
  const body = value as Record<string, unknown>;
  if (raw.length > maxBodyBytes && raw.length - dataUrlChars(body) > maxBodyBytes) {
    throw new HttpError(413, 'payload_too_large', `body exceeds ${maxBodyBytes} bytes (inline pictures aside)`);
  }
  return body;
}
