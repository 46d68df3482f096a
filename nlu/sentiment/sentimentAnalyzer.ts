/**
 * Sentiment (positive / neutral / negative with a confidence) and an anger score for escalation, zh and en.
 * Lexicon-based with the rules that matter in shopping talk: negation (不好用, not good), degree words
 * (非常, 太), contrast (…但是… weighs the later clause more), and anger signals: insults, threats to
 * complain (12315, 投诉, 差评), "第三次了", repeated ！！！/？？？ and SHOUTING in capitals.
 */
import path from 'node:path';
import type { Sentiment } from '../types';
import { PhraseMatcher, readWeightedList } from './phraseMatcher';
import { ReviewModel } from './reviewModel';

const DATA = path.join(__dirname, '..', 'data', 'sentiment');

// a negator, optionally followed by a degree word (不是太好吃, 没那么好)
// (别 inside 特别/区别/分别 is not a negator)
const NEGATORS_ZH = /(不|没|没有|(?<![特区分类级个])别|无|未|非|并不|不太|不是|不够|不怎么|毫不)(太|很|那么|怎么|够|特别|算|大)?$/;
const NEGATORS_EN = /\b(not|no|never|don't|didn't|doesn't|isn't|wasn't|aren't|won't|can't|hardly)\s+(\w+\s+)?$/;
const INTENSIFIERS = /(很|非常|太|超|特别|十分|极|真|超级|相当|好|巨|贼|very|really|so|super|extremely|too)\s?$/;
/** 有没有适合…, 是不是好用: a question form, not a negation of what follows */
const QUESTION_FORM = /(有没有?|是不是|会不会|能不能|可不可以?|好不好|用不用|要不要)$/;
/**
 * Sarcasm-lite: praise next to these is not praise ("呵呵 真是好服务", "真行！", "oh great, another delay"),
 * so positive words in such a message count against it.
 */
const SARCASM = /呵呵|真行[!！]|好一个|服了你们|谢谢你们啊|好样的[!！]|\b(yeah right|oh great|thanks for nothing|just great)\b/;
/** a question asks: praise in it is not given yet, and weak topic words (退货, refund, 慢) say little */
const QUESTION = /[?？]|吗\s*$|呢\s*$|怎么|如何|能不能|可以.{0,6}吗|有没有|是不是|\b(how|can i|could|do you|is it|what|where|when)\b/;
const CONTRAST = /但是|但|可是|不过|然而|就是有点|只是|\bbut\b|\bhowever\b|\bthough\b/g;

export class SentimentAnalyzer {
  /** positive and negative phrases in one matcher (negative weights below zero) */
  private readonly polar: PhraseMatcher;
  private readonly anger: PhraseMatcher;
  private readonly reviews: ReviewModel;

  constructor() {
    const pos = readWeightedList(path.join(DATA, 'positive.txt'));
    const neg = readWeightedList(path.join(DATA, 'negative.txt'));
    // one matcher over both lists so the longest phrase wins across them (不错 vs 错, 不好 vs 好)
    this.polar = new PhraseMatcher([...pos, ...neg.map(([w, s]) => [w, -s] as [string, number])]);
    this.anger = new PhraseMatcher(readWeightedList(path.join(DATA, 'anger.txt')));
    this.reviews = new ReviewModel([
      ...ReviewModel.readReviews(path.join(DATA, 'reviews.txt')),
      ...pos.filter(([, w]) => w > 0).map(([text, weight]) => ({ text, label: 1 as const, weight })),
      ...neg.filter(([, w]) => w > 0).map(([text, weight]) => ({ text, label: -1 as const, weight })),
    ]);
  }

