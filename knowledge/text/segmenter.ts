/**
 * Chinese segmentation with jieba plus a beauty-domain dictionary (brands, nicknames, product types,
 * concerns), so 小棕瓶, 洗面奶 and 自然堂 come out as whole words. One shared instance per process.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import { categorySynonyms, concernSynonyms, skinTypeSynonyms } from './synonyms';
import { hasCjk } from './normalize';

let jieba: Jieba | undefined;
const added = new Set<string>();
/** words learnt since the last cut: loaded in one native call (one call per word costs seconds at 230,000 products) */
let pending: string[] = [];

const DOMAIN_WORDS = ['男士', '女士', '玻色因', '烟酰胺', '水杨酸', '视黄醇', '神经酰胺', '透明质酸', '玻尿酸', '角鲨烷', '胜肽', '维C', '小样', '正装', '套装'];

function instance(): Jieba {
  if (!jieba) {
    jieba = Jieba.withDict(dict);
    const words = [
      ...DOMAIN_WORDS,
      ...[categorySynonyms, concernSynonyms, skinTypeSynonyms].flatMap((t) => Object.entries(t).flatMap(([k, v]) => [k, ...v])),
    ];
    addWords(words);
  }
  return jieba;
}

/** Teaches the segmenter new whole words (brand aliases, nicknames, product lines). */
export function addWords(words: Iterable<string>): void {
  for (const raw of words) {
    const w = raw.trim().toLowerCase();
    if (w.length < 2 || !hasCjk(w) || /\s/.test(w) || added.has(w)) continue;
    added.add(w);
    pending.push(`${w} 200000 n`);
  }
}

function ready(): Jieba {
  const j = instance();
  if (pending.length) {
    const lines = pending;
    pending = [];
    j.loadDict(Buffer.from(lines.join('\n')));
  }
  return j;
}

/** jieba tokens of normalised text, whitespace and punctuation dropped */
export function segment(normalized: string): string[] {
  return ready()
    .cut(normalized, false)
    .filter((t) => /[\p{L}\p{N}]/u.test(t));
}

/**
 * Segments many texts in one call to the native segmenter (one boundary crossing instead of thousands:
 * building the index for 230,000 products is several times faster). Texts are joined by newlines,
 * which jieba returns as tokens of their own.
 */
export function segmentMany(normalized: string[]): string[][] {
  const out: string[][] = [[]];
  const tokens = ready().cut(normalized.map((t) => t.replace(/\n/g, ' ')).join('\n'), false);
  for (const t of tokens) {
    if (t === '\n') out.push([]);
    else if (/[\p{L}\p{N}]/u.test(t)) out[out.length - 1]!.push(t);
  }
  while (out.length < normalized.length) out.push([]);
  return out;
}
