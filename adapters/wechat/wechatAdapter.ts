/**
 * The WeChat channel's BotAdapter. During a webhook turn, replies are collected (the route answers
 * with a passive reply or hands them to the customer-service API); outside one (proactive messages
 * from campaigns or agents) they go straight out through the customer-service message API.
 */
import crypto from 'node:crypto';
import { Activity, ResourceResponse, TurnContext } from 'botbuilder';
import { ChannelAdapter, ChannelNotSupportedError } from '../channelAdapter';
import type { Logger } from '../../platform/logger';
import { render, WeChatMessage } from './render';
import type { WeChatApi } from './wechatApi';


export class WeChatAdapter extends ChannelAdapter {
  protected readonly channelName = 'WeChat';

  constructor(
    /** public for campaign delivery's template messages (adapters/campaignDelivery.ts) */
    readonly api: WeChatApi,
    private readonly logger: Logger,
  ) {
    super();
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
