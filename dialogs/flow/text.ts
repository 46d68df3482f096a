/**
 * What the flow toolkit itself says, zh and en side by side (areas keep their own wording in their own
 * text.ts). Pick one with `say(lang, CARD_TEXT.key)`.
 */
import type { Wording } from './language';

/**
 * Choices several areas offer (and MainDialog reads back when they are tapped mid-flow): one wording each,
 * so "转人工" is the same button wherever it appears.
 */
export const CHIP_TEXT = {
  agent: { zh: '转人工', en: 'Agent' },
  returnItem: { zh: '申请退货', en: 'Return an item' },
  cancelOrder: { zh: '取消订单', en: 'Cancel order' },
  trackOrder: { zh: '查看物流', en: 'Track order' },
  trackMyOrder: { zh: '查询订单物流', en: 'Track my order' },
  recommendSkincare: { zh: '推荐护肤品', en: 'Recommend skincare' },
  currentOffers: { zh: '有什么优惠活动', en: 'Current offers' },
  no: { zh: '不用了', en: 'No' },
} satisfies Record<string, Wording>;

/** Product and comparison cards (cards.ts). */
export const CARD_TEXT = {
  addToCart: { zh: '加入购物车', en: 'Add to cart' },
  comparisonTitle: { zh: '产品对比', en: 'Comparison' },
  /** a and b are "brand title" of the two products */
  comparisonHead: (a: string, b: string) => ({ zh: `【${a}】vs【${b}】`, en: `${a} vs ${b}` }),
  /** between the claim and the why on a product's text line */
  claimSeparator: { zh: '；', en: '; ' },
  // the comparison's verdict above its table (comparisonVerdict.ts); names are the products' short names
  cheaperBy: (name: string, by: string) => ({ zh: `${name}便宜 ${by}`, en: `${name} costs ${by} less` }),
  samePrice: (price: string) => ({ zh: `两款同价（${price}）`, en: `Both cost ${price}` }),
  alsoSuits: (name: string, skins: string) => ({ zh: `${name}还适合${skins}`, en: `${name} also suits ${skins}` }),
  moreFor: (name: string, concerns: string) => ({ zh: `${name}多了${concerns}`, en: `${name} also targets ${concerns}` }),
  unscented: (name: string) => ({ zh: `${name}无香`, en: `${name} is unscented` }),
  verdictJoin: { zh: '；', en: '; ' },
  verdictEnd: { zh: '。详细对比见下表：', en: '. The details are in the table:' },
} satisfies Record<string, Wording | ((...args: never[]) => Wording)>;
