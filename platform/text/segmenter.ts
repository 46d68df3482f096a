/**
 * The process's one Chinese word segmenter: jieba (@node-rs/jieba, its own dictionary shipped in the package)
 * plus whatever words the areas teach it at startup through addWords() (the NLU's domain words and gazetteer
 * names, the knowledge base's synonyms, brand aliases and product nicknames). One instance: loading the
 * dictionary takes ~0.2 s and a cut microseconds. This module reads no domain data itself.
 *
 * Sharing is a choice with a visible effect, taken on purpose: each area's words now reach the other (价保 and
 * 色号 come out whole in search queries too), and every taught word raises jieba's total frequency, which
 * favours longer words slightly (不对, 单号 stay whole in NLU features once the catalogue is loaded). Product
 * titles and FAQ questions cut exactly as before, and intent accuracy with the demo catalogue (and a 30,000-
 * product one) loaded was the same before and after (322/329 on tests/nlu/fixtures); each area alone cuts
 * exactly as it did with its own instance.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';

let jieba: Jieba | undefined;
/** weight each word was taught with, so a word is loaded once (again only if a caller asks for a higher weight) */
const taught = new Map<string, number>();
/** words taught since the last cut: loaded in one native call (one call per word costs seconds at 230,000 products) */
let pending: string[] = [];

/**
 * Weights the areas teach words with. jieba picks the cut whose words have the highest joint frequency, so
 * a higher weight makes a taught word win more often against the words it overlaps.
 */
export const WORD_WEIGHT = {
  /** the NLU's domain words and gazetteer names: whole, but not at any price (its intent model was trained so) */
  intent: 20000,
  /** the catalogue's names: product words must beat jieba's own split of e.g. 洗面奶 / 小棕瓶 in titles and queries */
  catalogue: 200000,
} as const;

export interface AddWordsOptions {
  /** jieba frequency (see WORD_WEIGHT); the highest weight a word was ever taught with is the one kept */
  weight: number;
}

/**
 * Teaches the segmenter whole words. Words with whitespace are skipped: jieba's dictionary format is
 * whitespace-separated, so they cannot be added (and, being cut at the space anyway, need not be).
 */
export function addWords(words: Iterable<string>, options: AddWordsOptions): void {
  for (const raw of words) {
    const word = raw.trim();
    if (!word || /\s/.test(word)) continue;
    const before = taught.get(word);
    if (before !== undefined && before >= options.weight) continue;
    taught.set(word, options.weight);
    pending.push(`${word} ${options.weight}`);
  }
}

/** Every word taught so far with its weight: a worker thread rebuilds the same segmenter from it. */
export function taughtWords(): [word: string, weight: number][] {
  return [...taught];
}

function ready(): Jieba {
  jieba ??= Jieba.withDict(dict);
  if (pending.length) {
    const lines = pending;
    pending = [];
    jieba.loadDict(Buffer.from(lines.join('\n') + '\n', 'utf8'));
  }
  return jieba;
}

/**
 * Every token of a text, whitespace and punctuation included, HMM on: for the NLU's model features, where
 * unknown words (木有, 咋整) should come out whole and punctuation (？！) is itself a feature.
 */
export function segment(text: string): string[] {
  return ready().cut(text, true);
}

const WORDLIKE = /[\p{L}\p{N}]/u;

/**
 * Words of normalised text for search indexing and queries: HMM off, so a title and a query cut the same
 * known words the same way and the HMM invents no words from catalogue noise; punctuation and spaces dropped.
 */
export function segmentForSearch(normalized: string): string[] {
  return ready()
    .cut(normalized, false)
    .filter((t) => WORDLIKE.test(t));
}

/**
 * segmentForSearch over many texts in one call to the native segmenter (one boundary crossing instead of
 * thousands: indexing 230,000 products is several times faster). Texts are joined by newlines, which jieba
 * returns as tokens of their own.
 */
export function segmentManyForSearch(normalized: string[]): string[][] {
  const out: string[][] = [[]];
  const tokens = ready().cut(normalized.map((t) => t.replace(/\n/g, ' ')).join('\n'), false);
  for (const t of tokens) {
    if (t === '\n') out.push([]);
    else if (WORDLIKE.test(t)) out[out.length - 1]!.push(t);
  }
  while (out.length < normalized.length) out.push([]);
  return out;
}
