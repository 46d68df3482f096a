/**
 * Reaching a customer outside their own turn (an agent's reply, a notice, the satisfaction question):
 * the contract between the agent desk (services) and the channel adapters that implement it. No Bot
 * Framework types here; the implementation lives with the adapters and is wired at the composition root.
 */

export interface OutboundMessage {
  text: string;
  /** agent: a person's reply; notice: "an agent joined" / "the bot is back"; csat: the 1–5 rating question */
  kind: 'agent' | 'notice' | 'csat';
  /** quick replies where the channel has them (the CSAT question offers 1…5) */
  suggestions?: string[];
  /** the agent's display name, for channels that show a sender */
  agentName?: string;
}

export interface DeliveryResult {
  /** the channel it went to (the one the customer used last), or none when the customer has no reachable channel */
  channelId?: string;
  delivered: boolean;
  /** why not, when not delivered: e.g. 'no_channel', 'wechat_window_closed', 'channel_error' */
  reason?: string;
}

export interface CustomerDelivery {
  deliver(customerId: string, message: OutboundMessage): Promise<DeliveryResult>;
}
