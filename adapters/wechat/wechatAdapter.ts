/**
 * The WeChat channel's BotAdapter. During a webhook turn, replies are collected (the route answers
 * with a passive reply or hands them to the customer-service API); outside one (proactive messages
 * from campaigns or agents) they go straight out through the customer-service message API. It reads
 * the pictures customers send (readAttachment) through WeChat's media API or WeChat's own image CDN.
 */
import crypto from 'node:crypto';
import { Activity, Attachment, ResourceResponse, TurnContext } from 'botbuilder';
import type { AttachmentSource } from '../../dialogs/turn/turnContracts';
import { ChannelAdapter, ChannelNotSupportedError } from '../channelAdapter';
import type { Logger } from '../../platform/logger';
import { readLimited } from '../boundedDownload';
import { isWeChatImageHost } from '../wechatKit/pictureHosts';
import { render, WeChatMessage } from './render';
import type { WeChatApi } from './wechatApi';

export class WeChatAdapter extends ChannelAdapter implements AttachmentSource {
  protected readonly channelName = 'WeChat';

  constructor(
    /** public for campaign delivery's template messages (adapters/campaignDelivery.ts) */
    readonly api: WeChatApi,
    private readonly logger: Logger,
    /** which picture links are WeChat's own (tests point it at a local fake) */
    private readonly servedByWeChat: (url: string) => boolean = isWeChatImageHost,
  ) {
    super();
  }

  /**
   * The bytes of a picture the customer sent: through cgi-bin/media/get by its MediaId (kept as the
   * attachment's name), else from its PicUrl when WeChat's CDN serves it. undefined when it is not a
   * picture, larger than maxBytes, or neither source gives it.
   */
  async readAttachment(attachment: Attachment, maxBytes: number): Promise<Buffer | undefined> {
    if (!attachment.contentType?.startsWith('image/')) return undefined;
    if (attachment.name) {
      try {
        return await this.api.downloadMedia(attachment.name, maxBytes);
      } catch (err) {
        const e = err as Error & { errcode?: number };
        this.logger.warn({ err: { name: e.name, message: e.message, errcode: e.errcode } }, 'WeChat picture download (media/get) failed; trying PicUrl');
      }
    }
    const url = attachment.contentUrl;
    if (!url || !this.servedByWeChat(url)) return undefined;
    try {
      const res = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(10_000) });
      if (!res.ok) {
        await res.body?.cancel().catch(() => undefined);
        return undefined;
      }
      return await readLimited(res, maxBytes);
    } catch (err) {
      this.logger.warn({ err: { name: (err as Error).name, message: (err as Error).message } }, 'WeChat picture download (PicUrl) failed');
      return undefined;
    }
  }

  async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const replies = this.collectedReplies(context);
    const visible = activities.filter((a) => a.type === 'message');
    if (replies) replies.push(...visible);
    else {
      const openid = context.activity.conversation?.id?.replace(/^wechat:/, '') ?? context.activity.recipient?.id;
      if (!openid) throw new ChannelNotSupportedError(this.channelName, 'a message without a recipient');
      await this.deliver(openid, render(visible));
    }
    return activities.map(() => ({ id: crypto.randomUUID() }));
  }

  /** Sends messages through the customer-service API, in order; stops at the first refusal. */
  async deliver(openid: string, messages: WeChatMessage[]): Promise<void> {
    for (const message of messages) await this.api.sendCustomMessage(openid, message);
  }

  /** Like deliver, for background use: failures are logged (ids only), never thrown. */
  async deliverQuietly(openid: string, messages: WeChatMessage[]): Promise<void> {
    try {
      await this.deliver(openid, messages);
    } catch (err) {
      const e = err as Error & { errcode?: number };
      this.logger.error({ err: { name: e.name, message: e.message, errcode: e.errcode }, openid }, 'WeChat customer-service message failed');
    }
  }
}
