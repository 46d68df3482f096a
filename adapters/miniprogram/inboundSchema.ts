/**
 * The shape of a Mini Program push (JSON or XML, values as strings — see pushBody.ts) for the elements
 * the channel reads. Every push passes it before any field is used: an element of the wrong shape is a
 * 400 naming it. Other elements pass through.
 */
import { z } from 'zod';
import { describeZodIssues } from '../../platform/zodIssues';
import { wechatId, wechatMessageFields, wechatText } from '../wechatKit/inboundFields';

export const miniProgramInboundSchema = z
  .object({
    ...wechatMessageFields,
    Title: wechatText(512).optional(),
    AppId: wechatText(64).optional(),
    PagePath: wechatText(1024).optional(),
    ThumbUrl: wechatText(2048).optional(),
    ThumbMediaId: wechatText(256).optional(),
    SessionFrom: wechatText(1024).optional(),
    UnionId: wechatId().optional(),
  })
  .passthrough();

/** "Content: Expected string, received object" — the first few problems, for the 400. */
export function describeIssue(error: z.ZodError): string {
  return describeZodIssues(error, 'body');
}
