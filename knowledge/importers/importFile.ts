/**
 * `kb import FILE`: JSON (an array of products, or {brands, products, faqs}) or CSV (our product columns,
 * or a marketplace listing export). Every record is validated first; bad ones are reported with their
 * line and reason, and only then are the good ones written — an import never leaves half a batch behind.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Brand, FaqEntry, Product } from '../types';
import type { Lexicon } from '../search/lexicon';
import type { UpsertResult } from '../storeWrites';

/** Where an import writes (the knowledge base provides it; named here so neither imports the other). */
export interface ImportTarget {
  readonly lexicon: Lexicon;
  getBrand(id: string): Brand | undefined;
  upsertBrands(input: Brand[]): Promise<UpsertResult>;
  upsertProducts(input: Product[]): Promise<UpsertResult>;
  upsertFaqs(input: FaqEntry[]): Promise<UpsertResult>;
}
import { brandSchema, faqSchema, firstIssue, productSchema } from './productSchema';
import { readCsv } from './csvRows';
import { isListingHeader, listingToProduct } from './taobaoListing';
import { completeProduct, csvProductRow } from './productRows';

export interface ImportReport {
  imported: number;
  updated: number;
  rejected: { line: number; reason: string }[];
}

export class ImportError extends Error {}

interface Parsed {
  brands: Brand[];
  products: Product[];
  faqs: FaqEntry[];
  rejected: ImportReport['rejected'];
}

export type Progress = (done: number, total: number) => void;

export async function importFile(kb: ImportTarget, file: string, onProgress?: Progress): Promise<ImportReport> {
  if (!fs.existsSync(file)) throw new ImportError(`file not found: ${file}`);
  const text = fs.readFileSync(file, 'utf8');
  const source = `import:${path.basename(file)}`;
  const ext = path.extname(file).toLowerCase();
  let parsed: Parsed;
  if (ext === '.json') parsed = parseJson(kb, text, source, onProgress);
  else if (ext === '.csv') parsed = parseCsv(kb, text, source, onProgress);
  else throw new ImportError(`unsupported file type "${ext || '(none)'}": use .json or .csv`);
  return writeParsed(kb, parsed);
}

export async function writeParsed(kb: ImportTarget, parsed: Parsed): Promise<ImportReport> {
  // products naming a brand the store does not know yet bring that brand along
  const known = new Set(parsed.brands.map((b) => b._id));
  for (const p of parsed.products) {
    if (kb.getBrand(p.brandId) || known.has(p.brandId)) continue;
    known.add(p.brandId);
    parsed.brands.push({ _id: p.brandId, name: p.brand, aliases: [p.brand], own: !p.competitor });
  }
  if (parsed.brands.length) await kb.upsertBrands(parsed.brands);
  const products = await kb.upsertProducts(parsed.products);
  const faqs = await kb.upsertFaqs(parsed.faqs);
  return {
    imported: products.inserted + faqs.inserted,
    updated: products.updated + faqs.updated,
    rejected: parsed.rejected.sort((a, b) => a.line - b.line),
  };
}

function parseCsv(kb: ImportTarget, text: string, source: string, onProgress?: Progress): Parsed {
  const csv = readCsv(text);
  const out: Parsed = { brands: [], products: [], faqs: [], rejected: [...csv.errors] };
  const listing = isListingHeader(csv.columns);
  if (!listing && !['title', 'price'].every((c) => csv.columns.includes(c))) {
    throw new ImportError(`unrecognised CSV header (${csv.columns.join(',')}): expected id,title,price_cny,… or id,brand,category,title,price,…`);
  }
  const newBrands = new Map<string, Brand>();
  csv.rows.forEach((row, i) => {
    if (onProgress && (i + 1) % 1000 === 0) onProgress(i + 1, csv.rows.length);
    if (listing) {
      const r = listingToProduct(row.values, kb.lexicon, source);
      if ('error' in r) return void out.rejected.push({ line: row.line, reason: r.error });
      const checked = productSchema.safeParse(r.product);
      if (!checked.success) return void out.rejected.push({ line: row.line, reason: firstIssue(checked.error) });
      if (r.brand && !newBrands.has(r.brand._id)) newBrands.set(r.brand._id, r.brand);
      return void out.products.push(checked.data as Product);
    }
    const cells = csvProductRow(row.values);
    if (typeof cells === 'string') return void out.rejected.push({ line: row.line, reason: cells });
    const checked = productSchema.safeParse(completeProduct(cells, kb.lexicon, source));
    if (!checked.success) return void out.rejected.push({ line: row.line, reason: firstIssue(checked.error) });
    out.products.push(checked.data as Product);
  });
  onProgress?.(csv.rows.length, csv.rows.length);
  out.brands = [...newBrands.values()].filter((b) => !kb.getBrand(b._id));
  return out;
}

function parseJson(kb: ImportTarget, text: string, source: string, onProgress?: Progress): Parsed {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new ImportError(`not valid JSON: ${(err as Error).message}`);
  }
  const body = Array.isArray(data) ? { products: data } : (data as Record<string, unknown>);
  if (!body || typeof body !== 'object') throw new ImportError('JSON must be an array of products or {"brands", "products", "faqs"}');
  const out: Parsed = { brands: [], products: [], faqs: [], rejected: [] };
  // JSON records are numbered across the file (brands, then products, then FAQ), 1-based: "line" = record number
  let n = 0;
  const each = (key: string, fn: (item: unknown, line: number) => void) => {
    const list = body[key];
    if (list === undefined) return;
    if (!Array.isArray(list)) throw new ImportError(`"${key}" must be an array`);
    list.forEach((item) => fn(item, ++n));
  };
  each('brands', (item, line) => {
    const r = brandSchema.safeParse(item);
    if (r.success) out.brands.push(r.data as Brand);
    else out.rejected.push({ line, reason: `brand: ${firstIssue(r.error)}` });
  });
  for (const b of out.brands) kb.lexicon.addBrand(b); // products in the same file may name them
  const total = Array.isArray(body.products) ? body.products.length : 0;
  each('products', (item, line) => {
    if (onProgress && out.products.length % 1000 === 999) onProgress(out.products.length + 1, total);
    if (!item || typeof item !== 'object') return void out.rejected.push({ line, reason: 'product is not an object' });
    const r = productSchema.safeParse(completeProduct(item as Record<string, unknown>, kb.lexicon, source));
    if (r.success) out.products.push(r.data as Product);
    else out.rejected.push({ line, reason: firstIssue(r.error) });
  });
  each('faqs', (item, line) => {
    const r = faqSchema.safeParse(item);
    if (r.success) out.faqs.push(r.data as FaqEntry);
    else out.rejected.push({ line, reason: `faq: ${firstIssue(r.error)}` });
  });
  return out;
}
