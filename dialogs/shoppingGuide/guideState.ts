/**
 * The shopping guide's own part of the customer's state (property 'guide'): what was already asked,
 * what was shown, the product in focus, reminders sent, and constraints the customer told us (an
 * allergy, fragrance-free, pregnancy) that hold for every later recommendation. Kept apart from
 * CustomerProfile, which holds the customer's skin type, concerns and budget.
 */
import type { Constraints } from './shoppingRequest';

export interface GuideState {
  /** the customer said "no limit" / "any texture": do not ask again */
  budgetAsked?: boolean;
  textureAsked?: boolean;
  /** the category the remembered budget was given for (a serum budget is no lipstick budget) */
  budgetCategory?: string;
  /** products of the last recommendation, best first */
  lastRecommended?: string[];
  /**
   * The product in focus (这款 / it / this one): the last one the customer named, clicked, asked about or
   * was shown alone. Cleared when a list of several is shown, until the customer picks one of them.
   */
  focus?: string;
  /** productId → ISO time of the last repurchase reminder */
  remindedAt?: Record<string, string>;
  /** product the last hesitation offer was for */
  lastOfferProductId?: string;
  /** constraints the customer told us about themselves (not a gift's recipient) */
  constraints?: Constraints;
}

export const GUIDE_STATE_PROPERTY = 'guide';
