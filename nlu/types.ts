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
  /** every slot the utterance carries (see Frame); absent from recognizers that do not build one */
  frame?: Frame;
}

/** What an order reference says about the order meant: 还没发货的那单, 最近那一单, 雅诗兰黛那个, the one that shipped. */
export interface OrderReference {
  /** an order number written in the message */
  number?: string;
  /** 没付款 → unpaid, 刚付款/还没发货 → paid, 已发货/在路上 → shipped, 收到了/签收 → delivered */
  status?: 'unpaid' | 'paid' | 'shipped' | 'delivered';
  /** 最近/上次/latest → latest; 之前那单/the older one → earlier */
  recency?: 'latest' | 'earlier';
  /** 第二单 / the second one (1-based) */
  ordinal?: number;
  /** products and brands the order is named by (ids, as in the catalogue vocabulary) */
  productIds: string[];
  brandIds: string[];
}

/**
 * One utterance as a frame: every slot it carries, normalized to catalogue values where they exist.
 * Empty arrays / undefined mean "not said in this message" (never "none wanted").
 */
export interface Frame {
  /** catalogue category values (cleanser ≠ face_cream ≠ lipstick), in order of mention */
  categories: string[];
  skinType?: string;
  /** concern values (acne, hydration, anti_aging…) */
  concerns: string[];
  /** in CNY; "100块以内" → { max: 100 }, "200到300" → { min: 200, max: 300 }, "300左右" → { min: 240, max: 360 } */
  budget?: { min?: number; max?: number };
  texture?: 'light' | 'rich';
  shade?: string;
  undertone?: 'warm' | 'cool' | 'neutral';
  finish?: 'matte' | 'dewy' | 'satin';
  brandIds: string[];
  productIds: string[];
  /** 这款 / 它 / this one / that one: the message points at the product in focus */
  refersToFocus: boolean;
  /** the message refers to one of the customer's orders (by number, status, recency, ordinal, product or brand) */
  order?: OrderReference;
  quantity?: number;
  /** ingredients asked for (烟酰胺, retinol…) and ones to avoid (不要酒精, no alcohol), as canonical names (see allergies) */
  ingredientsWanted: string[];
  ingredientsAvoided: string[];
  /**
   * 对酒精过敏, allergic to fragrance: canonical ingredient names — the catalogue's Chinese names (酒精, 香精,
   * 视黄醇…; nlu/frame/ingredients.ts INGREDIENT_NAMES lists how each is written, INGREDIENT_EN its English
   * name) — or the allergen as written, lower case, when it is not in that list.
   * A listed allergen is also in ingredientsAvoided.
   */
  allergies: string[];
  /** every ingredient named, whatever the stance (孕妇能用A醇吗 → 视黄醇, neither wanted nor avoided) */
  ingredientsMentioned?: string[];
  fragranceFree: boolean;
  lifeStage?: 'pregnant' | 'breastfeeding' | 'trying_to_conceive';
  /**
   * whom it is for: mother, father, girlfriend, boyfriend, wife, husband, friend, colleague, sister, brother,
   * daughter, son, grandmother, grandfather, mother_in_law, father_in_law, boss, teacher, self (only when said)
   */
  recipient?: string;
  /** the person's age when said (她50岁了) */
  age?: number;
  /** further requests in the same message after the first (查订单 + 推荐面霜): their intents, in order */
  moreIntents: Intent[];
  /** language of this turn */
  language: Language;
}

/** An empty frame (nothing said) in the given language. */
export function emptyFrame(language: Language = 'zh'): Frame {
  return { categories: [], concerns: [], brandIds: [], productIds: [], refersToFocus: false, ingredientsWanted: [], ingredientsAvoided: [], allergies: [], fragranceFree: false, moreIntents: [], language };
}

/** The frame of a result: its own, or an empty one (recognizers without frames, test stand-ins). */
export function frameOf(result: NluResult | undefined): Frame {
  return result?.frame ?? emptyFrame(result?.language === 'en' ? 'en' : 'zh');
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
