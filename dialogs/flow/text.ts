/**
 * What the flow toolkit itself says, zh and en side by side (areas keep their own wording in their own
 * text.ts). Pick one with `say(lang, CARD_TEXT.key)`.
 */
import type { Wording } from './language';

/** Product and comparison cards (cards.ts). */
export const CARD_TEXT = {
  addToCart: { zh: '加入购物车', en: 'Add to cart' },
  comparisonTitle: { zh: '产品对比', en: 'Comparison' },
  /** a and b are "brand title" of the two products */
  comparisonHead: (a: string, b: string) => ({ zh: `【${a}】vs【${b}】`, en: `${a} vs ${b}` }),
  /** between the claim and the why on a product's text line */
  claimSeparator: { zh: '；', en: '; ' },
} satisfies Record<string, Wording | ((...args: never[]) => Wording)>;
