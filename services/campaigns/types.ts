/**
 * The campaign model and the interfaces between the campaign engine and the areas around it: channel
 * delivery (CampaignDelivery, implemented over the channels in adapters/campaignDelivery.ts) and the alert
 * subscriptions made in chat (AlertSubscriptions, kept by dialogs/marketing). No Bot Framework types.
 */

export const CAMPAIGN_TYPES = ['promotion', 'repurchase', 'crossSell', 'winback', 'alert'] as const;
export type CampaignType = (typeof CAMPAIGN_TYPES)[number];

export const CAMPAIGN_STATES = ['scheduled', 'running', 'paused', 'done'] as const;
export type CampaignState = (typeof CAMPAIGN_STATES)[number];

/** Who a campaign goes to; every filter given must hold (an empty audience is everybody). */
export interface Audience {
  /** the customer has an identity on this channel (one of these) */
  channel?: string | string[];
  /** the customer's language (profile, else the language of their messages; unknown counts as zh) */
  language?: 'zh' | 'en';
  skinType?: string | string[];
  /** at least one of these concerns is in the profile */
  concerns?: string[];
  /** bought this product id or a product of this category (orders not cancelled) */
  purchased?: string;
  /** last message before / after: an ISO time or a number of days before planning */
  lastActiveBefore?: string | number;
  lastActiveAfter?: string | number;
}

/** Per-type settings; each has a default. */
export interface CampaignParams {
  /** repurchase: remind this many days before a product runs out (default 10) */
  withinDays?: number;
  /** crossSell: purchases delivered in the last N days (default 14) */
  sinceDays?: number;
  /** winback: silent for N days (default 30) */
  silentDays?: number;
  /** winback / promotion: a coupon of this promotion is issued with each sent message ({coupon} in the text) */
  couponPromotionId?: string;
  /** alert: what the subscribers asked for */
  alert?: { kind: 'restock' | 'priceDrop'; productId: string };
}

export interface CampaignText {
  zh: string;
  en: string;
}

export interface CampaignDoc {
  _id: string;
  name: string;
  type: CampaignType;
  audience: Audience;
  params: CampaignParams;
  /** `{product}`, `{coupon}` are filled in per customer */
  message: CampaignText;
  startAt: Date;
  state: CampaignState;
  createdAt: Date;
  updatedAt: Date;
  createdBy?: string;
  /** bumped by every resume: job keys carry it, so a resumed campaign gets fresh plan/send jobs */
  generation: number;
  /** the last customer id planned (pages walk customers by id); absent before the first page */
  planCursor?: string;
  planned: boolean;
  plannedAt?: Date;
  /** lanes (channel hints) that have rows: the sender works each at its channel's pace */
  lanes: string[];
  /** skip reasons seen, so the report can count each without reading every row */
  reasons: string[];
  doneAt?: Date;
}

export type SendStatus = 'pending' | 'deferred' | 'sending' | 'sent' | 'skipped' | 'failed';

/** One row per (campaign, customer): `_id` = `${campaignId}|${customerId}` is the unique key. */
export interface CampaignSendDoc {
  _id: string;
  campaignId: string;
  customerId: string;
  /** `${campaignId}|${status}|${lane}` while waiting or sending: the one indexed field a claim asks for */
  queue?: string;
  status: SendStatus;
  /** the channel the customer is likely reached on (planning time); only for pacing */
  lane: string;
  /** repurchase / crossSell / alert: the product the message is about */
  productId?: string;
  plannedAt: Date;
  /** deferred rows wait until then (quiet hours, a rate limit) */
  notBefore?: Date;
  lockedBy?: string;
  lockedUntil?: Date;
  attempts: number;
  reason?: string;
  channelId?: string;
  couponCode?: string;
  sentAt?: Date;
  finishedAt?: Date;
}

// ---- delivery (implemented by the channel rules area; the engine only calls it) ----

export interface CampaignMessage {
  campaignId: string;
  customerId: string;
  text: { zh: string; en: string };
  kind: 'campaign';
}

export interface SendOutcome {
  status: 'sent' | 'skipped' | 'failed';
  reason?: string;
  channelId?: string;
  /** not final: try again at this time (quiet hours → the next morning; Telegram 429 → its retry_after) */
  retryAt?: Date;
}

export interface CampaignDelivery {
  send(msg: CampaignMessage, now?: Date): Promise<SendOutcome>;
}

/**
 * Outcomes with a `retryAt`, or without one but with these reasons, are tried again later instead of
 * ending the row: quiet hours (the message waits for the morning), a channel's rate limit.
 */
export const DEFERRING_REASONS = new Set(['quiet_hours', 'rate_limited', 'telegram_429']);

// ---- alert subscriptions (kept by the chat side; read here through this narrow interface) ----

export interface AlertSubscriptions {
  /**
   * Customers subscribed to `kind` alerts on a product, ordered by customer id, after `afterCustomerId`
   * (exclusive), at most `limit`.
   */
  subscribers(kind: 'restock' | 'priceDrop', productId: string, afterCustomerId: string | undefined, limit: number): Promise<string[]>;
  /** optional: the alert went out, so the subscription is used up */
  fulfilled?(kind: 'restock' | 'priceDrop', productId: string, customerId: string): Promise<void>;
}

export const CAMPAIGNS = 'campaigns';
export const CAMPAIGN_SENDS = 'campaignSends';
export const CAMPAIGN_SEGMENTS = 'campaignSegments';
export const PLAN_JOB = 'campaign:plan';
export const SEND_JOB = 'campaign:send';
