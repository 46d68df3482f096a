/** Text normalisation shared by indexing and querying, so both sides see the same characters. */

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/g;
const ASCII_WORD = /[a-z0-9]+(?:[-'][a-z0-9]+)*/g;

/** full-width → half-width, lower case, accents removed (Estée → estee), ·/・ dropped */
const NEEDS_WORK = /[\u00c0-\u024f\u0300-\u036f\u3000\uff01-\uff5e·・]/;

export function normalizeText(text: string): string {
  // most text needs only lower-casing; the character walk is for full-width forms and accents
  if (!NEEDS_WORK.test(text)) return text.toLowerCase();
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += ch;
  }
  return out
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[·・]/g, '')
    .toLowerCase();
}

export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

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
