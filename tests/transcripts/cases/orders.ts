/**
 * Order references resolved like a person would (issue 11, part 3), zh and en: a reference that matches one
 * order goes straight on, several give a list of just those, none is said plainly; a bare order number shows
 * that order; the reference also works as the answer to "which order?". Orders (prefix 9000): 101 unpaid
 * sunscreen, 102 paid-not-shipped serum + cleanser, 103 shipped Estée Lauder serum (SF), 104 delivered 3 days
 * ago lipstick + blush, 105 delivered 12 days ago Kérastase shampoo.
 */
import type { TranscriptTable } from '../runTranscript';

const O = '9000';
const cases: TranscriptTable[] = [
  // ---- zh ----
  {
    name: 'orders: a parcel question with one shipped order shows it without asking (zh)',
    lang: 'zh',
    orders: O,
    rows: [['东西发了吗 物流到哪了', ['订单 9000000000000103', '顺丰速运，运单号 SF1460012345678'], { not: ['请问是哪个订单', '9000000000000101'] }]],
  },
  {
    name: 'orders: cancel "the one not shipped yet" goes straight to the confirmation (zh)',
    lang: 'zh',
    orders: O,
    rows: [
      ['帮我把还没发货的那单取消', '确认取消订单 9000000000000102', { not: ['请问是哪个订单'] }],
      ['确认取消', '订单 9000000000000102 已取消'],
    ],
  },
  {
    name: 'orders: a status reference answers the order question of a phone change (zh)',
    lang: 'zh',
    orders: O,
    rows: [
      ['收货电话写错了', ['请问是哪个订单', '9000000000000102'], { not: ['9000000000000103'] }],
      ['还没发货那单', ['9000000000000102', '新的收货手机号'], { not: ['没有找到这个订单'] }],
    ],
  },
  {
    name: 'orders: a return named by brand and product of an old order meets the return window (zh)',
    lang: 'zh',
    orders: O,
    rows: [['卡诗洗发水想退货', '订单 9000000000000105 已签收 12 天，超过了 7 天无理由退货期限', { not: ['请问是哪个订单'] }]],
  },
  {
    name: 'orders: the brand names the order to track (zh)',
    lang: 'zh',
    orders: O,
    rows: [['雅诗兰黛那单到哪了', 'SF1460012345678', { not: ['请问是哪个订单', '没有找到'] }]],
  },
  {
    name: 'orders: the latest order by recency (zh)',
    lang: 'zh',
    orders: O,
    rows: [['查一下最近那一单', ['订单 9000000000000101', '待付款'], { not: ['请问是哪个订单'] }]],
  },
  {
    name: 'orders: no order in that status is said plainly, with the order-number route (zh)',
    lang: 'zh',
    orders: O,
    rows: [
      ['帮我取消没付款的那单', '确认取消订单 9000000000000101'],
      ['确认取消', '已取消'],
      ['把没付款的那单取消掉', ['您没有待付款的订单', '发送订单号'], { not: ['确认取消订单'] }],
    ],
  },
  {
    name: 'orders: a bare order number on a fresh turn shows that order (zh)',
    lang: 'zh',
    orders: O,
    rows: [['9000000000000102', ['订单 9000000000000102', '已付款，待发货'], { not: ['不客气'] }]],
  },
  {
    name: 'orders: an order number with 订单号 in front shows that order (zh)',
    lang: 'zh',
    orders: O,
    rows: [['订单号：9000000000000104', ['订单 9000000000000104', '已签收']]],
  },
  {
    name: 'orders: a number that is not the customer\'s is refused politely, nothing disclosed (zh)',
    lang: 'zh',
    orders: O,
    // the demo customer's shipped order: another customer's number reads exactly like a typo
    rows: [['1688000000000103', ['您的账户下没有这个订单号', '请问是哪个订单'], { not: ['不客气', '运单号', '顺丰'] }]],
  },
  {
    name: 'orders: a problem with "what I received" lists only the delivered orders (zh)',
    lang: 'zh',
    orders: O,
    rows: [['收到的东西有点问题', ['9000000000000104', '9000000000000105'], { not: ['9000000000000101', '9000000000000103'] }]],
  },
  {
    name: 'orders: typo 发货了得那个 still means the shipped order (zh)',
    lang: 'zh',
    orders: O,
    rows: [['发货了得那个到哪了', 'SF1460012345678', { not: ['请问是哪个订单'] }]],
  },
  {
    name: 'orders: a brand as the answer to the invoice order question names the order (zh)',
    lang: 'zh',
    orders: O,
    rows: [
      ['我要开发票', '请问是哪个订单'],
      ['雅诗兰黛那个', ['订单 9000000000000103', '个人发票还是企业发票']],
    ],
  },
  // ---- en ----
  {
    name: 'orders: where is my parcel, one shipped order, no question (en)',
    lang: 'en',
    orders: O,
    rows: [['where is my parcel', ['Order 9000000000000103', 'SF Express, tracking number SF1460012345678'], { not: ['Which order', /\p{Script=Han}/u] }]],
  },
  {
    name: 'orders: cancel the one that has not shipped goes to the confirmation (en)',
    lang: 'en',
    orders: O,
    rows: [
      ["please cancel the order that hasn't shipped yet", 'Cancel order 9000000000000102', { not: ['Which order'] }],
      ['yes', 'Order 9000000000000102 is cancelled'],
    ],
  },
  {
    name: 'orders: "the one that shipped" answers the order question of a phone change (en)',
    lang: 'en',
    orders: O,
    rows: [
      ['I need to change the phone number on my order', 'Which order is it?'],
      ['the one that shipped', 'Order 9000000000000103 has already shipped, so the delivery details can no longer be changed'],
    ],
  },
  {
    name: 'orders: my latest order (en)',
    lang: 'en',
    orders: O,
    rows: [['what is the status of my latest order', ['Order 9000000000000101', 'Awaiting payment'], { not: ['Which order'] }]],
  },
  {
    name: 'orders: the Estee Lauder one, tracked (en)',
    lang: 'en',
    orders: O,
    rows: [['where is the Estee Lauder one', 'SF Express, tracking number SF1460012345678', { not: ['Which order'] }]],
  },
  {
    name: 'orders: returning the shampoo meets the 7-day window (en)',
    lang: 'en',
    orders: O,
    rows: [['I want to return the shampoo', 'Order 9000000000000105 was delivered 12 days ago, past the 7-day no-reason return window']],
  },
  {
    name: 'orders: a bare order number shows that order (en)',
    lang: 'en',
    orders: O,
    rows: [
      ['hi', []],
      ['9000000000000103', ['Order 9000000000000103', 'SF Express'], { not: ['welcome', '不客气'] }],
    ],
  },
  {
    name: 'orders: "order #" and a number shows that order (en)',
    lang: 'en',
    orders: O,
    rows: [['order #9000000000000105', ['Order 9000000000000105', 'Delivered', 'left in a parcel locker'], { not: [/\p{Script=Han}/u] }]],
  },
  {
    name: 'orders: someone else\'s order number is not found, nothing disclosed (en)',
    lang: 'en',
    orders: O,
    rows: [['order 1688000000000104', ['That order number is not in your account', 'Which order is it?'], { not: ['tracking number', 'ZTO', '78312345678901'] }]],
  },
  {
    name: 'orders: the serum orders, two match and just those are listed (en)',
    lang: 'en',
    orders: O,
    rows: [['show me my serum orders', ['A few orders match', '9000000000000102', '9000000000000103'], { not: ['9000000000000101', '9000000000000105'] }]],
  },
  {
    name: 'orders: no unpaid order left is said plainly (en)',
    lang: 'en',
    orders: O,
    rows: [
      ['cancel my unpaid order', 'Cancel order 9000000000000101'],
      ['yes', 'is cancelled'],
      ['cancel the unpaid one', ['You have no orders that are awaiting payment', 'send the order number'], { not: ['Cancel order 9000000000000'] }],
    ],
  },
  {
    name: 'orders: "the lipstick" answers which order to return (en)',
    lang: 'en',
    orders: O,
    rows: [
      ['I want to return something', ['Which order is it?', '9000000000000104', '9000000000000105'], { not: ['9000000000000101'] }],
      ['the lipstick', ['order 9000000000000104', 'opened or used']],
    ],
  },
  {
    name: 'orders: personal invoice for the shipped serum, all in English (en)',
    lang: 'en',
    orders: O,
    rows: [
      ['I need an invoice for the Estee Lauder order', ['order 9000000000000103', 'a person or a company?']],
      ['personal', 'the name for the invoice', { not: ['agent', 'human', '人工'] }],
      ['Li Na', 'Invoice requested for order 9000000000000103', { not: ['抬头'] }],
    ],
  },
  {
    name: 'orders: a broken lipstick goes to the lipstick order without a list (en)',
    lang: 'en',
    orders: O,
    rows: [['the lipstick I received is broken', ['order 9000000000000104', 'photos'], { not: ['Which order'] }]],
  },
];
export default cases;
