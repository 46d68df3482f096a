/**
 * Is a message a general question about the store's policies ("今天下单什么时候发货", "can I return an opened
 * cream?") rather than a request about the customer's own order ("我的快递到哪了", "I want to return my
 * order")? A general question is answered from the FAQ even for a customer with no orders; a personal
 * request belongs to the order flows. Pure text rules, zh and en.
 */

/** asks something: question marks and particles, question words, "I'd like to know" */
const QUESTION =
  /[?？]|吗|嘛|么|呢|[不没](?:[?？。.!！]*)$|多少|多久|多长|怎么|怎样|咋|如何|什么|啥|哪|几[点时天号个日]|[呀啊][?？!！]*$|能不能|能否|可不可以|可以不|会不会|是不是|有没有|是否|要不要|想了解|想知道|问一下|问下|请问|\b(?:how|what|which|when|where|why|do|does|is|are|can|could|will|would|should|may)\b|\bany\b.*\?|tell me about/i;

/**
 * The customer's own order or parcel: 我的订单 / 我买的 / 上次买的 / an order number / 到哪了 / where is my …
 * / I ordered. (我 alone is not personal: "我可以用积分吗" asks about the rules.)
 */
const PERSONAL = new RegExp(
  [
    '我的(?:订单|快递|包裹|货|单子|退款|退货|售后|物流|东西|那单|这单)',
    '我(?:刚|昨天|前天|上周|之前|上次|今天|早上)?(?:买|下单|下的单|拍|付款|付的款|收到)(?:的|了)',
    '(?:上次|之前|刚刚?|前几天|昨天)(?:买|下单|拍|收到)的',
    '我(?:那|这)(?:单|个订单|笔)',
    '(?:帮|给)我(?:查|看|退|换|取消|改)',
    '我(?:要|想|想要|需要)(?:退|换|取消|改|查|投诉)',
    '到哪(?:了|里了|儿了)|怎么还没(?:到|发|收到)|还没(?:收到|到货)|一直没(?:到|发货|收到)',
    '(?:订单|单)号',
    '\\d{10,}',
    "\\bmy (?:order|package|parcel|delivery|refund|return|shipment|purchase|item|stuff|money)s?\\b",
    "\\bwhere(?:'s| is| are)\\b.*\\bmy\\b",
    "\\bi (?:ordered|bought|purchased|paid|received|got my)\\b",
    "\\bi(?:'d| would)? (?:want|like|need) to (?:return|cancel|change|exchange|track)\\b",
    '\\b(?:track|cancel|check) my\\b',
    '\\border (?:number|no\\.?|#)',
  ].join('|'),
  'i',
);

/** a hypothetical ("如果今天下单", "if I order today") is a question about the rules, not about an order */
const HYPOTHETICAL = /如果|假如|要是|的话|万一|\bif i\b|\bif you\b|\bwere i\b/i;
/** what makes a personal reference strong enough to beat a hypothetical: an order number or "my order" */
const STRONG_PERSONAL = /\d{10,}|我的(?:订单|快递|包裹|单子)|\bmy (?:order|package|parcel)s?\b|到哪(?:了|里了|儿了)|\bwhere(?:'s| is)\b.*\bmy\b/i;

export function isQuestionForm(text: string): boolean {
  return QUESTION.test(text);
}

export function hasPersonalReference(text: string): boolean {
  if (!PERSONAL.test(text)) return false;
  return !HYPOTHETICAL.test(text) || STRONG_PERSONAL.test(text);
}

/** a question about the rules that names no order of the customer's own */
export function isGeneralPolicyQuestion(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && isQuestionForm(t) && !hasPersonalReference(t);
}
