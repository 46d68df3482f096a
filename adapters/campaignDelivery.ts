/**
 * CampaignDelivery over the channels the app serves, with every channel rule applied before a send and
 * each stop recorded as a reason (services/campaigns/rules): opted out, the weekly cap, quiet hours
 * (deferred to their end, not dropped), then the channel the customer used last —
 *   app → the app inbox; web chat → kept and shown at the next visit (adapters/web/nextVisit.ts);
 *   WeChat → a customer-service message inside the 48-hour window (at most 5 in it), else the template
 *   message when configured, else skipped; errcodes 45015/45047 recorded, never retried blindly;
 *   Telegram → any time, a 429 rescheduled after its retry_after; Mini Program → one send per one-time
 *   consent (a subscription message, MINIPROGRAM_TEMPLATE_ID); other Bot Framework channels → their serviceUrl.
 * Like adapters/delivery.ts it writes on the customer's last channel, but it calls each channel's API
 * itself so a refusal comes back as a reason instead of disappearing in the adapter's turn-error handler.
 * Message texts are never logged.
 */
import type { Activity, ConversationReference } from 'botbuilder';
import type { ConversationLog } from '../services/conversationLog';
import type { ConversationReferences } from '../services/customers/conversationReferences';
import { customerRules, RuleSettings, WEEK_MS, wechatRefusal, wechatRoute } from '../services/campaigns/rules/channelRules';
import type { OutreachStores } from '../services/campaigns/rules';
import { CampaignDelivery, CampaignMessage, SendOutcome, SKIP } from '../services/campaigns/rules/types';
import type { Logger } from '../platform/logger';
import type { AppInbox } from './app';
import { APP_CHANNEL_ID } from './app';
import { render as renderApp } from './app/render';
import type { CloudProactiveAdapter } from './delivery';
import { TELEGRAM_CHANNEL_ID, TelegramApi, TelegramApiError } from './telegram';
import { render as renderTelegram } from './telegram/render';
import { LIVE_CHANNEL_ID } from './live';
import { VOICE_CHANNEL_ID } from './voice';
import { WEB_CHANNEL_ID } from './web';
import { WECHAT_CHANNEL_ID, WeChatApi, WeChatApiError } from './wechat';
import { render as renderWeChat, WeChatMessage } from './wechat/render';
import { MINIPROGRAM_CHANNEL_ID } from './miniprogram'; // [miniprogram]

export { MINIPROGRAM_CHANNEL_ID };
/** channels campaign messages never go to */
const NO_CAMPAIGNS = new Set([VOICE_CHANNEL_ID, LIVE_CHANNEL_ID]);
/** when Telegram says 429 without a retry_after */
const DEFAULT_RETRY_AFTER_S = 30;

/** Sends one subscription message (Mini Program: adapters/miniprogram/subscriptionSender.ts). */
export interface MiniProgramSender {
  templateId: string;
  send(openid: string, text: string): Promise<void>;
}

export interface CampaignChannels {
  emulator: CloudProactiveAdapter;
  wechat?: { adapter: { api: Pick<WeChatApi, 'call'>; deliver(openid: string, messages: WeChatMessage[]): Promise<void> } };
  telegram?: { adapter: { api: Pick<TelegramApi, 'call'> } };
  miniProgram?: MiniProgramSender;
}

export interface CampaignDeliveryDeps {
  channels: CampaignChannels;
  appInbox: Pick<AppInbox, 'push'>;
  references: Pick<ConversationReferences, 'forCustomer'>;
  log: Pick<ConversationLog, 'lastCustomerMessage' | 'language'>;
  stores: Pick<OutreachStores, 'optOuts' | 'sendLog' | 'consents' | 'held'>;
  settings: RuleSettings;
  /** the customer's time zone when known (else settings.quietHours.zone) */
  zoneOf?: (customerId: string) => Promise<string | undefined>;
  /** MicrosoftAppId; empty in Emulator mode */
  botAppId?: string;
  logger: Logger;
  now?: () => Date;
}

interface Target {
  channelId: string;
  reference: Partial<ConversationReference>;
}

/** A channel's answer: the outcome and how many channel messages it took (WeChat's window counts them). */
type Sent = SendOutcome & { units?: number; held?: boolean };

