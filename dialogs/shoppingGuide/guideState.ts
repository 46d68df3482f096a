/**
 * The shopping guide's own part of the customer's state (property 'guide'): what was already asked,
 * what was shown, reminders sent. Kept apart from CustomerProfile, which holds what the customer told us.
 */
export interface GuideState {
  /** the customer said "no limit" / "any texture": do not ask again */
  budgetAsked?: boolean;
  textureAsked?: boolean;
  /** products of the last recommendation, best first */
  lastRecommended?: string[];
  /** productId → ISO time of the last repurchase reminder */
  remindedAt?: Record<string, string>;
  /** product the last hesitation offer was for */
  lastOfferProductId?: string;
}

export const GUIDE_STATE_PROPERTY = 'guide';
