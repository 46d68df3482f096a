/**
 * When a customer goes to a human, in one place (MainDialog's interruption check and the after-sales
 * flow used to keep their own copies, with the threshold written twice).
 */

/** Anger at or above this sends the customer to a human, with an apology. */
export const ANGER_THRESHOLD = 0.7;

/** An explicit request for an agent: honoured anywhere, at once, without an apology. */
export const ASKS_FOR_AGENT = /转人工|人工客服|找人工|接人工|真人客服|人工服务|\b(human|agent|real person|customer service rep)\b/i;

/**
 * Inside an after-sales problem, wider: a demand for a manager or "a real person" is an escalation, and
 * the after-sales flow apologises before it hands over.
 */
export const DEMANDS_ESCALATION =
  /转人工|人工客服|找人工|要人工|真人|活人|(找|叫)你们(的)?(经理|领导|主管)|human|real person|speak to (an? )?(agent|person|manager)|manager|supervisor/i;

/** Going to the authorities, the press, a lawyer or the bank: a human at once, whatever the tone. */
const HARD_THREAT =
  /(?<!\d)(12315|12345)(?!\d)|消协|消费者协会|工商(局)?|市场监管|曝光|媒体|律师|起诉|法院|报警|chargeback|charge ?back|report you|(file|open) a dispute|dispute the (charge|payment)|\bbbb\b|better business|lawyer|sue you|consumer (council|protection)/i;
/** A complaint or a bad review announced: weighs, but a calm "我要投诉" still becomes a complaint ticket. */
const SOFT_THREAT = /投诉|差评|一星|再也不(买|来)|拉黑|complain|bad review|one[- ]star|1[- ]star|never (buy|order|shop)/i;
/** Swearing and contempt. */
const SWEARING =
  /气死|垃圾|什么破|破(东西|服务|店|玩意|平台|快递)|坑人|坑爹|骗子|骗人|恶心|滚(蛋|开|吧)|妈的|他妈|尼玛|tmd|shit|fuck|wtf|damn|crap|useless|ridiculous|worst|scam|rip[- ]?off|pathetic|unacceptable|disgusting|受够了|忍无可忍|无语|离谱|太过分|搞什么|fed up|sick (and tired )?of|joke\b/i;
/** Having waited: 等了一个星期, 还没发货, still not here, waited two weeks. */
const WAITING =
  /等了(好|一|两|三|四|五|六|七|八|九|十|几|半|\d)+\s*(个)?(天|星期|周|礼拜|月|小时)|等(这么|那么)?(久|半天)|(还|都|一直)(没|不)(到|发货|发|收到|退|回复|处理|给)|到现在(都|还)|(都|已经)(一|两|三|几|半|\d)+\s*(个)?(天|星期|周|礼拜|月)了|(waited|waiting) (for )?(\d+|a|an|one|two|three|several|many|over a) ?(days?|weeks?|hours?|months?)|still (not|no|hasn'?t|haven'?t|waiting)|for (days|weeks|ages)/i;
/** Asking again: 到底, 都问了三遍了, how many times, again. */
const REPEATING = /到底|究竟|都(问|说)了|问了(好|\d|几|三|两|N)+(遍|次)|第[二三四五\d](次|遍)|说了多少(遍|次)|again\b|how many times|third time|keep asking|already (asked|told)/i;
/** Softeners that make a complaint mild: 有点慢, a bit slow. */
const SOFTENER = /有点|有些|稍微|一点点|略|a (bit|little)|slightly|kind of|somewhat/i;

export interface AngerCues {
  /** how angry this one message reads, 0 (calm) to above 1; 0.7 and more goes to a human at once */
  score: number;
  /** a threat of the authorities, the press or the bank: a human at once */
  threat: boolean;
  /** asking again, or having waited: repeated across turns it adds up */
  waitingOrRepeating: boolean;
  /** says so itself: 到底, 都问了三遍了, the third time I ask */
  repeating: boolean;
}

/** Shouting in capitals: three capitalised words in a row ("WHERE IS MY ORDER"), or a message mostly in capitals. */
function shouts(text: string): boolean {
  if (/\b[A-Z]{2,}\b\W+\b[A-Z]{2,}\b\W+\b[A-Z]{2,}\b/.test(text)) return true;
  const letters = text.replace(/[^A-Za-z]/g, '');
  const caps = letters.replace(/[^A-Z]/g, '');
  return letters.length >= 8 && caps.length / letters.length > 0.6;
}

/**
 * How angry one message reads: the recognizer's anger score weighed with what a person hears in it —
 * threats, swearing, runs of "!!", capitals, having waited or asking again — and softened by "有点".
 * "发货太慢了！！等了一个星期了，气死了" is clearly angry although the model gives it 0.64.
 */
export function angerCues(text: string, modelAnger: number): AngerCues {
  const threat = HARD_THREAT.test(text);
  const waiting = WAITING.test(text);
  const repeating = REPEATING.test(text);
  let score = modelAnger * 0.6;
  if (SOFT_THREAT.test(text)) score += 0.3;
  if (SWEARING.test(text)) score += 0.35;
  if (/[!！]{2,}|[?？][!！]|[!！][?？]|[?？]{3,}/.test(text)) score += 0.15;
  if (shouts(text)) score += 0.2;
  if (waiting) score += 0.2;
  if (repeating) score += 0.2;
  if (SOFTENER.test(text)) score -= 0.2;
  return { score: Math.max(0, Math.round(score * 100) / 100), threat, waitingOrRepeating: waiting || repeating, repeating };
}