const skipped = (reason: string, channelId?: string, retryAt?: Date): Sent => ({ status: 'skipped', reason, ...(channelId ? { channelId } : {}), ...(retryAt ? { retryAt } : {}) });

export class ChannelCampaignDelivery implements CampaignDelivery {
  constructor(private readonly deps: CampaignDeliveryDeps) {}

  async send(msg: CampaignMessage, at?: Date): Promise<SendOutcome> {
    const now = at ?? this.deps.now?.() ?? new Date();
    const { optOuts, sendLog } = this.deps.stores;
    if (await optOuts.isOptedOut(msg.customerId)) return skipped(SKIP.optedOut);
    const target = await this.target(msg.customerId);
    if (!target) return skipped(SKIP.noChannel);
    const { channelId } = target;
    if (!this.configured(channelId)) return skipped(SKIP.channelNotConfigured, channelId);
    // reserved first and counted with the reservation: concurrent campaigns cannot both pass the cap
    const reservation = await sendLog.reserve(msg.campaignId, msg.customerId, channelId, now);
    if (reservation.already === 'sent') return { status: 'sent', channelId };
    if (reservation.already === 'held') return skipped(SKIP.webchatNextVisit, channelId);
    let result: Sent;
    try {
      result = await this.decideAndSend(msg, target, now);
    } catch (err) {
      const e = err as Error & { errcode?: number };
      this.deps.logger.warn({ customerId: msg.customerId, campaignId: msg.campaignId, channelId, err: { name: e.name, errcode: e.errcode } }, 'campaign message could not be sent');
      result = { status: 'failed', reason: 'channel_error', channelId };
    }
    const { units, held, ...outcome } = result;
    if (outcome.status === 'sent') await sendLog.confirm(reservation.id, 'sent', units ?? 1, channelId);
    else if (held) await sendLog.confirm(reservation.id, 'held', 0, channelId);
    else await sendLog.release(reservation.id);
    return outcome;
  }

  /** The channel the customer wrote on last (the log knows; references are rewritten only on change). */
  private async target(customerId: string): Promise<Target | undefined> {
    // a phone call cannot be rung back and a live room's direct messages are for the viewer's questions, not
    // campaigns: those customers are reached on another channel they used, or not at all
    const references = (await this.deps.references.forCustomer(customerId)).filter((r) => !NO_CAMPAIGNS.has(r.channelId));
    if (references.length === 0) return undefined;
    const last = await this.deps.log.lastCustomerMessage(customerId);
    const found = references.find((r) => r.channelId === last?.channelId) ?? references[0];
    return { channelId: found.channelId, reference: found.reference as Partial<ConversationReference> };
  }

  private configured(channelId: string): boolean {
    const { channels } = this.deps;
    if (channelId === WECHAT_CHANNEL_ID) return Boolean(channels.wechat);
    if (channelId === TELEGRAM_CHANNEL_ID) return Boolean(channels.telegram);
    // without the channel the consent rule still speaks first (decideAndSend)
    return true;
  }

  private async decideAndSend(msg: CampaignMessage, target: Target, now: Date): Promise<Sent> {
    const { customerId } = msg;
    const { channelId } = target;
    const sends = await this.deps.stores.sendLog.sendsSince(customerId, new Date(now.getTime() - WEEK_MS));
    const zone = await this.deps.zoneOf?.(customerId);
    const rule = customerRules({ optedOut: false, sendsThisWeek: sends - 1, now, zone, heldForVisit: channelId === WEB_CHANNEL_ID }, this.deps.settings);
    if (!rule.send) return skipped(rule.reason, channelId, rule.retryAt);
    const lang = (await this.deps.log.language(customerId)) ?? 'zh';
    const text = msg.text[lang] || msg.text.zh || msg.text.en;
    const activity: Partial<Activity> = { type: 'message', text, channelData: { kind: 'campaign', campaignId: msg.campaignId } };
    switch (channelId) {
      case APP_CHANNEL_ID: {
        const userId = target.reference.user?.id;
        if (!userId) return skipped(SKIP.noChannel, channelId);
        // the app sees it as a campaign message by its name
        await this.deps.appInbox.push(userId, { ...renderApp(activity), name: 'campaign', id: `campaign-${msg.campaignId}`, timestamp: now });
        return { status: 'sent', channelId };
      }
      case WEB_CHANNEL_ID:
        await this.deps.stores.held.hold(msg, now);
        return { ...skipped(SKIP.webchatNextVisit, channelId), held: true };
      case WECHAT_CHANNEL_ID:
        return this.wechat(customerId, target, text, now);
      case TELEGRAM_CHANNEL_ID:
        return this.telegram(target, activity, now);
      case MINIPROGRAM_CHANNEL_ID:
        return this.miniProgram(customerId, target, text);
      default:
        // the Emulator and every Azure Bot Service channel came in through /api/messages
        await this.deps.channels.emulator.continueConversationAsync(this.deps.botAppId ?? '', target.reference, async (context) => {
          await context.sendActivity(activity);
        });
        return { status: 'sent', channelId };
    }
  }

