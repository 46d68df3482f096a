/**
 * Comparable (competitor) products and cross-sell suggestions for one product: written relations first,
 * then what the data implies — a blush in the same colour family for a lipstick, same-type products of
 * other brands at a similar price for comparison.
 */
import type { Product } from './types';
import type { ProductIndex } from './search/productIndex';
import type { ProductSearch } from './search/productSearch';

/** What relations are computed from (the knowledge base provides it; named here so neither imports the other). */
export interface RelationSource {
  readonly products: ProductIndex;
  readonly productSearch: ProductSearch;
  getProduct(id: string): Product | undefined;
  reverseComparables(id: string): string[];
}

const LIP = new Set(['口红', '唇釉', '唇彩', '唇膏']);
const MAX = 8;

export function relatedProducts(kb: RelationSource, productId: string): { comparables: Product[]; crossSell: Product[] } {
  const p = kb.getProduct(productId);
  if (!p) return { comparables: [], crossSell: [] };
  const get = (ids: string[] | undefined) => (ids ?? []).map((id) => kb.getProduct(id)).filter((x): x is Product => !!x && x._id !== p._id);
  const dedupe = (items: Product[]) => [...new Map(items.map((x) => [x._id, x])).values()].slice(0, MAX);

  let comparables = dedupe([...get(p.relations?.comparable), ...get(kb.reverseComparables(p._id))]);
  if (!comparables.length) {
    const ranked = kb.productSearch.rank([], 20, {
      category: p.category,
      includeCompetitors: true,
      priceMin: p.price * 0.5,
      priceMax: p.price * 1.5,
    });
    comparables = ranked.map((r) => kb.products.product(r.doc)!).filter((x) => x && x.brandId !== p.brandId).slice(0, 3);
  }

  const sellable = (x: Product) => !x.competitor && x.stock > 0;
  const suggestions: Product[] = [...get(p.relations?.matchingShade)];
  if (LIP.has(p.category) && p.shades?.length) {
    const families = new Set(p.shades.map((s) => s.family));
    const blushes = kb.productSearch
      .rank([], 50, { category: '腮红', inStockOnly: true })
      .map((r) => kb.products.product(r.doc)!)
      .filter((b) => b && (b.shades ?? []).some((s) => families.has(s.family)));
    suggestions.push(...blushes);
  }
  suggestions.push(...get(p.relations?.bundle), ...get(p.relations?.upsell));
  return { comparables, crossSell: dedupe(suggestions.filter(sellable)) };
}
