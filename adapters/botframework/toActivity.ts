/**
 * Bot Framework inbound mapping (pure): the JSON posted to /api/messages → the Activity CloudAdapter
 * runs, or the reason it is refused. Every field the bot or botbuilder reads is typed and bounded here,
 * so a wrong type is a 400 and never a failed turn; fields we do not know are dropped.
 *
 * Whose word the identity is: authenticated traffic comes from the Bot Framework service, which
 * botbuilder verifies (JWT signature, the key's channel endorsements, the serviceUrl claim), so its
 * channelId stands. Unauthenticated (Emulator) traffic asserts nothing: its channelId is always
 * `emulator`, so it can never resolve to a customer of another channel.
 */
import type { Activity } from 'botbuilder';
import { z } from 'zod';
import { MAX_JSON_DEPTH, nestedDeeperThan } from '../jsonDepth';
import { isHttpUrl, isLoopbackServiceUrl } from './serviceUrl';

export const EMULATOR_CHANNEL_ID = 'emulator';

const shortText = (max: number) => z.string().max(max);
const account = z.object({
  id: z.string().min(1).max(256),
  name: shortText(256).optional(),
  role: shortText(32).optional(),
  aadObjectId: shortText(256).optional(),
});
const conversation = z.object({
  id: z.string().min(1).max(512),
  name: shortText(256).optional(),
  isGroup: z.boolean().optional(),
  conversationType: shortText(64).optional(),
  tenantId: shortText(256).optional(),
});
const attachment = z.object({
  contentType: z.string().min(1).max(255),
  contentUrl: shortText(4096).optional(),
  thumbnailUrl: shortText(4096).optional(),
  name: shortText(512).optional(),
  content: z.unknown().optional(),
});
const entity = z.object({ type: z.string().max(128) }).passthrough();

export const inboundActivitySchema = z
  .object({
    type: z.string().min(1).max(64),
    id: shortText(512).optional(),
    channelId: z.string().min(1).max(64),
    serviceUrl: z.string().min(1).max(2048),
    timestamp: shortText(64).optional(),
    localTimestamp: shortText(64).optional(),
    localTimezone: shortText(64).optional(),
    from: account.optional(),
    recipient: account.optional(),
    conversation,
    text: shortText(10000).optional(),
    textFormat: shortText(32).optional(),
    speak: shortText(10000).optional(),
    inputHint: shortText(32).optional(),
    locale: z
      .string()
      .max(35)
      .regex(/^([a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*)?$/, 'must be a language tag such as zh-CN or en-US')
      .optional(),
    attachments: z.array(attachment).max(20).optional(),
    entities: z.array(entity).max(50).optional(),
    channelData: z.unknown().optional(),
    value: z.unknown().optional(),
    name: shortText(256).optional(),
    replyToId: shortText(512).optional(),
    membersAdded: z.array(account).max(100).optional(),
    membersRemoved: z.array(account).max(100).optional(),
    action: shortText(64).optional(),
    deliveryMode: shortText(32).optional(),
  })
  .superRefine((a, ctx) => {
    if (a.type === 'message' && !a.from) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['from'], message: 'is required on a message' });
  });

export type Mapped =
  | { ok: true; activity: Partial<Activity> }
  | { ok: false; code: 'invalid_activity' | 'invalid_service_url'; reason: string };

/**
 * `trusted`: the request carries a Bot Framework token that botbuilder will verify (an app id is set);
 * otherwise this is Emulator traffic.
 */
export function toActivity(body: unknown, trusted: boolean): Mapped {
  if (nestedDeeperThan(body)) {
    return { ok: false, code: 'invalid_activity', reason: `activity is nested more than ${MAX_JSON_DEPTH} levels deep` };
  }
  const parsed = inboundActivitySchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, code: 'invalid_activity', reason: `activity.${issue.path.join('.') || '(body)'}: ${issue.message}` };
  }
  const activity = parsed.data;
  if (trusted) {
    if (!isHttpUrl(activity.serviceUrl)) return { ok: false, code: 'invalid_service_url', reason: 'activity.serviceUrl must be an http(s) URL' };
    return { ok: true, activity: activity as Partial<Activity> };
  }
  if (!isLoopbackServiceUrl(activity.serviceUrl)) {
    return {
      ok: false,
      code: 'invalid_service_url',
      reason: 'without a MicrosoftAppId, activity.serviceUrl must be http(s)://localhost, 127.0.0.0/8 or [::1]',
    };
  }
  // an anonymous "skill" call would make botbuilder treat the request as coming from another bot
  if (activity.recipient?.role === 'skill') return { ok: false, code: 'invalid_activity', reason: 'activity.recipient.role: skill calls are not accepted' };
  return { ok: true, activity: { ...activity, channelId: EMULATOR_CHANNEL_ID } as Partial<Activity> };
}
