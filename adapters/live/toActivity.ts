/**
 * Live room inbound (pure): the connector's batch of comments → validated comments, and a viewer's
 * comment → the Activity of a private turn in that viewer's own session. The viewer is whoever the
 * connector (holding LIVE_API_KEY) says, scoped by the room's platform, so a Douyin user id can never
 * speak as a Taobao one; the channel is always `live`, whatever the body says.
 */
import { Activity, ActivityTypes } from 'botbuilder';
import { z } from 'zod';
import { hasCjk } from '../../platform/text/normalize';

export const LIVE_CHANNEL_ID = 'live';
export const MAX_COMMENTS_PER_BATCH = 500;

export const commentSchema = z
  .object({
    userId: z.string().trim().min(1).max(128),
    nickname: z.string().max(64).optional(),
    text: z.string().max(500).default(''),
    /** when the platform says the comment was written: ms since 1970 or an ISO time */
    ts: z.union([z.number().int().nonnegative(), z.string().datetime({ offset: true })]).optional(),
    /** what the platform delivered: text, or room events and media the bot cannot read */
    type: z.enum(['text', 'gift', 'like', 'follow', 'enter', 'image', 'sticker']).default('text'),
    /** a direct message (私信) from the viewer to the store's account, not a public comment */
    private: z.boolean().default(false),
  })
  .strict()
  .refine((c) => c.type !== 'text' || c.text.trim() !== '', { message: 'text is required for a text comment', path: ['text'] });

export type LiveComment = z.infer<typeof commentSchema>;

export const batchSchema = z.object({ comments: z.array(z.unknown()).min(1) }).strict();

export type Parsed = { ok: true; comments: LiveComment[] } | { ok: false; status: 400 | 413; reason: string };

export function parseBatch(body: unknown): Parsed {
  const batch = batchSchema.safeParse(body);
  if (!batch.success) {
    const issue = batch.error.issues[0];
    return { ok: false, status: 400, reason: `${issue.path.join('.') || 'body'}: ${issue.message}` };
  }
  if (batch.data.comments.length > MAX_COMMENTS_PER_BATCH) return { ok: false, status: 413, reason: `at most ${MAX_COMMENTS_PER_BATCH} comments per batch` };
  const comments: LiveComment[] = [];
  for (const [i, raw] of batch.data.comments.entries()) {
    const parsed = commentSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, status: 400, reason: `comments.${i}.${issue.path.join('.') || ''}: ${issue.message}` };
    }
    comments.push(parsed.data);
  }
  return { ok: true, comments };
}

/** The viewer's user id in the customer directory: the platform's id under the room's platform. */
export const viewerIdOf = (platform: string, userId: string): string => `${platform}:${userId}`;

/** The conversation a viewer's private turns run in; it names the room so replies reach its outbox. */
export const conversationIdOf = (roomId: string, viewerId: string): string => `live:${roomId}:${viewerId}`;

export function roomOfConversation(conversationId: string | undefined): string | undefined {
  const m = /^live:(lr_[0-9a-f]+):/.exec(conversationId ?? '');
  return m?.[1];
}

export function toActivity(roomId: string, platform: string, comment: LiveComment, activityId: string, now: Date): Partial<Activity> {
  const viewer = viewerIdOf(platform, comment.userId);
  return {
    type: ActivityTypes.Message,
    id: activityId,
    channelId: LIVE_CHANNEL_ID,
    serviceUrl: 'live://local',
    timestamp: now,
    // the nickname is personal and the bot has no use for it: the id stands for the viewer
    from: { id: viewer, name: viewer, role: 'user' },
    recipient: { id: 'bot', name: 'bot', role: 'bot' },
    conversation: { id: conversationIdOf(roomId, viewer), isGroup: false, conversationType: 'personal', name: '' },
    text: comment.text,
    locale: hasCjk(comment.text) || !/[a-z]/i.test(comment.text) ? 'zh-CN' : 'en-US',
    channelData: { roomId, platformUserId: comment.userId },
  };
}
