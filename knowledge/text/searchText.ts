/** Search-side text helpers over normalised text (platform/text/normalize): bigrams, ASCII words, typos, zh or en. */
import { hasCjk } from '../../platform/text/normalize';

const CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/g;
const ASCII_WORD = /[a-z0-9]+(?:[-'][a-z0-9]+)*/g;

/** 'zh' when the text has any Chinese character, else 'en' */
export function detectLang(text: string): 'zh' | 'en' {
  return hasCjk(text) ? 'zh' : 'en';
}

/** overlapping character bigrams of every CJK run (a single character counts as itself) */
export function cjkBigrams(text: string): string[] {
  const grams: string[] = [];
  for (const run of text.match(CJK_RUN) ?? []) {
    if (run.length === 1) grams.push(run);
    for (let i = 0; i + 1 < run.length; i++) grams.push(run.slice(i, i + 2));
  }
  return grams;
}

export function asciiWords(normalized: string): string[] {
  return normalized.match(ASCII_WORD) ?? [];
}

/** Levenshtein distance with an early exit once it exceeds `max` */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}
