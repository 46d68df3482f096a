/**
 * Direct Line 3.0 uploads (`POST …/conversations/:id/upload`), as Web Chat sends a picture: a
 * multipart/form-data body with one `activity` part (the message as JSON, type
 * application/vnd.microsoft.activity) and one part per file. Only pictures are taken (PNG, JPEG, WebP by
 * their own first bytes, not only by what the client declares), at most 3, each at most 5 MB. Everything is
 * read into memory and checked before anything is kept or run: no file touches the disk, and a refused
 * upload leaves nothing behind. The pictures' bytes ride on the attachments (../pictureBytes.ts), never in
 * the activity's JSON: the echo and the transcript carry `{contentType, name}` only.
 */
import type { Readable } from 'node:stream';
import type { Attachment } from 'botbuilder';
import busboy from 'busboy';
import type { Request } from 'restify';
import { HttpError } from '../../platform/http';
import { MAX_JSON_DEPTH, textNestsDeeperThan } from '../jsonDepth';
import { MAX_PICTURE_BYTES, pictureAttachment, sniffPictureType } from '../pictureBytes';
import { InboundContext, Mapped, toActivity } from './toActivity';

export const MAX_UPLOAD_PICTURES = 3;
/** What clients declare for the three picture types (image/jpg and image/pjpeg are JPEG in the wild). */
const DECLARED_TYPES = new Set(['image/png', 'image/jpeg', 'image/jpg', 'image/pjpeg', 'image/webp']);
/** Web Chat puts a thumbnail (a data: URL) on each attachment of the activity part; it is dropped here. */
const THUMBNAIL_ALLOWANCE = 256 * 1024;
/** Room for the multipart boundaries and part headers. */
const FRAMING_ALLOWANCE = 16 * 1024;
const MAX_NAME_LENGTH = 200;

export interface UploadedPicture {
  contentType: string;
  name?: string;
  bytes: Buffer;
}

export interface Upload {
  activity: Record<string, unknown>;
  pictures: UploadedPicture[];
}

const malformed = (message: string) => new HttpError(400, 'malformed_upload', message);

/** A file name to show: no folders, no control characters, not endless. */
function cleanName(filename: string | undefined): string | undefined {
  const base = (filename ?? '').split(/[\\/]/).pop()?.replace(/[\u0000-\u001f\u007f]/g, '').trim() ?? '';
  return base ? base.slice(0, MAX_NAME_LENGTH) : undefined;
}

/** Collects a part's bytes; more than `limit` → the error `tooLarge` makes. */
function collect(stream: Readable, limit: number, tooLarge: () => HttpError): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        stream.resume();
        stream.removeAllListeners('data');
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    // busboy cuts a file at its fileSize limit and says so
    stream.on('limit', () => reject(tooLarge()));
    stream.on('error', () => reject(malformed('a part of the form ended early')));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

