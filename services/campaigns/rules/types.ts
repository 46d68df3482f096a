/**
 * The contract between the campaign engine (services/campaigns: planning and send jobs) and delivery
 * with the channel rules built in (adapters/campaignDelivery.ts), and the reasons a rule records.
 * SendOutcome.reason is one of SKIP, or a failure ('channel_error', 'telegram_429', 'wechat_<errcode>'),
 * or 'wechat_template' on a message sent as a template; `retryAt` marks an outcome as not final.
 */

// the engine's side of the contract (services/campaigns/types.ts) is the one definition: re-exported here
export type { CampaignDelivery, CampaignMessage, SendOutcome } from '../types';

/** Every reason a rule stops a send; the report counts skipped rows by these names. */
export const SKIP = {
  optedOut: 'opted_out',
  frequencyCap: 'frequency_cap',
  quietHours: 'quiet_hours',
  noChannel: 'no_channel',
  channelNotConfigured: 'channel_not_configured',
  wechatWindowClosed: 'wechat_window_closed',
  wechatWindowFull: 'wechat_window_full',
  wechat45015: 'wechat_45015',
  wechat45047: 'wechat_45047',
  miniProgramNoConsent: 'miniprogram_no_consent',
  webchatNextVisit: 'webchat_next_visit',
} as const;

export type SkipReason = (typeof SKIP)[keyof typeof SKIP];
