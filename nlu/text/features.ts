/**
 * Turns an utterance into the sparse features the intent and sentiment models read:
 * jieba words, Chinese character 1–3-grams, English word uni/bigrams, and shape features
 * (long digit runs = order numbers, tracking-number shapes) so "115380810795到哪了" generalizes.
 */
import { isHan, toHalfWidth } from '../../platform/text/normalize';
import { segment } from './domainWords';
import { cueFeatures } from './cues';
import { stem } from './english';
import { repairSpelling } from './typos';

const STOP_PUNCT = /^[\s\p{P}\p{S}]+$/u;

/**
 * Blocks a chat widget pastes into the message ("[订单编号:…，订单金额:…，下单时间:…]", "[链接x]") say which
 * order the customer looks at, not what they want; they are dropped before classification.
 */
const PASTED_BLOCK = /\[[^\]]*(订单编号|订单金额|下单时间|链接|商品id|商品编号|图片|表情)[^\]]*\]/gi;

/** The text the model reads (offsets are not kept: entities are found in the original, see toHalfWidth). */
function normalizeForModel(text: string): string {
  return repairSpelling(toHalfWidth(text).replace(PASTED_BLOCK, ' ').toLowerCase().replace(/\s+/g, ' ').trim());
}

/**
 * Replaces numbers by shape tokens so the model learns "an order number" rather than one number. Any run of
 * 9+ digits is 〈longnum〉, one digit looser than the order-number rule (platform/text/identifiers): this is a
 * model feature, not a decision, and the model was trained with it (order_status examples have 9-digit runs).
 */
function shapeNumbers(text: string): string {
  return text
    .replace(/\b(sf|jd|jdv|yt|zto|sto|yd|ems)\d{8,}\b/g, ' 〈track〉 ')
    .replace(/\d{9,}/g, ' 〈longnum〉 ')
    .replace(/\d+(\.\d+)?/g, ' 〈num〉 ');
}

export function features(raw: string): string[] {
  const text = shapeNumbers(normalizeForModel(raw));
  const out: string[] = cueFeatures(text);
  // Chinese: words from jieba and char n-grams over runs of Han characters
  let run = '';
  const flushRun = (): void => {
    if (!run) return;
    for (let i = 0; i < run.length; i++) {
      out.push('c1:' + run[i]);
      if (i + 1 < run.length) out.push('c2:' + run.slice(i, i + 2));
      if (i + 2 < run.length) out.push('c3:' + run.slice(i, i + 3));
    }
    run = '';
  };
  for (const ch of text) {
    if (isHan(ch)) run += ch;
    else flushRun();
  }
  flushRun();
  let prev = '^';
  let words = 0;
  for (const w of segment(text)) {
    if (STOP_PUNCT.test(w)) {
      if (/[?？]/.test(w)) out.push('p:?');
      if (/[!！]/.test(w)) out.push('p:!');
      continue;
    }
    const word = w.trim();
    if (!word) continue;
    out.push('w:' + word);
    words++;
    if (/^[a-z']+$/.test(word)) {
      out.push('b:' + prev + '_' + word);
      prev = word;
      // stems so "orders"/"ordered"/"ordering" and "bought"/"buy" meet (nlu/text/english)
      const s = stem(word);
      if (s !== word) out.push('w:' + s);
    } else {
      prev = '^';
    }
  }
  // very short messages are mostly social (你好, 谢谢, hello!): let the model know the length
  if (text.length <= 4) out.push('len:short');
  if (words <= 2) out.push('words:' + words);
  return out;
}
