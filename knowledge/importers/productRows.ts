/**
 * Our own product CSV/JSON columns → Product. CSV lists use "|" (sizes "30ml|50ml"); ingredients are
 * "玻色因:3|烟酰胺" (name, optional percent). Missing brand ids and top categories are filled from the
 * brand name and the product type.
 */
import type { Lexicon } from '../search/lexicon';
import { normalizeForSearch } from '../../platform/text/normalize';
import { extractType } from './titleExtraction';

const LISTS = ['sizes', 'concerns', 'skinTypes', 'nicknames'] as const;
const NUMBERS = ['price', 'stock', 'sales', 'rating', 'shelfLifeMonths', 'paoMonths', 'consumptionDays'] as const;

/** A CSV row (all strings) → a product-shaped object for schema validation; returns a reason on bad cells. */
export function csvProductRow(row: Record<string, string>): Record<string, unknown> | string {
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(row)) {
    const v = (raw ?? '').trim();
    if (v === '') continue;
    if ((LISTS as readonly string[]).includes(key)) out[key] = v.split('|').map((s) => s.trim()).filter(Boolean);
    else if ((NUMBERS as readonly string[]).includes(key)) {
      const n = Number(v);
      if (!Number.isFinite(n)) return `${key} "${v}" is not a number`;
      out[key] = n;
    } else if (key === 'competitor') out[key] = ['true', '1', 'yes'].includes(v.toLowerCase());
    else if (key === 'ingredients') {
      out[key] = v.split('|').map((part) => {
        const [name, pct] = part.split(':').map((s) => s.trim());
        return pct ? { name, concentration: Number(pct.replace('%', '')) } : { name };
      });
    } else if (key === 'id') out._id = v;
    else out[key] = v;
  }
  return out;
}

/** fills brandId / brand / topCategory a merchant's file may leave out */
export function completeProduct(input: Record<string, unknown>, lexicon: Lexicon, source: string): Record<string, unknown> {
  const p: Record<string, unknown> = { ...input };
  if (p.id !== undefined && p._id === undefined) p._id = p.id;
  delete p.id;
  if (typeof p._id === 'number') p._id = String(p._id);
  if (!p.brandId && typeof p.brand === 'string' && p.brand.trim()) {
    p.brandId = lexicon.brandOf(normalizeForSearch(p.brand).trim()) ?? `b-${normalizeForSearch(p.brand).replace(/[^\p{L}\p{N}]+/gu, '')}`;
  }
  if (!p.brand && typeof p.brandId === 'string') p.brand = lexicon.brands.get(p.brandId)?.name;
  if (!p.topCategory && typeof p.category === 'string') p.topCategory = extractType(p.category)?.topCategory ?? 'other';
  if (p.stock === undefined) p.stock = 0;
  p.source = (p.source as string | undefined) ?? source;
  return p;
}

