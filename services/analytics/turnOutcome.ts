/**
 * What analytics is told about every finished message turn: the bot fills it in (in turnState), the
 * analytics middleware (bots/analyticsMiddleware.ts) hands it to TurnEventRecorder. No Bot Framework types.
 */
export interface TurnOutcome {
  customerId: string;
  channelId: string;
  intent?: string;
  confidence?: number;
  language?: string;
  sentimentLabel?: string;
  anger?: number;
  interceptedBy?: string;
  latencyMs: number;
  attempts: number;
  error?: string;
  /** shopping-funnel steps this turn reached (each at most once), marked by the dialogs */
  funnel?: FunnelStep[];
  /** set when this turn handed the customer to a human: the handoff's reason */
  handoffReason?: string;
  /** the bot answered with its "I did not understand" reply (marked by the dialog that says it) */
  fallback?: boolean;
}

/**
 * The shopping funnel as the dashboard counts it: recommendation cards shown → a card opened (its
 * "more about" button or a detail question) / an add-to-cart link given → a coupon or gift claimed.
 */
export const FUNNEL_STEPS = ['recommendationsShown', 'cardClicks', 'cartLinks', 'offersClaimed', 'giftsClaimed'] as const;

export type FunnelStep = (typeof FUNNEL_STEPS)[number];
