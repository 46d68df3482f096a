/**
 * The recognizer contract: what every recognizer (local model, LLM, stand-in) returns for one utterance.
 * Dialogs route on `intent`; `sentiment.anger` drives escalation to a human.
 */

/** Exactly the 21 intents the dialogs route on and the evaluation uses. */
export const INTENTS = [
  'product_info',
  'recommendation',
  'comparison',
  'promotion',
  'place_order',
  'order_status',
  'order_change',
  'order_cancel',
  'payment',
  'invoice',
  'shipping_info',
  'return_refund',
  'refund_status',
  'quality_issue',
  'complaint',
  'feedback',
  'account',
  'human_agent',
  'greeting',
  'thanks_bye',
  'other',
] as const;

export type Intent = (typeof INTENTS)[number];

export function isIntent(value: unknown): value is Intent {
  return typeof value === 'string' && (INTENTS as readonly string[]).includes(value);
}

export interface Entity {
  /** e.g. number, money, datetime, phone, email, quantity, discount, order_id, tracking_id, product, brand, category, shade, skin_type, concern */
  type: string;
  /** the matched text, exactly as it stands in the utterance */
  text: string;
  /** the resolved value (a number, an ISO date, a product id, a normalized label…) */
  value: unknown;
  /** character offsets in the utterance, end exclusive */
  start: number;
  end: number;
}

export interface Sentiment {
  label: 'positive' | 'neutral' | 'negative';
  /** confidence of the label, 0..1 */
  score: number;
  /** 0..1; high values send the customer to a human */
  anger: number;
}

export type Language = 'zh' | 'en' | 'mixed';

export interface IntentScore {
  intent: Intent;
  confidence: number;
}

export interface NluResult {
  intent: Intent;
  confidence: number;
  /** the next best intents, at most 3 */
  alternatives: IntentScore[];
  entities: Entity[];
  sentiment: Sentiment;
  language: Language;
}

export interface RecognizeOptions {
  /** the channel's locale hint, e.g. zh-CN or en-US */
  locale?: string;
  /** whose message this is: the review queue records it so the customer's export and erase find the row */
  customerId?: string;
}

export interface Recognizer {
  recognize(text: string, options?: RecognizeOptions): Promise<NluResult>;
}
