/**
 * How much two short texts say the same thing, explainably: a text's words are its jieba tokens (the
 * project's one segmenter), lower-cased, minus the caller's function words, and two texts overlap by the
 * Jaccard index of their words (shared words / all words of both). The unanswered-question groups of the
 * review page and the live room's question clusters both measure it; each keeps its own function words.
 */
import { normalizeForSearch } from './normalize';
import { segmentForSearch } from './segmenter';

export function contentWords(text: string, functionWords: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const t of segmentForSearch(normalizeForSearch(text))) {
    const word = t.toLowerCase();
    if (!functionWords.has(word)) out.add(word);
  }
  return out;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared);
}
