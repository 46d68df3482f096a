/**
 * Marketplace listing rows (id, title, price_cny, sale_count, comment_count, brand_shop, snapshot_date)
 * → products. The brand comes from the known aliases in the title or the shop column; size, type and
 * claims come from the title. Returns the product or the reason the row is rejected.
 */
import type { Brand, Product } from '../types';
import type { Lexicon } from '../search/lexicon';
import { normalizeForSearch } from '../../platform/text/normalize';
import { extractBrandForms, extractClaims, extractSizes, extractType } from './titleExtraction';

export const LISTING_COLUMNS = ['id', 'title', 'price_cny'];

export function isListingHeader(columns: string[]): boolean {
  return LISTING_COLUMNS.every((c) => columns.includes(c));
}

export type RowResult = { product: Product; brand?: Brand } | { error: string };

const ID = /^[A-Za-z0-9_-]{1,64}$/;

function count(value: string | undefined, field: string): number | undefined | { error: string } {
  const v = (value ?? '').trim();
  if (v === '') return undefined;
  if (!/^\d+$/.test(v)) return { error: `${field} "${v}" is not a whole number` };
  return Number(v);
}

export function listingToProduct(row: Record<string, string>, lexicon: Lexicon, source: string): RowResult {
  const id = (row.id ?? '').trim();
  if (!id) return { error: 'id is empty' };
  if (!ID.test(id)) return { error: `id "${id.slice(0, 40)}" has characters other than letters, digits, - and _` };
  const title = (row.title ?? '').replace(/\s+/g, ' ').trim();
  if (!title) return { error: 'title is empty' };
  if (title.length > 300) return { error: 'title is longer than 300 characters' };
  const priceText = (row.price_cny ?? '').trim();
  const price = Number(priceText);
  if (!priceText || !Number.isFinite(price)) return { error: `price_cny "${priceText}" is not a number` };
  if (price <= 0) return { error: `price_cny ${priceText} must be above 0` };
  if (price > 1e6) return { error: `price_cny ${priceText} is implausibly high` };
  const sales = count(row.sale_count, 'sale_count');
  if (typeof sales === 'object') return sales;
  const comments = count(row.comment_count, 'comment_count');
  if (typeof comments === 'object') return comments;

  const norm = normalizeForSearch(title);
  const shop = (row.brand_shop ?? '').trim();
  const forms = extractBrandForms(title, shop ? [shop] : []);
  let brandId: string | undefined = (shop ? lexicon.brandOf(normalizeForSearch(shop)) : undefined) ?? lexicon.brandsIn(norm)[0];
  if (!brandId && forms?.chinese) brandId = lexicon.brandOf(normalizeForSearch(forms.chinese));
  if (!brandId && forms?.latin) brandId = lexicon.brandOf(normalizeForSearch(forms.latin));
  let brand: Brand | undefined;
  if (!brandId) {
    const name = shop || forms?.chinese || forms?.latin;
    if (!name) return { error: 'no brand in brand_shop or title' };
    brandId = `b-${normalizeForSearch(name).replace(/[^\p{L}\p{N}]+/gu, '')}`;
    const aliases = [name, ...(forms && forms.chinese === name && forms.latin ? [forms.latin] : [])];
    brand = { _id: brandId, name, aliases, own: true, ...(forms?.latin && forms.chinese === name ? { nameEn: forms.latin } : {}) };
  }
  const brandName = brand?.name ?? lexicon.brands.get(brandId)?.name ?? shop;
  const type = extractType(title) ?? { category: '其他', topCategory: 'other' as const };
  const { concerns, skinTypes } = extractClaims(title);
  const sizes = extractSizes(title);
  const product: Product = {
    _id: id,
    brandId,
    brand: brandName,
    category: type.category,
    topCategory: type.topCategory,
    title,
    price,
    stock: 0,
    source,
    ...(sizes.length ? { sizes } : {}),
    ...(concerns.length ? { concerns } : {}),
    ...(skinTypes.length ? { skinTypes } : {}),
    ...(sales !== undefined ? { sales } : {}),
  };
  return { product, brand };
}
