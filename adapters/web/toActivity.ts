/**
 * Web chat inbound mapping (pure): an activity a Direct Line client POSTs → the Activity the bot sees.
 * The user id comes from the token's `user` claim when it has one (Direct Line semantics: ids embedded
 * in a token cannot be forged), otherwise from the client's `from.id`.
 */
import { Activity } from 'botbuilder';
import { z } from 'zod';

/** Every Direct Line client (the chat page, botframework-directlinejs, a custom app) is the `webchat` channel. */
export const WEB_CHANNEL_ID = 'webchat';
export const WEB_BOT_ID = 'bot';
export const WEB_SERVICE_URL = 'directline://local';
export const MAX_TEXT_LENGTH = 4000;

const attachmentSchema = z
  .object({
    contentType: z.string().min(1).max(200),
    contentUrl: z.string().max(2048).optional(),
    thumbnailUrl: z.string().max(2048).optional(),
    name: z.string().max(256).optional(),
    content: z.unknown().optional(),
  })
  .strip();

const postedSchema = z
  .object({
    type: z.enum(['message', 'event', 'typing']),
    from: z.object({ id: z.string().trim().min(1).max(256).optional(), name: z.string().max(256).optional() }).optional(),
    text: z.string().max(MAX_TEXT_LENGTH, `text is longer than ${MAX_TEXT_LENGTH} characters`).optional(),
    textFormat: z.enum(['plain', 'markdown', 'xml']).optional(),
    attachments: z.array(attachmentSchema).max(10).optional(),
    value: z.unknown().optional(),
    name: z.string().max(256).optional(),
    locale: z.string().regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'must be a language tag such as zh-CN').optional(),
    localTimestamp: z.string().max(64).optional(),
    localTimezone: z.string().max(64).optional(),
    entities: z.array(z.record(z.unknown())).max(20).optional(),
    channelData: z.record(z.unknown()).optional(),
    replyToId: z.string().max(256).optional(),
  })
  .strip()
  .refine((a) => a.type !== 'message' || (a.text ?? '').trim() !== '' || (a.attachments?.length ?? 0) > 0 || a.value !== undefined, {
    message: 'a message needs text, attachments or a value',
    path: ['text'],
  })
  .refine((a) => a.type !== 'event' || (a.name ?? '') !== '', { message: 'an event needs a name', path: ['name'] });

export interface InboundContext {
  conversationId: string;
  /** user id embedded in the caller's token, if any */
  tokenUserId?: string;
  /** locale the conversation was started with */
  conversationLocale?: string;
  now: Date;
}

export type Mapped = { ok: true; activity: Partial<Activity> } | { ok: false; reason: string };

export function toActivity(body: unknown, ctx: InboundContext): Mapped {
  const parsed = postedSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `${issue.path.join('.') || 'activity'}: ${issue.message}` };
  }
  const a = parsed.data;
  const userId = ctx.tokenUserId ?? a.from?.id;
  if (!userId) return { ok: false, reason: 'from.id: the user id is required' };
  const activity: Partial<Activity> = {
    type: a.type,
    channelId: WEB_CHANNEL_ID,
    serviceUrl: WEB_SERVICE_URL,
    timestamp: ctx.now,
    from: { id: userId, name: a.from?.name ?? '', role: 'user' },
    recipient: { id: WEB_BOT_ID, name: WEB_BOT_ID, role: 'bot' },
    conversation: { id: ctx.conversationId, isGroup: false, conversationType: 'personal', name: '' },
    locale: a.locale ?? ctx.conversationLocale ?? 'zh-CN',
  };
  const optional = {
    text: a.text,
    textFormat: a.textFormat,
    attachments: a.attachments as Activity['attachments'] | undefined,
    value: a.value,
    name: a.name,
    localTimestamp: a.localTimestamp as unknown as Date | undefined,
    localTimezone: a.localTimezone,
    entities: a.entities as Activity['entities'] | undefined,
    channelData: a.channelData,
    replyToId: a.replyToId,
  };
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) (activity as Record<string, unknown>)[key] = value;
  return { ok: true, activity };
}

/** The conversationUpdate Direct Line sends the bot when a user joins a conversation (the bot greets). */
export function joinActivity(conversationId: string, userId: string, locale: string, now: Date): Partial<Activity> {
  return {
    type: 'conversationUpdate',
    channelId: WEB_CHANNEL_ID,
    serviceUrl: WEB_SERVICE_URL,
    timestamp: now,
    from: { id: userId, name: '', role: 'user' },
    recipient: { id: WEB_BOT_ID, name: WEB_BOT_ID, role: 'bot' },
    conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
    membersAdded: [{ id: WEB_BOT_ID, name: WEB_BOT_ID }, { id: userId, name: '' }],
    locale,
  };
}
