/**
 * CustomerDelivery over the channels the app serves: an agent's reply, a notice or the satisfaction
 * question goes to the customer on the channel they wrote on last, through that channel's adapter and
 * the stored conversation reference (services/customers/conversationReferences.ts):
 *   app → the app inbox (GET /api/app/messages, /api/app/events); web chat → the Direct Line
 *   conversation (while it is still open); WeChat → the customer-service message API, only within 48
 *   hours of the customer's last WeChat message (WeChat refuses later ones); Mini Program → its customer-service
 *   API within the same 48 hours of the last Mini Program message; Telegram → the Bot API; live room →
 *   the viewer's private outbox (the connector sends it as a direct message); voice → refused (a call
 *   cannot be rung back);
 *   Emulator and other Bot Framework channels → the channel's serviceUrl (CloudAdapter).
 * The message is never logged; a failure is logged by names and ids only.
 */
import type { Activity, ConversationReference, TurnContext } from 'botbuilder';
import type { ConversationLog } from '../services/conversationLog';
import type { ConversationReferences } from '../services/customers/conversationReferences';
import type { CustomerDelivery, DeliveryResult, OutboundMessage } from '../services/delivery/types';
import type { Logger } from '../platform/logger';
import { APP_CHANNEL_ID } from './app';
import { TELEGRAM_CHANNEL_ID } from './telegram';
import { WEB_CHANNEL_ID } from './web';
import { WECHAT_CHANNEL_ID } from './wechat';
import { MINIPROGRAM_CHANNEL_ID } from './miniprogram'; // [miniprogram]
import { LIVE_CHANNEL_ID } from './live';
import { VOICE_CHANNEL_ID } from './voice';

type Logic = (context: TurnContext) => Promise<void>;

/** A channel adapter that can write first (ChannelAdapter.continueConversation). */
export interface ProactiveAdapter {
  continueConversation(reference: Partial<ConversationReference>, logic: Logic): Promise<void>;
}

/** botbuilder's CloudAdapter (Bot Framework channels and the Emulator). */
export interface CloudProactiveAdapter {
  continueConversationAsync(botAppId: string, reference: Partial<ConversationReference>, logic: Logic): Promise<void>;
}

/** The shape of index.ts's `channels`. */
export interface DeliveryChannels {
  app: ProactiveAdapter;
  emulator: CloudProactiveAdapter;
  webchat: { adapter: ProactiveAdapter };
  wechat?: { adapter: ProactiveAdapter };
  telegram?: { adapter: ProactiveAdapter };
  miniprogram?: { adapter: ProactiveAdapter }; // [miniprogram]
  /** the live room's private outbox, which the platform connector delivers as a direct message */
  live?: { adapter: ProactiveAdapter };
}

export interface DeliveryDeps {
  channels: DeliveryChannels;
  references: Pick<ConversationReferences, 'forCustomer'>;
  log: Pick<ConversationLog, 'lastCustomerMessage'>;
  /** MicrosoftAppId; empty in Emulator mode */
  botAppId?: string;
  logger: Logger;
  now?: () => number;
}

/** WeChat's customer-service messages are allowed this long after the customer's last message. */
export const WECHAT_WINDOW_MS = 48 * 60 * 60 * 1000;

export class ChannelDelivery implements CustomerDelivery {
  constructor(private readonly deps: DeliveryDeps) {}

  async deliver(customerId: string, message: OutboundMessage): Promise<DeliveryResult> {
    const references = await this.deps.references.forCustomer(customerId);
    if (references.length === 0) return { delivered: false, reason: 'no_channel' };
    // references are rewritten only when they change, so the log says which channel was used last
    const last = await this.deps.log.lastCustomerMessage(customerId);
    const target = references.find((r) => r.channelId === last?.channelId) ?? references[0];
    const channelId = target.channelId;
    const refused = await this.refusal(customerId, channelId, last);
    if (refused) return { channelId, delivered: false, reason: refused };
    try {
      await this.send(channelId, target.reference as Partial<ConversationReference>, outboundActivity(message));
      return { channelId, delivered: true };
    } catch (err) {
      const name = (err as Error).name;
      this.deps.logger.warn({ customerId, channelId, err: { name, errcode: (err as { errcode?: number }).errcode } }, 'could not deliver a message to the customer');
      return { channelId, delivered: false, reason: name === 'WebChannelError' ? 'conversation_closed' : 'channel_error' };
    }
  }

