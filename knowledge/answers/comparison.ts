/**
 * Side-by-side comparison of two products as rows (attribute, A, B) that each channel renders its own way.
 * Ingredients become one row each (ingredient:玻色因 → 3% vs 10%), so the difference that matters shows.
 */
import type { Comparison, ComparisonRow, Lang, Product } from '../types';
import { concernEn, skinTypeEn } from '../text/synonyms';

const dash = '—';

function ingredientCell(p: Product, name: string, lang: Lang): string {
  const ing = (p.ingredients ?? []).find((i) => i.name === name);
  if (!ing) return p.ingredients?.length ? (lang === 'zh' ? '未列出' : 'not listed') : dash;
  if (ing.concentration === undefined) return lang === 'zh' ? '含（浓度未公布）' : 'yes (level not disclosed)';
  return `${ing.concentration}%`;
}

export function compareProducts(a: Product, b: Product, lang: Lang): Comparison {
  const zh = lang === 'zh';
  const join = (items: string[] | undefined, map?: Record<string, string>) =>
    items?.length ? items.map((i) => (zh ? i : (map?.[i] ?? i))).join(zh ? '、' : ', ') : dash;
  const months = (m: number | undefined) => (m === undefined ? dash : zh ? `${m}个月` : `${m} months`);
  const rows: ComparisonRow[] = [
    { attribute: 'brand', label: zh ? '品牌' : 'Brand', a: a.brand, b: b.brand },
    { attribute: 'category', label: zh ? '品类' : 'Type', a: a.category, b: b.category },
    { attribute: 'price', label: zh ? '价格' : 'Price', a: `¥${a.price}`, b: `¥${b.price}` },
    { attribute: 'sizes', label: zh ? '规格' : 'Sizes', a: join(a.sizes), b: join(b.sizes) },
  ];
  const names: string[] = [];
  for (const p of [a, b]) for (const i of p.ingredients ?? []) if (!names.includes(i.name)) names.push(i.name);
  // ingredients with a disclosed concentration first: those are the rows customers compare
  const disclosed = (n: string) => [a, b].some((p) => p.ingredients?.some((i) => i.name === n && i.concentration !== undefined));
  names.sort((x, y) => Number(disclosed(y)) - Number(disclosed(x)));
  for (const name of names) {
    const en = [a, b].flatMap((p) => p.ingredients ?? []).find((i) => i.name === name)?.nameEn;
    rows.push({ attribute: `ingredient:${name}`, label: zh || !en ? name : en, a: ingredientCell(a, name, lang), b: ingredientCell(b, name, lang) });
  }
  rows.push(
    { attribute: 'concerns', label: zh ? '功效' : 'Benefits', a: join(a.concerns, concernEn), b: join(b.concerns, concernEn) },
    { attribute: 'skinTypes', label: zh ? '适合肤质' : 'Skin types', a: join(a.skinTypes, skinTypeEn), b: join(b.skinTypes, skinTypeEn) },
    { attribute: 'texture', label: zh ? '质地' : 'Texture', a: a.texture ?? dash, b: b.texture ?? dash },
    { attribute: 'fragrance', label: zh ? '香味' : 'Fragrance', a: a.fragrance ?? dash, b: b.fragrance ?? dash },
    { attribute: 'paoMonths', label: zh ? '开封后保质' : 'After opening', a: months(a.paoMonths), b: months(b.paoMonths) },
    { attribute: 'shelfLifeMonths', label: zh ? '保质期' : 'Shelf life', a: months(a.shelfLifeMonths), b: months(b.shelfLifeMonths) },
  );
  return {
    a: { id: a._id, title: zh ? a.title : (a.titleEn ?? a.title), brand: a.brand },
    b: { id: b._id, title: zh ? b.title : (b.titleEn ?? b.title), brand: b.brand },
    rows,
  };
}
