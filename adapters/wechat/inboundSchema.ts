/**
 * The shape of a pushed WeChat message (after XML parsing, values kept as strings) for the elements the
 * channel reads. Every push is parsed by it before any field is used: an element of the wrong shape
 * (nested where text belongs, repeated, non-numeric) is a 400 naming it. Other elements pass through.
 */
import { z } from 'zod';
import { describeZodIssues } from '../../platform/zodIssues';
import { wechatMessageFields, wechatText } from '../wechatKit/inboundFields';

export const wechatInboundSchema = z
  .object({
    ...wechatMessageFields,
    Location_X: wechatText(32).optional(),
    Location_Y: wechatText(32).optional(),
    Label: wechatText(1024).optional(),
    EventKey: wechatText(1024).optional(),
  })
  .passthrough();

export type WeChatInboundXml = z.infer<typeof wechatInboundSchema>;

/** "Content: Expected string, received object" — the first few problems, for the 400. */
export function describeIssue(error: z.ZodError): string {
  return describeZodIssues(error, 'xml');
}