  /** Why the channel cannot be used now, if it cannot. */
  private async refusal(customerId: string, channelId: string, last: { channelId?: string; at: Date } | undefined): Promise<string | undefined> {
    if (channelId === WECHAT_CHANNEL_ID) {
      if (!this.deps.channels.wechat) return 'channel_not_configured';
      const lastWeChat = last?.channelId === WECHAT_CHANNEL_ID ? last : await this.deps.log.lastCustomerMessage(customerId, WECHAT_CHANNEL_ID);
      const now = this.deps.now?.() ?? Date.now();
      if (!lastWeChat || now - new Date(lastWeChat.at).getTime() > WECHAT_WINDOW_MS) return 'wechat_window_closed';
    }
    if (channelId === TELEGRAM_CHANNEL_ID && !this.deps.channels.telegram) return 'channel_not_configured';
    if (channelId === LIVE_CHANNEL_ID && !this.deps.channels.live) return 'channel_not_configured';
    // a phone call cannot be rung back by the bot: the agent sees why and can reply when the customer writes
    if (channelId === VOICE_CHANNEL_ID) return 'voice_call_ended';
    if (channelId === MINIPROGRAM_CHANNEL_ID) {
      // [miniprogram] the Mini Program's customer-service messages have WeChat's 48-hour window too
      if (!this.deps.channels.miniprogram) return 'channel_not_configured';
      const lastMp = last?.channelId === MINIPROGRAM_CHANNEL_ID ? last : await this.deps.log.lastCustomerMessage(customerId, MINIPROGRAM_CHANNEL_ID);
      const now = this.deps.now?.() ?? Date.now();
      if (!lastMp || now - new Date(lastMp.at).getTime() > WECHAT_WINDOW_MS) return 'wechat_window_closed';
    }
    return undefined;
  }

  private async send(channelId: string, reference: Partial<ConversationReference>, activity: Partial<Activity>): Promise<void> {
    // the adapters' turn-error handler catches a failed send (it apologises in a real turn), so the failure is
    // kept here and rethrown: otherwise a reply WeChat or Telegram refused was reported as delivered
    let failure: unknown;
    const logic: Logic = async (context) => {
      try {
        await context.sendActivity(activity);
      } catch (err) {
        failure ??= err;
        throw err;
      }
    };
    await this.sendThrough(channelId, reference, logic);
    if (failure !== undefined) throw failure;
  }

  private async sendThrough(channelId: string, reference: Partial<ConversationReference>, logic: Logic): Promise<void> {
    const { channels } = this.deps;
    switch (channelId) {
      case APP_CHANNEL_ID:
        return channels.app.continueConversation(reference, logic);
      case WEB_CHANNEL_ID:
        return channels.webchat.adapter.continueConversation(reference, logic);
      case WECHAT_CHANNEL_ID:
        return channels.wechat!.adapter.continueConversation(reference, logic);
      case TELEGRAM_CHANNEL_ID:
        return channels.telegram!.adapter.continueConversation(reference, logic);
      case MINIPROGRAM_CHANNEL_ID: // [miniprogram]
        return channels.miniprogram!.adapter.continueConversation(reference, logic);
      case LIVE_CHANNEL_ID:
        return channels.live!.adapter.continueConversation(reference, logic);
      default:
        // the Emulator and every Azure Bot Service channel came in through /api/messages
        return channels.emulator.continueConversationAsync(this.deps.botAppId ?? '', reference, logic);
    }
  }
}

/** The channel-neutral message: text, and the suggestions as quick replies. */
export function outboundActivity(message: OutboundMessage): Partial<Activity> {
  const activity: Partial<Activity> = { type: 'message', text: message.text };
  if (message.suggestions?.length) {
    activity.suggestedActions = { to: [], actions: message.suggestions.map((s) => ({ type: 'imBack', title: s, value: s })) };
  }
  return activity;
}
