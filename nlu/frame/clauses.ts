/**
 * Several requests in one message (查下订单，顺便推荐个面霜 / where's my order? also, can I get an invoice):
 * the message is cut at clause markers and sentence ends, each later part is classified on its own, and
 * the confident intents other than the message's main one are listed in order.
 */
import type { Intent } from '../types';

export type Classify = (text: string) => { intent: Intent; confidence: number };

/** 还有 only as "also" (not 还有货吗 / 还有没有), 然后 / 另外 / 顺便 / 对了, sentence ends, English linkers */
const MARKERS =
  /顺便(?:问一?下|帮我|再)?|另外|还有(?!货|没有|吗|多少|几|什么|别的|库存|现货|优惠|活动)|然后|对了|再帮我|再问一?下|[。！!？?;；\n]|\b(?:and also|also|by the way|btw|plus)\b|,\s?and (?=(?:can|could|would|will|do|does|is|are|what|how|where|when|i want|i need|i'd like|please|recommend|tell|check|show)\b)/g;
const HAS_MARKER = new RegExp(MARKERS.source);
const MIN_CONFIDENCE = 0.55;
const IGNORED = new Set<Intent>(['other', 'greeting']);

export function splitClauses(text: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (const m of text.matchAll(MARKERS)) {
    parts.push(text.slice(from, m.index));
    from = m.index + m[0].length;
  }
  parts.push(text.slice(from));
  return parts.map((p) => p.replace(/^[\s，,、]+|[\s，,、]+$/g, '')).filter((p) => p.replace(/[^\p{L}\p{N}]/gu, '').length >= 2);
}

/** The intents of the message's other requests (none when it holds one request). */
export function moreIntents(text: string, main: Intent, classify: Classify): Intent[] {
  if (!HAS_MARKER.test(text)) return [];
  const clauses = splitClauses(text);
  if (clauses.length < 2) return [];
  const out: Intent[] = [];
  let mainIsLater = false;
  // the first request is usually the main intent: only the later ones need a classifier call each, and the
  // first one too when the main intent turns out to be a later request's (查订单？另外开发票 → invoice)
  for (const clause of clauses.slice(1)) {
    const { intent, confidence } = classify(clause);
    if (confidence < MIN_CONFIDENCE) continue;
    if (intent === main) mainIsLater = true;
    else if (!IGNORED.has(intent) && !out.includes(intent)) out.push(intent);
  }
  if (mainIsLater) {
    const first = classify(clauses[0]);
    if (first.confidence >= MIN_CONFIDENCE && first.intent !== main && !IGNORED.has(first.intent) && !out.includes(first.intent)) out.unshift(first.intent);
  }
  return out;
}