  private async wechat(customerId: string, target: Target, text: string, now: Date): Promise<Sent> {
    const { adapter } = this.deps.channels.wechat!;
    const channelId = WECHAT_CHANNEL_ID;
    const openid = target.reference.user?.id ?? String(target.reference.conversation?.id ?? '').replace(/^wechat:/, '');
    const last = await this.deps.log.lastCustomerMessage(customerId, WECHAT_CHANNEL_ID);
    const lastMessageAt = last ? new Date(last.at) : undefined;
    const sentInWindow = lastMessageAt ? await this.deps.stores.sendLog.unitsSince(customerId, channelId, lastMessageAt) : 0;
    const messages = renderWeChat([{ type: 'message', text }]);
    const route = wechatRoute({ lastMessageAt, now, sentInWindow, units: messages.length }, this.deps.settings);
    if (route.via === 'none') return skipped(route.reason, channelId);
    try {
      if (route.via === 'custom') {
        await adapter.deliver(openid, messages);
        return { status: 'sent', channelId, units: messages.length };
      }
      // the store's template must have a {{content.DATA}} field; template messages do not use up the window
      await adapter.api.call('message/template/send', '/cgi-bin/message/template/send', { touser: openid, template_id: route.templateId, data: { content: { value: text } } });
      return { status: 'sent', channelId, reason: 'wechat_template', units: 0 };
    } catch (err) {
      if (!(err instanceof WeChatApiError)) throw err;
      const refusal = wechatRefusal(err.errcode);
      this.deps.logger.warn({ customerId, channelId, errcode: err.errcode }, 'WeChat refused a campaign message');
      return refusal ? skipped(refusal, channelId) : { status: 'failed', reason: `wechat_${err.errcode}`, channelId };
    }
  }

  private async telegram(target: Target, activity: Partial<Activity>, now: Date): Promise<Sent> {
    const { api } = this.deps.channels.telegram!.adapter;
    const channelId = TELEGRAM_CHANNEL_ID;
    const chatId = String(target.reference.conversation?.id ?? '');
    try {
      for (const call of renderTelegram(activity, chatId)) await api.call(call.method, call.params, { waitOnFlood: false });
      return { status: 'sent', channelId };
    } catch (err) {
      if (!(err instanceof TelegramApiError)) throw err;
      if (err.errorCode === 429) {
        const retryAt = new Date(now.getTime() + (err.retryAfter ?? DEFAULT_RETRY_AFTER_S) * 1000);
        return { status: 'failed', reason: 'telegram_429', channelId, retryAt };
      }
      // 403: the customer blocked the bot; nothing will reach them until they write again
      return { status: 'failed', reason: `telegram_${err.errorCode}`, channelId };
    }
  }

  private async miniProgram(customerId: string, target: Target, text: string): Promise<Sent> {
    const channelId = MINIPROGRAM_CHANNEL_ID;
    const sender = this.deps.channels.miniProgram;
    const { consents } = this.deps.stores;
    if ((await consents.remaining(customerId, sender?.templateId)) === 0) return skipped(SKIP.miniProgramNoConsent, channelId);
    if (!sender) return skipped(SKIP.channelNotConfigured, channelId);
    if (!(await consents.consume(customerId, sender.templateId))) return skipped(SKIP.miniProgramNoConsent, channelId);
    await sender.send(String(target.reference.user?.id ?? ''), text);
    return { status: 'sent', channelId };
  }
}
