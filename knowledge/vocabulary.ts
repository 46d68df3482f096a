/** The vocabulary the NLU's gazetteer loads: every name the knowledge base can resolve. */
import type { Vocabulary } from './types';
import type { Lexicon } from './search/lexicon';
import type { ProductIndex } from './search/productIndex';
import { canonicalCategory } from './search/productTerms';
import { categorySynonyms, concernSynonyms, skinTypeSynonyms } from './text/synonyms';

const FAMILY_NAMES: Record<string, string[]> = {
  red: ['红色', '正红', 'red'], pink: ['粉色', '豆沙', 'pink'], coral: ['珊瑚色', '蜜桃色', 'coral', 'peach'], nude: ['裸色', '奶茶色', 'nude'],
  berry: ['莓果色', '紫红', 'berry', 'plum'], orange: ['橘色', '橙色', 'orange'], brown: ['棕色', '砖红', 'brown'],
  ivory: ['象牙白', '白皙', 'ivory'], beige: ['自然色', 'beige'], tan: ['小麦色', 'tan'],
};

const uniq = (items: string[]) => [...new Set(items.filter(Boolean))];

export function buildVocabulary(lexicon: Lexicon, products: ProductIndex): Vocabulary {
  const brands = [...lexicon.brands.values()].map((b) => ({ id: b._id, names: uniq([b.name, b.nameEn ?? '', ...b.aliases]) }));
  const byProduct = new Map<string, string[]>();
  for (const ids of lexicon.allNicknames().values()) {
    for (const id of ids) {
      const p = products.get(id);
      if (p?.nicknames?.length) byProduct.set(id, uniq(p.nicknames));
    }
  }
  const categories = new Map<string, string[]>();
  for (const [value, names] of Object.entries(categorySynonyms)) categories.set(value, uniq([value, ...names]));
  const shadeNames = new Map<string, string[]>();
  for (const p of products.all()) {
    const c = canonicalCategory(p.category);
    if (!categories.has(c)) categories.set(c, [c]);
    for (const s of p.shades ?? []) {
      const list = shadeNames.get(s.family) ?? [...(FAMILY_NAMES[s.family] ?? [s.family])];
      if (!list.includes(s.name) && list.length < 60) list.push(s.name);
      shadeNames.set(s.family, list);
    }
  }
  return {
    brands,
    products: [...byProduct].map(([id, names]) => ({ id, names })),
    categories: [...categories].map(([value, names]) => ({ value, names })),
    concerns: Object.entries(concernSynonyms).map(([value, names]) => ({ value, names: uniq([value, ...names]) })),
    skinTypes: Object.entries(skinTypeSynonyms).map(([value, names]) => ({ value, names: uniq([value, ...names]) })),
    shades: [...shadeNames].map(([value, names]) => ({ value, names: uniq(names) })),
  };
}
