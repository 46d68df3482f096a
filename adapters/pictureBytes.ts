/**
 * Pictures a customer hands over inside the request itself (the app's data: URLs, web chat's multipart
 * uploads): the bytes ride on the activity's attachment under a non-enumerable symbol, so JSON, spreads,
 * the stored transcript, a ticket or a log never carry them, while the channel's readAttachment still can.
 * A picture that arrives this way is never fetched from anywhere.
 */
import type { Attachment } from 'botbuilder';
import { PICTURE_MAX_BYTES } from '../dialogs/turn/turnContracts';

/** The largest picture a channel accepts inline: the bound the picture reader reads up to. */
export const MAX_PICTURE_BYTES = PICTURE_MAX_BYTES;

const PICTURE_BYTES = Symbol('pictureBytes');

/** The activity attachment for a picture: its bytes kept out of sight of JSON and spreads. */
export function pictureAttachment(contentType: string, bytes: Buffer, name?: string): Attachment {
  const attachment: Attachment = { contentType, ...(name ? { name } : {}) };
  Object.defineProperty(attachment, PICTURE_BYTES, { value: bytes, enumerable: false });
  return attachment;
}

/** The bytes kept on an attachment by pictureAttachment, if any and at most maxBytes. */
export function keptPictureBytes(attachment: Attachment, maxBytes: number): Buffer | undefined {
  const kept = (attachment as unknown as Record<symbol, unknown>)[PICTURE_BYTES];
  return Buffer.isBuffer(kept) && kept.length <= maxBytes ? kept : undefined;
}

/** The picture type its first bytes show (PNG, JPEG, WebP), whatever the sender declared. */
export function sniffPictureType(bytes: Buffer): 'image/png' | 'image/jpeg' | 'image/webp' | undefined {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return undefined;
}
