/**
 * Which product a message names: an explicit SKU, a nickname (小棕瓶, DW — disambiguated by a brand named
 * in the same message), or a confident search match on brand + type / title words. Question words
 * ("适合油皮吗", "多少钱") are ignored so they do not dilute the match.
 */
import type { Product } from './types';
import { normalizeForSearch } from '../platform/text/normalize';
import type { Lexicon } from './search/lexicon';
import type { ProductIndex } from './search/productIndex';
import type { ProductSearch } from './search/productSearch';

const SKU = /\b[a-z]{2}-\d{4}\b/i;

function bestOf(ids: Iterable<string>, products: ProductIndex, brands: string[]): Product | undefined {
  let best: Product | undefined;
  let bestScore = -Infinity;
  for (const id of ids) {
    const p = products.get(id);
    if (!p) continue;
    const score = (brands.includes(p.brandId) ? 1e9 : 0) + (p.competitor ? 0 : 1e8) + (p.sales ?? 0);
    if (score > bestScore) [best, bestScore] = [p, score];
  }
  return best;
}

export function findMention(text: string, products: ProductIndex, lexicon: Lexicon, search: ProductSearch): Product | undefined {
  const sku = text.match(SKU);
  if (sku) {
    const p = products.get(sku[0].toLowerCase()) ?? products.get(sku[0]);
    if (p) return p;
  }
  const norm = normalizeForSearch(text);
  const brands = lexicon.brandsIn(norm);
  const nicknames = lexicon.nicknamesIn(norm);
  if (nicknames.length) {
    // a brand named with the nickname wins (兰蔻小黑瓶 vs 欧莱雅小黑瓶)
    const withBrand = nicknames.flatMap((n) => [...n.ids]).filter((id) => brands.includes(products.get(id)?.brandId ?? ''));
    const found = bestOf(withBrand.length ? withBrand : nicknames[0]!.ids, products, brands);
    if (found) return found;
  }
  const units = search
    .parse(text)
    .filter((u) => u.kind === 'brand' || u.kind === 'category' || (u.kind === 'text' && products.index.termId(u.value) !== undefined));
  const named = units.filter((u) => u.kind === 'brand' || u.kind === 'text');
  if (units.length < 2 || !named.length) return undefined;
  const [top] = search.rank(units, 1, { includeCompetitors: true });
  return top && top.relevance >= 0.8 ? products.product(top.doc) : undefined;
}
