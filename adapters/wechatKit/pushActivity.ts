/**
 * What a WeChat message push becomes on either WeChat channel (Official Account, Mini Program): the key
 * its retries are recognised by, and the Activity the bot sees — the sender's openid as the user, one
 * personal conversation per openid, Chinese by default, the push's type and id kept in channelData.
 */
import { Activity, ActivityTypes } from 'botbuilder';

export interface PushIds {
  openid: string;
  /** the account the push was sent to (ToUserName) */
  account: string;
  msgType: string;
  createTime: number;
  /** '' for events, which carry no MsgId */
  msgId: string;
  event: string;
}

/** A message by its MsgId; an event (no MsgId), as WeChat advises, by sender + CreateTime (+ the event). */
export function pushDedupeKey(ids: PushIds): string {
  return ids.msgId ? `m:${ids.msgId}` : `e:${ids.openid}:${ids.createTime}:${ids.event}`;
}

export function pushActivity(channel: { channelId: string; serviceUrl: string }, ids: PushIds, dedupeKey: string, extra: Partial<Activity>): Partial<Activity> {
  const { openid, account, msgType, createTime, msgId } = ids;
  return {
    type: ActivityTypes.Message,
    id: msgId || dedupeKey,
    channelId: channel.channelId,
    serviceUrl: channel.serviceUrl,
    timestamp: new Date(createTime * 1000),
    from: { id: openid, name: openid, role: 'user' },
    recipient: { id: account, name: account, role: 'bot' },
    conversation: { id: `${channel.channelId}:${openid}`, isGroup: false, conversationType: 'personal', name: '' },
    locale: 'zh-CN',
    channelData: { msgType, msgId: msgId || undefined },
    ...extra,
  };
}
