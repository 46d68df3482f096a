/**
 * Which of the customer's orders a message points at, as words say it: a number, a status (还没发货的那单,
 * the one that shipped), recency (最近那一单, my latest order), an ordinal (第二单, the second one), or a
 * product or brand (雅诗兰黛那个). Pure: the text and its entities in, an OrderReference (or nothing) out.
 * Matching it against the orders is the dialogs' job (dialogs/flow/orderReference.ts).
 */
import { isOrderNumber, ORDER_NUMBER_DIGITS } from '../../platform/text/identifiers';
import type { Entity, OrderReference } from '../types';

type Status = NonNullable<OrderReference['status']>;

// a status asked about ("发货了吗", "has it shipped?") is a question, not a way of naming an order
const NOT_A_QUESTION = '(?![吗么嘛没否])';

/**
 * Checked in this order: the negative forms contain the positive words (没收到 ⊃ 收到, 没发货 ⊃ 发货),
 * so "not received yet" is a shipped order and "not shipped yet" a paid one.
 */
const STATUS_CUES: [Status, RegExp][] = [
  ['shipped', /(还|都)?(没|未|没有)(收到|到货|签收)|还没到|\b(not|never) (yet )?(received|arrived|delivered|come)\b|\b(hasn'?t|has not|haven'?t|have not|didn'?t|did not|still not|not yet) (been )?(arrived?|received?|delivered|come|got(ten)?)\b|\bstill on (its|the) way\b/i],
  ['unpaid', /(没|未|待|还没|没有)(付款|付钱|支付|付)|没给钱|\bunpaid\b|\bnot (yet )?paid\b|\b(haven'?t|have not|didn'?t|did not) (yet )?pay|\b(awaiting|pending) payment\b/i],
  [
    'paid',
    /(还没|没|未|没有|尚未|待)(发货|发出|寄出|发)|刚付|(已|已经)付(款|了钱)|付(了|过|完)款|\b(not|never) (yet )?(been )?(shipped|sent|dispatched)\b|\b(hasn'?t|has not|haven'?t|have not|didn'?t|did not) (yet )?(been )?(shipped?|sent|dispatched)\b|\bunshipped\b|\b(just|already) paid\b/i,
  ],
  [
    'shipped',
    new RegExp(
      `已发货|已经发货|已经发了|已发出|发货了${NOT_A_QUESTION}|发了(的|得|那)|发出(去)?了${NOT_A_QUESTION}|发出的|在路上|运输中|配送中|派送中|在途|` +
        `\\b(that|which|one|order|already|has been|have been|was|were|got|been|is) (already )?shipped\\b|\\bshipped (one|order|item|parcel|package)\\b|` +
        `\\bin transit\\b|\\bon (its|the) way\\b|\\bout for delivery\\b|\\b(that|which|already|was|been) dispatched\\b`,
      'i',
    ),
  ],
  [
    'delivered',
    new RegExp(
      `收到了${NOT_A_QUESTION}|收到的|已收到|已经收到|签收了${NOT_A_QUESTION}|已签收|签收的|到货了${NOT_A_QUESTION}|到了的|已经到了${NOT_A_QUESTION}|拿到了${NOT_A_QUESTION}|收到货了${NOT_A_QUESTION}|` +
        `\\b(i|we|i've|i have|i already|we've) (just |already )?(received|got)\\b|\\b(already|was|were|been|got) delivered\\b|\\bdelivered (one|order|item|parcel|package)\\b|` +
        `\\b(that|which|one) (was |has |have |had )?(been )?(delivered|arrived|came)\\b|\\b(already|has|have) arrived\\b`,
      'i',
    ),
  ],
];

const LATEST = /最近|最新|上一单|上一个订单|上一笔|上次|刚买|刚下(的|单)|刚拍|最后一单|最后那|\blatest\b|\bmost recent\b|\b(last|newest|recent|previous) (order|one|purchase)\b|\bjust (bought|ordered|placed)\b/i;
const EARLIER = /之前(的)?那|更早|早一点的|上上|前一单|\b(older|earlier) (one|order)\b/i;
/** the message speaks of an order (for a reference that is only a product, a brand or "the latest") */
const ORDERISH = /单|订单|那个|那件|那次|那瓶|那支|那盒|买的|下的|拍的|\border\b|\borders\b|\bone\b|\bpurchase\b|\bbought\b|\bparcel\b|\bpackage\b/i;

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const EN_ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4, '5th': 5 };

function ordinalIn(text: string): number | undefined {
  const zh = /第\s*([一二两三四五六七八九1-9])\s*(个|单|笔|件|条|项)/.exec(text);
  if (zh) return CN_DIGITS[zh[1]] ?? Number(zh[1]);
  // "the second one", "2nd order"; not "first time" or "the first thing"
  const en = /\b(first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)\b\s*(one|order|item|parcel|package)?\b/i.exec(text);
  if (en && (en[2] || /\bthe\s+\w+\s*$/i.test(text.slice(0, en.index + en[1].length)))) return EN_ORDINALS[en[1].toLowerCase()];
  const numbered = /(?:\bnumber|\bno\.|#)\s*([1-9])\b/i.exec(text);
  return numbered ? Number(numbered[1]) : undefined;
}

function numberIn(text: string, entities: Entity[]): string | undefined {
  for (const entity of entities) {
    if (entity.type !== 'order_id') continue;
    const value = String(entity.value ?? entity.text).replace(/\D/g, '');
    if (isOrderNumber(value)) return value;
  }
  for (const candidate of [text, text.replace(/[\s-]/g, '')]) {
    for (const match of candidate.matchAll(new RegExp(`(?<!\\d)(${ORDER_NUMBER_DIGITS})(?!\\d)`, 'g'))) if (isOrderNumber(match[1])) return match[1];
  }
  return undefined;
}

export function orderStatusIn(text: string): Status | undefined {
  return STATUS_CUES.find(([, cue]) => cue.test(text))?.[0];
}

export interface OrderReferenceOptions {
  /**
   * The message is already about an order (it answers "which order?", or started an order flow): a product
   * or brand alone names the order. Without it, a product or brand counts only when the message speaks of
   * an order ("雅诗兰黛那单"), so "推荐雅诗兰黛的面霜" carries no order reference.
   */
  orderContext?: boolean;
}

/** The order reference a message carries, or undefined when it names no order. */
export function orderReferenceOf(text: string, entities: Entity[] = [], options: OrderReferenceOptions = {}): OrderReference | undefined {
  const orderish = options.orderContext === true || ORDERISH.test(text);
  const reference: OrderReference = { productIds: [], brandIds: [] };
  const number = numberIn(text, entities);
  if (number) reference.number = number;
  const status = orderStatusIn(text);
  if (status) reference.status = status;
  if (orderish) {
    // 上上一单 contains 上一单: the earlier forms first
    if (EARLIER.test(text)) reference.recency = 'earlier';
    else if (LATEST.test(text)) reference.recency = 'latest';
    const ordinal = ordinalIn(text);
    if (ordinal) reference.ordinal = ordinal;
    for (const entity of entities) {
      const id = typeof entity.value === 'string' ? entity.value : undefined;
      if (!id) continue;
      if (entity.type === 'product' && !reference.productIds.includes(id)) reference.productIds.push(id);
      if (entity.type === 'brand' && !reference.brandIds.includes(id)) reference.brandIds.push(id);
    }
  }
  const empty = !reference.number && !reference.status && !reference.recency && !reference.ordinal && reference.productIds.length === 0 && reference.brandIds.length === 0;
  return empty ? undefined : reference;
}