/** Reads an upload: wrong form → 400, too large → 413, not a picture → 415; nothing is kept on failure. */
export async function readUpload(req: Request, maxActivityBytes: number): Promise<Upload> {
  const type = String(req.headers['content-type'] ?? '').toLowerCase();
  if (!type.startsWith('multipart/form-data')) {
    req.resume();
    throw new HttpError(400, 'unsupported_content_type', 'an upload is multipart/form-data: an activity part and picture files');
  }
  const activityLimit = maxActivityBytes + MAX_UPLOAD_PICTURES * THUMBNAIL_ALLOWANCE;
  const bodyLimit = activityLimit + MAX_UPLOAD_PICTURES * MAX_PICTURE_BYTES + FRAMING_ALLOWANCE;
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > bodyLimit) {
    req.resume();
    throw new HttpError(413, 'picture_too_large', `an upload is at most ${MAX_UPLOAD_PICTURES} pictures of ${MAX_PICTURE_BYTES} bytes each`);
  }
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: req.headers,
      // busboy cuts a file that reaches fileSize: one byte more tells a picture of exactly 5 MB from a larger one
      limits: { fileSize: MAX_PICTURE_BYTES + 1, files: MAX_UPLOAD_PICTURES + 1, fields: 2, parts: MAX_UPLOAD_PICTURES + 2, fieldSize: activityLimit, headerPairs: 20 },
    });
  } catch {
    req.resume();
    throw malformed('the multipart form has no boundary');
  }
  return new Promise<Upload>((resolve, reject) => {
    let failed = false;
    let activityText: string | undefined;
    const parts: Promise<void>[] = [];
    const pictures: UploadedPicture[] = [];
    let pictureParts = 0;
    const fail = (err: unknown) => {
      if (failed) return;
      failed = true;
      // the rest of the body is read and dropped, never kept
      req.unpipe(parser);
      req.resume();
      reject(err instanceof HttpError ? err : malformed('the multipart form is malformed'));
    };
    const setActivity = (text: string) => {
      if (activityText !== undefined) throw malformed('the upload has two activity parts');
      activityText = text;
    };
    parser.on('field', (name, value, info) => {
      if (failed) return;
      if (name !== 'activity') return fail(malformed(`unexpected form field "${name.slice(0, 40)}"`));
      if (info.valueTruncated) return fail(new HttpError(413, 'activity_too_large', 'the activity part is too large'));
      try {
        setActivity(value);
      } catch (err) {
        fail(err);
      }
    });
    parser.on('file', (name, stream, info) => {
      if (failed) return void stream.resume();
      // browsers give a Blob without a file name the name "blob": the activity part may come as a file
      if (name === 'activity') {
        const tooLarge = () => new HttpError(413, 'activity_too_large', 'the activity part is too large');
        parts.push(collect(stream, activityLimit, tooLarge).then((bytes) => setActivity(bytes.toString('utf8'))).catch(fail));
        return;
      }
      if (++pictureParts > MAX_UPLOAD_PICTURES) {
        stream.resume();
        return fail(malformed(`at most ${MAX_UPLOAD_PICTURES} pictures per message`));
      }
      if (!DECLARED_TYPES.has(info.mimeType.toLowerCase())) {
        stream.resume();
        return fail(new HttpError(415, 'unsupported_media_type', 'only pictures can be sent: PNG, JPEG or WebP'));
      }
      const tooLarge = () => new HttpError(413, 'picture_too_large', `a picture is at most ${MAX_PICTURE_BYTES} bytes`);
      const slot = pictureParts - 1;
      const picture = collect(stream, MAX_PICTURE_BYTES, tooLarge).then((bytes) => {
        const contentType = sniffPictureType(bytes);
        if (!contentType) throw new HttpError(415, 'unsupported_media_type', 'the file is not a PNG, JPEG or WebP picture');
        const name = cleanName(info.filename);
        // in the order the customer picked them, whichever part finished first
        pictures[slot] = { contentType, bytes, ...(name ? { name } : {}) };
      });
      parts.push(picture.catch(fail));
    });
    const tooMany = () => fail(malformed(`at most ${MAX_UPLOAD_PICTURES} pictures and one activity per upload`));
    parser.on('filesLimit', tooMany);
    parser.on('partsLimit', tooMany);
    parser.on('fieldsLimit', tooMany);
    parser.on('error', fail);
    req.on('error', fail);
    req.on('aborted', () => fail(malformed('the upload was cut off')));
    parser.on('close', () => {
      void Promise.all(parts).then(() => {
        if (failed) return;
        try {
          resolve({ activity: parseActivity(activityText), pictures });
        } catch (err) {
          fail(err);
        }
      });
    });
    req.pipe(parser);
  });
}

function parseActivity(text: string | undefined): Record<string, unknown> {
  if (text === undefined) throw malformed('the upload has no activity part');
  if (textNestsDeeperThan(text)) throw malformed(`the activity nests objects or arrays deeper than ${MAX_JSON_DEPTH} levels`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw malformed('the activity part is not valid JSON');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw malformed('the activity part must be a JSON object');
  return value as Record<string, unknown>;
}

/** The message an upload carries; its pictures become attachments with their bytes out of sight. */
export function uploadActivity(upload: Upload, ctx: InboundContext, queryUserId?: string): Mapped {
  if (upload.pictures.length === 0) return { ok: false, reason: 'the upload has no picture' };
  // what the activity part says about its attachments (names, Web Chat's thumbnails) is replaced by the files
  const { attachments: _described, ...rest } = upload.activity;
  const from = (rest.from ?? {}) as Record<string, unknown>;
  // Web Chat also names the user in the query: it stands in for a missing from.id (a token's user wins over both)
  const withUser = queryUserId && !Array.isArray(from) && from.id === undefined ? { from: { ...from, id: queryUserId } } : {};
  const body = {
    ...rest,
    ...withUser,
    attachments: upload.pictures.map((p) => ({ contentType: p.contentType, ...(p.name ? { name: p.name } : {}) })),
  };
  const mapped = toActivity(body, ctx);
  if (!mapped.ok) return mapped;
  if (mapped.activity.type !== 'message') return { ok: false, reason: 'type: an upload carries a message' };
  mapped.activity.attachments = upload.pictures.map((p): Attachment => pictureAttachment(p.contentType, p.bytes, p.name));
  return mapped;
}
