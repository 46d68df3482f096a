/**
 * Cue features that tell a question about the shop's policy from one about the customer's own order:
 * "今天下单什么时候发" / "if I order today when do you ship" ask about shipping in general, "我上周买的还没发"
 * / "my order still hasn't shipped" about an order that exists. The words of the two overlap almost fully
 * (下单, 发货, ship, order), so the model gets the difference as three features it learns weights for:
 * the customer's own order (我的, 我买的, my order, a long number), time that has passed (已经, 上周, still,
 * ago), and a hypothetical or general question (如果, 的话, 一般, 现在下单, if I, usually).
 */

const MINE = [
  /我的|我.{0,4}[买拍订下]的|我那[个单件]|我这[个单件]|这单|那单|单号|订单号|〈longnum〉|〈track〉/,
  /\bmy (order|package|parcel|item|stuff|delivery|refund|purchase|lipstick|cream|serum|box)\b|\bi (ordered|bought|paid|returned|purchased)\b|\bi (order|buy|pay) .* (ago|last|yesterday)\b/,
];

const ELAPSED = [
  /已经|昨天|前天|上周|上个月|上礼拜|几天了|好几天|[一二两三四五六七八九十\d]+天了|还没|还不|怎么还|到现在|一直|都.{0,3}[天周]了/,
  /\b(yesterday|last (week|month|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|ago|already|still|yet|since|not (arrive|come|receive)|never (came|arrived)|nothing (came|arrived)|(been|for|over) (〈num〉|a|one|two|three|few) (day|week|month)s?)\b/,
];

const HYPOTHETICAL = [
  /如果|要是|假如|的话|一般|通常|平时|现在下单|今天下单|现在买|今天买|现在拍|今天拍|下单后|付款后|多久能|几天能/,
  /\b(if (i|we|you)|usually|normally|in general|generally|policy|do you|how long does|how long do)\b/,
];

/** What the question is about, so a cue can pair with it: "hypothetical + shipping" is a policy question. */
const TOPICS: [string, RegExp][] = [
  ['ship', /发货|发出|发吗|时候发|多久发|几天发|[今明当]天发|发[吗呢啊了]?$|寄|送到|到货|几天到|快递|物流|\b(ship|send|sent|deliver|arrive|dispatch)/],
  ['refund', /退款|退钱|钱.{0,4}退|到账|\b(refund|money back)/],
  ['return', /退货|换货|退换|能退|可以退|退吗|\b(return|exchange|send (it )?back)\b/],
];

/** `text` is the model's normalised text (lower case, numbers as shape tokens). */
export function cueFeatures(text: string): string[] {
  const cues: string[] = [];
  if (MINE.some((re) => re.test(text))) cues.push('mine');
  if (ELAPSED.some((re) => re.test(text))) cues.push('elapsed');
  if (HYPOTHETICAL.some((re) => re.test(text))) cues.push('hypo');
  if (cues.length === 0) return [];
  const topics = TOPICS.filter(([, re]) => re.test(text)).map(([name]) => name);
  const out = cues.map((c) => 'cue:' + c);
  for (const c of cues) for (const t of topics) out.push(`cue:${c}+${t}`);
  return out;
}
