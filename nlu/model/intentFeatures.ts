/**
 * The intent model's features: the shared text features (jieba words, Han n-grams, English words and
 * bigrams, number shapes) plus character trigrams of English words, so the typos and inflections of
 * real support requests ("cancell", "adress", "reimbursment") still share most features with the
 * spelling the training set uses.
 */
import { features } from '../text/features';

const EN_WORD = /[a-z][a-z']{2,}/g;

/** Trigrams of each English word with boundary marks: "<adress>" → "<ad", "adr", … "ss>". */
export function englishSubwords(text: string): string[] {
  const out: string[] = [];
  for (const word of text.toLowerCase().match(EN_WORD) ?? []) {
    const padded = `<${word}>`;
    for (let i = 0; i + 3 <= padded.length; i++) out.push('e3:' + padded.slice(i, i + 3));
  }
  return out;
}

export function intentFeatures(text: string): string[] {
  const base = features(text);
  return /[a-z]{3}/i.test(text) ? base.concat(englishSubwords(text)) : base;
}
