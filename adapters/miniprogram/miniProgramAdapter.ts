/**
 * The Mini Program channel's BotAdapter. During a webhook turn replies are collected (the route sends
 * them through the customer-service API once the turn is over); outside one (agents, campaigns) they go
 * straight out the same way. It can also read the pictures customers send (AttachmentSource): the media
 * by its MediaId through cgi-bin/media/get, or the PicUrl when WeChat's own CDN serves it.
 */
import crypto from 'node:crypto';
import type { Activity, Attachment, ResourceResponse, TurnContext } from 'botbuilder';
import type { AttachmentSource } from '../../dialogs/turn/turnContracts';
import type { Logger } from '../../platform/logger';
import { ChannelAdapter, ChannelNotSupportedError } from '../channelAdapter';
import type { CardThumb } from './cardThumb';
import { readLimited } from '../boundedDownload';
import { isWeChatImageHost } from '../wechatKit/pictureHosts';
import { MiniProgramApi } from './miniProgramApi';
import { isHeroLike } from '../renderKit';
import { MiniProgramMessage, render } from './render';

export class MiniProgramAdapter extends ChannelAdapter implements AttachmentSource {
  protected readonly channelName = 'Mini Program';

  constructor(
    /** public for campaign delivery's subscription messages */
    readonly api: MiniProgramApi,
    private readonly logger: Logger,
    private readonly cards: { productPage?: string; thumb?: CardThumb } = {},
  ) {
    super();
  }

  async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const replies = this.collectedReplies(context);
    const visible = activities.filter((a) => a.type === 'message');
    if (replies) replies.push(...visible);
    else {
      const openid = context.activity.conversation?.id?.replace(/^miniprogram:/, '') ?? context.activity.recipient?.id;
      if (!openid) throw new ChannelNotSupportedError(this.channelName, 'a message without a recipient');
      await this.deliver(openid, await this.render(visible));
    }
    return activities.map(() => ({ id: crypto.randomUUID() }));
  }

  /** The activities as Mini Program messages; the card picture is looked up only when a card needs it. */
  async render(activities: Partial<Activity>[]): Promise<MiniProgramMessage[]> {
    const { productPage, thumb } = this.cards;
    const hasCard = activities.some((a) => (a.attachments ?? []).some(isHeroLike));
    const thumbMediaId = productPage && hasCard ? await thumb?.mediaId() : undefined;
    return render(activities, { productPage, thumbMediaId });
  }

  /** Sends messages through the customer-service API, in order; stops at the first refusal. */
  async deliver(openid: string, messages: MiniProgramMessage[]): Promise<void> {
    for (const message of messages) await this.api.sendCustomMessage(openid, message);
  }

  /** Like deliver, for background use: failures are logged (ids only), never thrown. */
  async deliverQuietly(openid: string, messages: MiniProgramMessage[]): Promise<void> {
    try {
      await this.deliver(openid, messages);
    } catch (err) {
      const e = err as Error & { errcode?: number };
      this.logger.error({ err: { name: e.name, message: e.message, errcode: e.errcode }, openid }, 'Mini Program customer-service message failed');
    }
  }

  async readAttachment(attachment: Attachment, maxBytes: number): Promise<Buffer | undefined> {
    if (!attachment.contentType?.startsWith('image/')) return undefined;
    if (attachment.name) return this.api.downloadMedia(attachment.name, maxBytes);
    const url = attachment.contentUrl;
    if (!url || !isWeChatImageHost(url)) return undefined;
    const res = await fetch(url, { signal: AbortSignal.timeout(10_000), redirect: 'error' });
    return res.ok ? readLimited(res, maxBytes) : undefined;
  }
}
