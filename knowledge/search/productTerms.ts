/**
 * The index terms of one product. Field terms carry a prefix (b: brand, c: category, k: concern,
 * s: skin type) so "面霜" the category and "面霜" in a title can be weighted differently; title words
 * come from jieba, plus CJK character bigrams ("2:" prefix) that catch near-misses and odd segmentation.
 */
import type { Product } from '../types';
import { asciiWords, cjkBigrams } from '../text/searchText';
import { normalizeForSearch } from '../../platform/text/normalize';
import { segmentForSearch, segmentManyForSearch } from '../text/searchWords';
import { categoryLookup, concernLookup, skinTypeLookup } from '../text/synonyms';

export const canonicalCategory = (category: string): string => categoryLookup.get(category.toLowerCase()) ?? category;
export const canonicalConcern = (concern: string): string => concernLookup.get(concern.toLowerCase()) ?? concern;
export const canonicalSkinType = (skin: string): string => skinTypeLookup.get(skin.toLowerCase()) ?? skin;

/** the searchable text of a product (title, English title, line, nicknames, brand, type, key ingredients) */
export function productText(p: Product): string {
  const parts = [p.title, p.titleEn ?? '', p.line ?? '', ...(p.nicknames ?? []), p.brand, p.category];
  for (const ing of p.ingredients ?? []) parts.push(ing.name);
  for (const shade of p.shades ?? []) parts.push(shade.name, shade.code);
  return normalizeForSearch(parts.join(' '));
}

/** text terms: jieba words, ASCII words and CJK bigrams */
export function textTerms(normalized: string, out: Set<string>): void {
  for (const t of segmentForSearch(normalized)) out.add(t);
  for (const w of asciiWords(normalized)) out.add(w);
  for (const g of cjkBigrams(normalized)) out.add(`2:${g}`);
}

export function productTerms(p: Product, words?: string[]): Set<string> {
  const terms = new Set<string>();
  terms.add(`b:${p.brandId}`);
  terms.add(`c:${canonicalCategory(p.category)}`);
  for (const c of p.concerns ?? []) terms.add(`k:${canonicalConcern(c)}`);
  for (const s of p.skinTypes ?? []) terms.add(`s:${canonicalSkinType(s)}`);
  const text = productText(p);
  const tokens = words ?? segmentForSearch(text);
  const ascii = asciiWords(text);
  for (const t of tokens) terms.add(t);
  for (const w of ascii) terms.add(w);
  for (const g of cjkBigrams(text)) terms.add(`2:${g}`);
  impliedTerms(tokens, terms);
  impliedTerms(ascii, terms);
  return terms;
}

/**
 * Types and claims a title names that the fields do not say (a 面霜 listed as 套装, 补水 in a title
 * without the 保湿 concern): t: and q: terms, so a query unit needs two posting lists, not a dozen synonyms.
 */
function impliedTerms(words: string[], terms: Set<string>): void {
  for (const t of words) {
    const c = categoryLookup.get(t);
    if (c && !terms.has(`c:${c}`)) terms.add(`t:${c}`);
    const k = concernLookup.get(t);
    if (k && !terms.has(`k:${k}`)) terms.add(`q:${k}`);
  }
}

/** terms of many products, segmenting them in one native call */
export function productTermsMany(products: Product[]): Set<string>[] {
  const words = segmentManyForSearch(products.map(productText));
  return products.map((p, i) => productTerms(p, words[i]));
}
