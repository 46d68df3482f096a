/**
 * App channel inbound mapping (pure): the JSON a shop's app or mini-program backend posts → an Activity.
 * Returns either the activity or the reason the payload is refused. Every field is typed and bounded;
 * fields we do not know are dropped, and the channel, conversation and sender are never taken from the
 * body: `userId` is the only identity, and the route's APP_API_KEY is what vouches for it.
 */
import { Activity, ActivityTypes } from 'botbuilder';
import { z } from 'zod';
import { MAX_JSON_DEPTH, nestedDeeperThan } from '../jsonDepth';
import { decodeDataUrl, isDataUrl, MAX_PICTURE_BYTES, pictureAttachment } from './dataUrlPictures';

export const APP_CHANNEL_ID = 'app';

const attachmentSchema = z
  .object({
    contentType: z.string().min(1).max(200),
    // stored on tickets and shown to agents as a link: web URLs only (no javascript:, file:); a picture may
    // come inline as a data:image URL instead, which is decoded here and never stored as a link
    contentUrl: z
      .union([
        z.string().max(2048).url().regex(/^https?:\/\//i, 'must be an http(s) URL'),
        z.string().refine(isDataUrl, 'must be an http(s) URL or a data:image/(png|jpeg|webp);base64 URL'),
      ])
      .optional(),
    name: z.string().max(256).optional(),
    content: z.unknown().optional(),
  })
  .strict();

export const appMessageSchema = z
  .object({
    userId: z.string().trim().min(1).max(256),
    text: z.string().max(4000).optional(),
    attachments: z.array(attachmentSchema).max(10).optional(),
    locale: z
      .string()
      .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'must be a language tag such as zh-CN or en-US')
      .optional(),
  })
  .refine((m) => (m.text !== undefined && m.text.trim() !== '') || (m.attachments?.length ?? 0) > 0, {
    message: 'text or attachments is required',
    path: ['text'],
  });

export type AppMessage = z.infer<typeof appMessageSchema>;

/** `tooLarge`: an inline picture over 5 MB (the route answers 413) */
export type Mapped = { ok: true; activity: Partial<Activity> } | { ok: false; reason: string; tooLarge?: boolean };

type AppAttachment = NonNullable<AppMessage['attachments']>[number];

/** The activity's attachments; an inline picture is decoded (its bytes ride on the attachment, not its URL). */
function attachmentsOf(list: AppAttachment[] | undefined): { ok: true; attachments?: Activity['attachments'] } | { ok: false; reason: string; tooLarge?: boolean } {
  if (!list) return { ok: true };
  const attachments: NonNullable<Activity['attachments']> = [];
  for (const [i, a] of list.entries()) {
    if (!isDataUrl(a.contentUrl)) {
      attachments.push({ contentType: a.contentType, contentUrl: a.contentUrl, name: a.name, content: a.content });
      continue;
    }
    const picture = decodeDataUrl(a.contentUrl, MAX_PICTURE_BYTES);
    if (!picture.ok) return { ok: false, reason: `attachments.${i}.contentUrl: ${picture.reason}`, tooLarge: picture.tooLarge };
    attachments.push(pictureAttachment(picture.contentType, picture.bytes, a.name));
  }
  return { ok: true, attachments };
}

export function toActivity(body: unknown, activityId: string, now: Date): Mapped {
  // attachment content is free-form JSON: bound its nesting before anything walks it
  if (nestedDeeperThan(body)) return { ok: false, reason: `body: nested more than ${MAX_JSON_DEPTH} levels deep` };
  const parsed = appMessageSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `${issue.path.join('.') || 'body'}: ${issue.message}` };
  }
  const m = parsed.data;
  const files = attachmentsOf(m.attachments);
  if (!files.ok) return files;
  return {
    ok: true,
    activity: {
      type: ActivityTypes.Message,
      id: activityId,
      channelId: APP_CHANNEL_ID,
      serviceUrl: 'app://local',
      timestamp: now,
      from: { id: m.userId, name: m.userId, role: 'user' },
      recipient: { id: 'bot', name: 'bot', role: 'bot' },
      conversation: { id: `app:${m.userId}`, isGroup: false, conversationType: 'personal', name: '' },
      text: m.text ?? '',
      attachments: files.attachments,
      locale: m.locale ?? 'zh-CN',
    },
  };
}
