/**
 * The shape of a Mini Program push (JSON or XML, values as strings — see pushBody.ts) for the elements
 * the channel reads. Every push passes it before any field is used: an element of the wrong shape is a
 * 400 naming it. Other elements pass through.
 */
import { z } from 'zod';

const ID = /^[A-Za-z0-9_-]{1,128}$/;
const text = (max: number) => z.string().max(max);

export const miniProgramInboundSchema = z
  .object({
    ToUserName: z.string().regex(ID, 'must be 1–128 letters, digits, _ or -'),
    FromUserName: z.string().regex(ID, 'must be 1–128 letters, digits, _ or -'),
    CreateTime: z.string().regex(/^[1-9]\d{0,11}$/, 'must be a positive number of seconds'),
    MsgType: z.string().min(1).max(32),
    MsgId: z.string().regex(/^\d{1,24}$/, 'must be digits').optional(),
    Content: text(8192).optional(),
    PicUrl: text(2048).optional(),
    MediaId: text(256).optional(),
    Format: text(16).optional(),
    Recognition: text(8192).optional(),
    Title: text(512).optional(),
    AppId: text(64).optional(),
    PagePath: text(1024).optional(),
    ThumbUrl: text(2048).optional(),
    ThumbMediaId: text(256).optional(),
    Event: text(64).optional(),
    SessionFrom: text(1024).optional(),
    UnionId: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, 'must be 1–128 letters, digits, _ or -').optional(),
  })
  .passthrough();

/** "Content: Expected string, received object" — the first few problems, for the 400. */
export function describeIssue(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`)
    .join('; ');
}
