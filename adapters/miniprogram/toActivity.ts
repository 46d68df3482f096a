/**
 * Mini Program inbound mapping (pure): a push (parsed, decrypted; JSON or XML alike) → an Activity, or
 * the reason there is none. Text and images as on the Official Account; a `miniprogrampage` card (the
 * customer shared a page of the store's Mini Program) becomes the name of the product its PagePath
 * names (`?id=` / `productId=`; else the page title), so "this one" afterwards means that product; a voice message needs its
 * text first (the route asks wechatKit/voiceText); `user_enter_tempsession` (the customer opened the
 * customer-service chat) is the welcome; a subscription popup's accepted templates are consents for
 * campaign messages. The push is checked by its zod schema first; anything malformed is `invalid`.
 */
import { Activity, ActivityTypes } from 'botbuilder';
import { pushActivity, pushDedupeKey } from '../wechatKit/pushActivity';
import { describeIssue, miniProgramInboundSchema } from './inboundSchema';
import type { PushRecord } from './pushBody';

export const MINIPROGRAM_CHANNEL_ID = 'miniprogram';
const CHANNEL = { channelId: MINIPROGRAM_CHANNEL_ID, serviceUrl: 'wechat://mini-program' };

export type MiniProgramInbound =
  | { kind: 'activity'; activity: Partial<Activity>; dedupeKey: string; unionId?: string }
  /** a voice message: its text comes from WeChat's recognition or a transcription of the media */
  | { kind: 'voice'; activity: Partial<Activity>; dedupeKey: string; unionId?: string; recognition?: string; mediaId?: string; format?: string }
  /** the customer allowed these subscription-message templates (one send each) */
  | { kind: 'consent'; openid: string; templateIds: string[]; dedupeKey: string }
  /** content the bot cannot read: answered politely */
  | { kind: 'unsupported'; what: string; openid: string; dedupeKey: string }
  | { kind: 'ignore' }
  | { kind: 'invalid'; reason: string };

/** Product names by id, so a shared product page reads as the product (knowledge, from the composition root). */
export type ProductNames = (productId: string) => string | undefined;

const PRODUCT_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** The product a Mini Program page path names (`pages/product/index?id=p1`, `…?productId=p1`). */
export function productIdOf(pagePath: string): string | undefined {
  const query = pagePath.split('?')[1];
  if (!query) return undefined;
  const params = new URLSearchParams(query);
  const id = params.get('productId') ?? params.get('id') ?? '';
  return PRODUCT_ID.test(id) ? id : undefined;
}

export function toActivity(record: PushRecord, productNames?: ProductNames): MiniProgramInbound {
  const parsed = miniProgramInboundSchema.safeParse(record);
  if (!parsed.success) return { kind: 'invalid', reason: describeIssue(parsed.error) };
  const push = parsed.data;
  const openid = push.FromUserName;
  const account = push.ToUserName;
  const msgType = push.MsgType.toLowerCase();
  const createTime = Number(push.CreateTime);
  const msgId = push.MsgId ?? '';
  const event = (push.Event ?? '').toLowerCase();
  const ids = { openid, account, msgType, createTime, msgId, event };
  const dedupeKey = pushDedupeKey(ids);
  const unionId = push.UnionId || undefined;

  const base = (extra: Partial<Activity>): Partial<Activity> => pushActivity(CHANNEL, ids, dedupeKey, extra);
  const activity = (extra: Partial<Activity>): MiniProgramInbound => ({ kind: 'activity', activity: base(extra), dedupeKey, ...(unionId ? { unionId } : {}) });

  switch (msgType) {
    case 'text': {
      const text = push.Content ?? '';
      return text.trim() ? activity({ text }) : { kind: 'invalid', reason: 'Content is empty' };
    }
    case 'image': {
      const url = push.PicUrl ?? '';
      if (!/^https?:\/\//.test(url) && !push.MediaId) return { kind: 'invalid', reason: 'PicUrl or MediaId is required' };
      return activity({ text: '', attachments: [{ contentType: 'image/jpeg', contentUrl: /^https?:\/\//.test(url) ? url : undefined, name: push.MediaId || undefined }] });
    }
    case 'miniprogrampage': {
      const title = (push.Title ?? '').trim();
      const productId = productIdOf(push.PagePath ?? '');
      const name = productId ? productNames?.(productId) : undefined;
      // the product's own name, not the page title ("限时特惠 好物推荐" would read as a request for advice)
      const text = name ?? title;
      if (!text) return { kind: 'invalid', reason: 'Title is empty' };
      return activity({ text, channelData: { msgType, msgId: msgId || undefined, pagePath: push.PagePath, productId, title } });
    }
    case 'voice': {
      const recognition = (push.Recognition ?? '').trim() || undefined;
      const voice = base({ text: recognition ?? '', channelData: { msgType, msgId: msgId || undefined, voice: true } });
      return { kind: 'voice', activity: voice, dedupeKey, ...(unionId ? { unionId } : {}), recognition, mediaId: push.MediaId, format: push.Format };
    }
    case 'event':
      return eventToInbound(record, event, base, dedupeKey, openid, unionId);
    default:
      // video, file, link …
      return { kind: 'unsupported', what: msgType, openid, dedupeKey };
  }
}

function eventToInbound(
  record: PushRecord,
  event: string,
  base: (extra: Partial<Activity>) => Partial<Activity>,
  dedupeKey: string,
  openid: string,
  unionId: string | undefined,
): MiniProgramInbound {
  if (event === 'user_enter_tempsession') {
    const activity = base({ type: ActivityTypes.ConversationUpdate, text: undefined });
    activity.membersAdded = [activity.from!];
    return { kind: 'activity', activity, dedupeKey, ...(unionId ? { unionId } : {}) };
  }
  if (event === 'subscribe_msg_popup_event') return { kind: 'consent', openid, templateIds: acceptedTemplates(record), dedupeKey };
  if (!event) return { kind: 'invalid', reason: 'Event is missing' };
  return { kind: 'ignore' };
}

/** The accepted templates of a subscription popup: JSON `List: [...]`, XML `SubscribeMsgPopupEvent > List` (one or many). */
function acceptedTemplates(record: PushRecord): string[] {
  const xmlList = (record.SubscribeMsgPopupEvent as PushRecord | undefined)?.List;
  const list = record.List ?? xmlList;
  const items = (Array.isArray(list) ? list : [list]).slice(0, 20) as unknown[];
  return items
    .filter((item): item is PushRecord => item !== null && typeof item === 'object')
    .filter((item) => String(item.SubscribeStatusString ?? '').toLowerCase() === 'accept')
    .map((item) => String(item.TemplateId ?? ''))
    .filter((id) => /^[A-Za-z0-9_-]{1,128}$/.test(id));
}
