/**
 * The shape of a pushed WeChat message (after XML parsing, values kept as strings) for the elements the
 * channel reads. Every push is parsed by it before any field is used: an element of the wrong shape
 * (nested where text belongs, repeated, non-numeric) is a 400 naming it. Other elements pass through.
 */
import { z } from 'zod';

const ID = /^[A-Za-z0-9_-]{1,128}$/;
const text = (max: number) => z.string().max(max);

export const wechatInboundSchema = z
  .object({
    ToUserName: z.string().regex(ID, 'must be 1–128 letters, digits, _ or -'),
    FromUserName: z.string().regex(ID, 'must be 1–128 letters, digits, _ or -'),
    CreateTime: z.string().regex(/^[1-9]\d{0,11}$/, 'must be a positive number of seconds'),
    MsgType: z.string().min(1).max(32),
    MsgId: z.string().regex(/^\d{1,24}$/, 'must be digits').optional(),
    // WeChat's text limit is 2,048 bytes; the body limit (64 KB) bounds it anyway
    Content: text(8192).optional(),
    PicUrl: text(2048).optional(),
    MediaId: text(256).optional(),
    Recognition: text(8192).optional(),
    Format: text(16).optional(),
    Location_X: text(32).optional(),
    Location_Y: text(32).optional(),
    Label: text(1024).optional(),
    Event: text(64).optional(),
    EventKey: text(1024).optional(),
  })
  .passthrough();

export type WeChatInboundXml = z.infer<typeof wechatInboundSchema>;

/** "Content: Expected string, received object" — the first few problems, for the 400. */
export function describeIssue(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'xml'}: ${issue.message}`)
    .join('; ');
}
