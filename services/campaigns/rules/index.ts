/**
 * Channel rules for proactive (campaign) messages: the pure decisions (channelRules.ts, quietHours.ts)
 * and the stores they read — opt-outs, the send log (weekly cap, WeChat window count), Mini Program
 * consents, alert subscriptions made in chat, and messages kept for a web chat customer's next visit.
 * The channel-specific sending is adapters/campaignDelivery.ts.
 */
import type { DocumentStore } from '../../../storage/documentStore';
import { AlertSubscriptions } from './alertSubscriptions';
import { MiniProgramConsents } from './consents';
import { HeldMessages } from './heldMessages';
import { OptOuts } from './optOuts';
import { CampaignSendLog } from './sendLog';

export * from './types';
export * from './channelRules';
export { quietUntil, DEFAULT_QUIET_HOURS, type QuietHours } from './quietHours';
export { AlertSubscriptions, ALERT_SUBSCRIPTIONS, type AlertKind, type AlertSubscription } from './alertSubscriptions';
export { MiniProgramConsents, MINIPROGRAM_CONSENTS } from './consents';
export { HeldMessages, CAMPAIGN_HELD } from './heldMessages';
export { OptOuts, CAMPAIGN_OPT_OUTS } from './optOuts';
export { CampaignSendLog, CAMPAIGN_SEND_LOG } from './sendLog';
export { campaignRulesConfigSchema, campaignRuleSettings } from './config';

/** The stores, over one DocumentStore (either backend). */
export interface OutreachStores {
  optOuts: OptOuts;
  sendLog: CampaignSendLog;
  consents: MiniProgramConsents;
  alerts: AlertSubscriptions;
  held: HeldMessages;
}

export async function createOutreachStores(store: DocumentStore): Promise<OutreachStores> {
  await Promise.all([CampaignSendLog.ensureIndexes(store), MiniProgramConsents.ensureIndexes(store), AlertSubscriptions.ensureIndexes(store), HeldMessages.ensureIndexes(store)]);
  return { optOuts: new OptOuts(store), sendLog: new CampaignSendLog(store), consents: new MiniProgramConsents(store), alerts: new AlertSubscriptions(store), held: new HeldMessages(store) };
}