  /** Polarity score: > 0 positive, < 0 negative (unbounded; the label thresholds it). */
  polarity(text: string): number {
    const lower = text.toLowerCase();
    // clause weights: text after a contrast word counts more than before it
    const cuts = [...lower.matchAll(CONTRAST)].map((m) => m.index);
    const lastCut = cuts.length ? cuts[cuts.length - 1] : -1;
    // in a long review 呵呵 is mostly a laugh; in a short or questioning chat turn it is a sneer
    const sarcastic = SARCASM.test(lower) && (lower.length <= 20 || /[?？]|。。|\.\.\./.test(lower));
    // (a question mark inside a long review is rhetorical, not a request)
    const question = lower.length <= 25 && QUESTION.test(lower);
    let score = 0;
    for (const hit of this.polar.find(lower)) {
      let w = hit.weight;
      const before = lower.slice(Math.max(0, hit.start - 5), hit.start);
      const negated = /^[a-z]/.test(hit.phrase)
        ? NEGATORS_EN.test(lower.slice(Math.max(0, hit.start - 20), hit.start))
        : NEGATORS_ZH.test(before) && !QUESTION_FORM.test(before);
      if (negated) w = w > 0 ? -w * 0.9 : -w * 0.4;
      if (sarcastic && w > 0) w = -w;
      // 好用吗 asks whether it is good (no praise yet); 为什么这么差？ still complains
      if (question && w > 0) w *= 0.15;
      else if (question && w >= -1) w *= 0.4;
      else if (INTENSIFIERS.test(before)) w *= 1.4;
      if (lastCut >= 0) w *= hit.start > lastCut ? 1.4 : 0.7;
      score += w;
    }
    const bangs = (lower.match(/[!！]/g) ?? []).length;
    if (bangs >= 2) score *= 1.2;
    return score;
  }

  angerScore(text: string, polarity: number): number {
    const lower = text.toLowerCase();
    let calm = 1;
    for (const hit of this.anger.find(lower)) calm *= 1 - Math.min(hit.weight, 0.95);
    // the third time or more (第二次购买 is loyalty, not anger)
    if (/第[三四五六七八九十几n]次|第[3-9]次|[三四五六七八九十几3-9]次了|好多次|多少次/.test(lower)) calm *= 0.6;
    if (/[!！]{3,}/.test(text)) calm *= 0.65;
    else if (/[!！]{2}/.test(text)) calm *= 0.85;
    if (/[?？]{3,}/.test(text)) calm *= 0.75;
    const shouted = text.match(/\b[A-Z]{3,}\b/g) ?? [];
    if (shouted.length >= 2 || (shouted.length === 1 && text.replace(/[^A-Za-z]/g, '').length <= shouted[0].length + 3 && shouted[0].length >= 5)) calm *= 0.6;
    if (polarity < -2) calm *= 0.85;
    const anger = 1 - calm;
    return Math.round(Math.min(1, Math.max(0, anger)) * 1000) / 1000;
  }

  analyze(text: string): Sentiment {
    const p = this.polarity(text);
    const anger = this.angerScore(text, p);
    // anger is negative even when no negative word matched (e.g. "我要打12315")
    let s = p - anger * 2;
    // a review-length statement that leans at all has a side; a short chat turn needs a clearer lean
    const long = isLongStatement(text);
    const band = long ? 0.1 : 0.25;
    // the lexicon found no side for a review: the character model breaks the tie
    if (long && Math.abs(s) <= band) s += Math.max(-0.5, Math.min(0.5, this.reviews.lean(text) * REVIEW_LEAN_SCALE));
    const label = s > band ? 'positive' : s < -band ? 'negative' : 'neutral';
    const score = label === 'neutral' ? 1 - Math.min(Math.abs(s) / 0.5, 0.5) : 1 / (1 + Math.exp(-Math.abs(s) * 1.5));
    return { label, score: Math.round(score * 1000) / 1000, anger };
  }
}

/** log-odds per character of the review model → lexicon score units */
const REVIEW_LEAN_SCALE = 2;

/** at least a dozen letters of text and not a question: the shape of a review rather than a request */
function isLongStatement(text: string): boolean {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const words = text.match(/[A-Za-z]+/g)?.length ?? 0;
  return han + words * 2 >= 12 && !QUESTION.test(text.toLowerCase());
}
