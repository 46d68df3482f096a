/**
 * Turns a customer's query into scoring units: a brand (any alias, typos tolerated), a product type
 * (synonyms: 洗面奶 → 洁面), a concern, a skin type, or free text (jieba word, with CJK bigrams for
 * near-misses and edit distance for English typos). Filler words (推荐, 一下, 的) are dropped.
 */
import { asciiWords, cjkBigrams, editDistance } from '../text/searchText';
import { hasCjk, normalizeForSearch } from '../../platform/text/normalize';
import { segmentForSearch } from '../text/searchWords';
import { categoryLookup, concernLookup, skinTypeLookup, skinTypeSynonyms } from '../text/synonyms';
import type { InvertedIndex } from './invertedIndex';
import type { Lexicon } from './lexicon';

export type UnitKind = 'brand' | 'category' | 'concern' | 'skin' | 'text';

export interface QueryUnit {
  kind: UnitKind;
  value: string;
  /** exact terms, best first, each with the credit a match earns (0..1) */
  alts: { term: string; weight: number }[];
  /** CJK bigrams of a text word: partial credit for near-misses */
  bigrams: string[];
}

const STOPWORDS = new Set(
  '的 了 吗 呢 啊 呀 吧 有 没有 我 我的 想 想要 要 买 推荐 一下 一款 款 个 什么 哪个 哪款 好用 好 请问 求 给 和 与 跟 用 适合 适用 可以 能 是 这 这个 那个 有没有 帮 帮我 看看 找 找一下 便宜 一点 些 the of a an and with me i want to for some good best recommend please any show find my is are'.split(' '),
);

function lookupTable(word: string): { kind: UnitKind; value: string } | undefined {
  const c = categoryLookup.get(word);
  if (c) return { kind: 'category', value: c };
  const k = concernLookup.get(word);
  if (k) return { kind: 'concern', value: k };
  const s = skinTypeLookup.get(word);
  if (s) return { kind: 'skin', value: s };
  return undefined;
}

function fieldUnit(kind: UnitKind, value: string): QueryUnit {
  const alts: QueryUnit['alts'] = [];
  if (kind === 'brand') alts.push({ term: `b:${value}`, weight: 1 });
  if (kind === 'category') {
    alts.push({ term: `c:${value}`, weight: 1 });
    // a title that names the type counts almost as much (imported listings are often mis-typed)
    alts.push({ term: `t:${value}`, weight: 0.9 });
  }
  if (kind === 'concern') {
    alts.push({ term: `k:${value}`, weight: 1 });
    alts.push({ term: `q:${value}`, weight: 0.8 });
  }
  if (kind === 'skin') {
    alts.push({ term: `s:${value}`, weight: 1 });
    alts.push({ term: 's:所有肤质', weight: 0.7 });
    if (value === '油皮') alts.push({ term: 's:油性头皮', weight: 0.9 });
    if (value === '干皮') alts.push({ term: 's:干性发质', weight: 0.9 });
    for (const w of skinTypeSynonyms[value] ?? []) if (hasCjk(w)) alts.push({ term: w, weight: 0.6 });
  }
  return { kind, value, alts, bigrams: [] };
}

/** Latin words of the index, cached until the index learns new terms */
const latinTerms = new WeakMap<InvertedIndex, { count: number; terms: string[] }>();

function latinWords(index: InvertedIndex): string[] {
  const cached = latinTerms.get(index);
  if (cached && cached.count === index.termCount()) return cached.terms;
  const terms = index.allTerms().filter((t) => /^[a-z][a-z'-]{2,}$/.test(t));
  latinTerms.set(index, { count: index.termCount(), terms });
  return terms;
}

function closestAsciiTerm(word: string, index: InvertedIndex): string | undefined {
  if (word.length < 4) return undefined;
  const max = word.length >= 8 ? 2 : 1;
  let best: string | undefined;
  let bestScore = Infinity;
  for (const term of latinWords(index)) {
    if (term.length < word.length - max || term.length > word.length + max) continue;
    const d = editDistance(word, term, max);
    if (d > max) continue;
    const id = index.termId(term)!;
    // among equally close words prefer the common one
    const score = d - Math.min(0.9, index.df(id) / 1e5);
    if (score < bestScore) [best, bestScore] = [term, score];
  }
  return best;
}

export function parseQuery(query: string, lexicon: Lexicon, index: InvertedIndex): QueryUnit[] {
  let text = normalizeForSearch(query);
  const units: QueryUnit[] = [];
  const seen = new Set<string>();
  const push = (u: QueryUnit) => {
    const key = `${u.kind}:${u.value}`;
    if (seen.has(key)) return;
    seen.add(key);
    units.push(u);
  };
  // multi-word names first ("estee lauder", "oily skin", "face wash"), before segmentation splits them
  const phrases = [
    ...lexicon.phrases().map((p) => ({ p, unit: () => fieldUnit('brand', lexicon.brandOf(p)!) })),
    ...[categoryLookup, concernLookup, skinTypeLookup].flatMap((m) =>
      [...m.keys()].filter((k) => k.includes(' ')).map((p) => ({ p, unit: () => fieldUnit(lookupTable(p)!.kind, lookupTable(p)!.value) })),
    ),
  ].sort((a, b) => b.p.length - a.p.length);
  for (const { p, unit } of phrases) {
    if (!text.includes(p)) continue;
    push(unit());
    text = text.split(p).join(' ');
  }
  const segmented = segmentForSearch(text);
  const words = [...segmented, ...asciiWords(text).filter((w) => !segmented.includes(w))];
  let cursor = 0;
  for (const word of words) {
    const at = text.indexOf(word, cursor);
    if (at >= 0) cursor = at + word.length;
    if (STOPWORDS.has(word)) continue;
    const brandId = lexicon.brandOf(word);
    if (brandId) {
      push(fieldUnit('brand', brandId));
      continue;
    }
    const table = lookupTable(word);
    if (table) {
      push(fieldUnit(table.kind, table.value));
      continue;
    }
    if (!hasCjk(word) && index.termId(word) === undefined) {
      const typoBrand = lexicon.brandByTypo(word);
      if (typoBrand) {
        push(fieldUnit('brand', typoBrand));
        continue;
      }
      const fixed = closestAsciiTerm(word, index);
      const fixedTable = fixed ? lookupTable(fixed) : undefined;
      if (fixedTable) push(fieldUnit(fixedTable.kind, fixedTable.value));
      else if (fixed) push({ kind: 'text', value: fixed, alts: [{ term: fixed, weight: 0.9 }], bigrams: [] });
      continue;
    }
    // an unknown Chinese word borrows a neighbour character on each side, so 雪域精萃 still finds 雪域精粹
    const known = index.termId(word) !== undefined;
    const span = !known && at >= 0 ? text.slice(Math.max(0, at - 1), at + word.length + 1) : word;
    const bigrams = hasCjk(word) && (word.length > 1 || !known) ? cjkBigrams(span).map((g) => `2:${g}`) : [];
    push({ kind: 'text', value: word, alts: [{ term: word, weight: 1 }], bigrams });
  }
  return units;
}
