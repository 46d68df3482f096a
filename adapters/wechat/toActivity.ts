/**
 * WeChat inbound mapping (pure): a pushed message (parsed, decrypted XML) → an Activity, or the reason
 * there is none. Voice uses WeChat's own speech recognition (the Recognition field) or, without it, is
 * marked for transcription (unheardVoice) with its MediaId; a subscribe event
 * becomes a conversationUpdate (the bot's welcome); a menu CLICK becomes its EventKey as text.
 * The message is parsed by its zod schema (inboundSchema.ts) first; anything malformed is `invalid`.
 */
import { Activity, ActivityTypes } from 'botbuilder';
import { pushActivity, pushDedupeKey } from '../wechatKit/pushActivity';
import { describeIssue, wechatInboundSchema } from './inboundSchema';
import { field, WeChatXml } from '../wechatKit/wechatXml';

export const WECHAT_CHANNEL_ID = 'wechat';
const CHANNEL = { channelId: WECHAT_CHANNEL_ID, serviceUrl: 'wechat://official-account' };

export type WeChatInbound =
  | { kind: 'activity'; activity: Partial<Activity>; dedupeKey: string }
  /** content the bot cannot read (video, a voice without recognition …): answer politely */
  | { kind: 'unsupported'; what: string; openid: string; account: string; dedupeKey: string }
  /** nothing to answer (unsubscribe, menu links, location reports) */
  | { kind: 'ignore' }
  | { kind: 'invalid'; reason: string };

const ID = /^[A-Za-z0-9_-]{1,128}$/;

export function toActivity(xml: WeChatXml): WeChatInbound {
  // the schema first: every element read below is then a string of a sane length (or absent)
  const parsed = wechatInboundSchema.safeParse(xml);
  if (!parsed.success) return { kind: 'invalid', reason: describeIssue(parsed.error) };
  const openid = field(xml, 'FromUserName');
  const account = field(xml, 'ToUserName');
  const msgType = field(xml, 'MsgType').toLowerCase();
  const createTime = Number(field(xml, 'CreateTime'));
  if (!ID.test(openid)) return { kind: 'invalid', reason: 'FromUserName is missing or malformed' };
  if (!ID.test(account)) return { kind: 'invalid', reason: 'ToUserName is missing or malformed' };
  if (!msgType) return { kind: 'invalid', reason: 'MsgType is missing' };
  if (!Number.isFinite(createTime) || createTime <= 0) return { kind: 'invalid', reason: 'CreateTime is missing or malformed' };
  const msgId = field(xml, 'MsgId');
  if (msgId && !/^\d{1,24}$/.test(msgId)) return { kind: 'invalid', reason: 'MsgId is malformed' };
  const ids = { openid, account, msgType, createTime, msgId, event: field(xml, 'Event') };
  const dedupeKey = pushDedupeKey(ids);

  const base = (extra: Partial<Activity>): Partial<Activity> => pushActivity(CHANNEL, ids, dedupeKey, extra);
  const activity = (extra: Partial<Activity>): WeChatInbound => ({ kind: 'activity', activity: base(extra), dedupeKey });
  const unsupported = (what: string): WeChatInbound => ({ kind: 'unsupported', what, openid, account, dedupeKey });

  switch (msgType) {
    case 'text': {
      const text = field(xml, 'Content');
      return text.trim() ? activity({ text }) : { kind: 'invalid', reason: 'Content is empty' };
    }
    case 'image': {
      const url = field(xml, 'PicUrl');
      if (!/^https?:\/\//.test(url)) return { kind: 'invalid', reason: 'PicUrl is missing' };
      return activity({ text: '', attachments: [{ contentType: 'image/jpeg', contentUrl: url, name: field(xml, 'MediaId') || undefined }] });
    }
    case 'voice': {
      const recognition = field(xml, 'Recognition').trim();
      if (recognition) return activity({ text: recognition, channelData: { msgType, msgId, voice: true } });
      // not recognised by WeChat: the route transcribes the media (unheardVoice) or asks the customer to type
      const mediaId = field(xml, 'MediaId').trim();
      const format = field(xml, 'Format').trim() || undefined;
      return mediaId ? activity({ text: '', channelData: { msgType, msgId, voice: true, mediaId, format } }) : unsupported('voice');
    }
    case 'location': {
      const latitude = Number(field(xml, 'Location_X'));
      const longitude = Number(field(xml, 'Location_Y'));
      if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return { kind: 'invalid', reason: 'Location_X/Location_Y are malformed' };
      const label = field(xml, 'Label');
      return activity({ text: label, entities: [{ type: 'GeoCoordinates', latitude, longitude, name: label || undefined }] });
    }
    case 'event':
      return eventToActivity(xml, base, dedupeKey);
    default:
      // video, shortvideo, link, file, music …
      return unsupported(msgType);
  }
}

/** A voice message WeChat did not recognise: what is needed to download and transcribe it. */
export function unheardVoice(activity: Partial<Activity>): { mediaId: string; format?: string } | undefined {
  const data = activity.channelData as { voice?: boolean; mediaId?: string; format?: string } | undefined;
  return data?.voice && !activity.text && data.mediaId ? { mediaId: data.mediaId, format: data.format } : undefined;
}

function eventToActivity(xml: WeChatXml, base: (extra: Partial<Activity>) => Partial<Activity>, dedupeKey: string): WeChatInbound {
  const event = field(xml, 'Event').toLowerCase();
  if (event === 'subscribe') {
    const activity = base({ type: ActivityTypes.ConversationUpdate, text: undefined });
    activity.membersAdded = [activity.from!];
    return { kind: 'activity', activity, dedupeKey };
  }
  if (event === 'click') {
    const key = field(xml, 'EventKey').trim();
    if (!key) return { kind: 'invalid', reason: 'EventKey is empty' };
    return { kind: 'activity', activity: base({ text: key, channelData: { msgType: 'event', event } }), dedupeKey };
  }
  if (!event) return { kind: 'invalid', reason: 'Event is missing' };
  return { kind: 'ignore' };
}
