/**
 * Ranked product search over the ProductIndex. Each query unit scores a document 0..1 (best exact term,
 * or partial credit from bigrams); units are weighted (field units and rare words count more), and the
 * relevance is nudged by popularity and stock. Scratch arrays are reused across queries, so a query at
 * 230,000 products allocates almost nothing.
 */
import type { SearchFilters, SearchHit } from '../types';
import { canonicalCategory, canonicalConcern, canonicalSkinType } from './productTerms';
import { FLAG_COMPETITOR, FLAG_IN_STOCK, ProductIndex } from './productIndex';
import type { Lexicon } from './lexicon';
import { parseQuery, QueryUnit } from './queryParser';
import { normalizeForSearch } from '../../platform/text/normalize';

export interface RankedDoc {
  doc: number;
  score: number;
  relevance: number;
}

const BIGRAM_CREDIT = 0.8;
const NONE: number[] = [];

export class ProductSearch {
  private unitVal = new Float32Array(0);
  private unitStamp = new Int32Array(0);
  private touched = new Int32Array(0);
  private acc = new Float32Array(0);
  private accStamp = new Int32Array(0);
  private accTouched = new Int32Array(0);
  private stamp = 0;
  private queryStamp = 0;

  constructor(
    private readonly products: ProductIndex,
    private readonly lexicon: Lexicon,
  ) {}

  parse(query: string): QueryUnit[] {
    return parseQuery(query, this.lexicon, this.products.index);
  }

  search(query: string, limit = 10, filters: SearchFilters = {}): SearchHit[] {
    return this.rank(this.parse(query), limit, filters).map((r) => {
      const p = this.products.product(r.doc)!;
      return { id: p._id, title: p.title, brand: p.brand, category: p.category, price: p.price, score: Math.round(r.score * 10000) / 10000 };
    });
  }

  rank(units: QueryUnit[], limit: number, filters: SearchFilters = {}): RankedDoc[] {
    const accept = this.filterFn(filters);
    if (!accept) return [];
    if (units.length === 0) return this.browse(limit, accept, filters);
    this.ensureScratch();
    const idx = this.products.index;
    const n = Math.max(1, this.products.docCount);
    const weights = units.map((u) => this.unitWeight(u, n));
    const totalWeight = weights.reduce((s, w) => s + w, 0);
    const qs = ++this.queryStamp;
    let accCount = 0;
    const { unitVal, unitStamp, touched, acc, accStamp, accTouched } = this;
    // skin-type and concern units only re-rank what brand, type or words found: checked per candidate
    // with bit sets instead of walking posting lists that cover a third of the catalogue
    const anchored = units.some((u) => u.kind !== 'skin' && u.kind !== 'concern');
    const modifiers: { w: number; bits: number; allBit: number; impliedBits: number; concern: boolean }[] = [];
    units.forEach((unit, ui) => {
      if (anchored && (unit.kind === 'skin' || unit.kind === 'concern')) {
        const p = this.products;
        const concern = unit.kind === 'concern';
        const bits = p.knownBit(concern ? `k:${unit.value}` : `s:${unit.value}`);
        const extra = unit.value === '油皮' ? p.knownBit('s:油性头皮') : unit.value === '干皮' ? p.knownBit('s:干性发质') : 0;
        modifiers.push({ w: weights[ui]! / totalWeight, bits: bits | extra, allBit: concern ? 0 : p.knownBit('s:所有肤质'), impliedBits: concern ? bits : 0, concern });
        return;
      }
      const st = ++this.stamp;
      let tCount = 0;
      // hot loops: plain typed-array code, no callbacks (230,000 products)
      for (const alt of unit.alts) {
        const id = idx.termId(alt.term);
        if (id === undefined) continue;
        const credit = alt.weight;
        const r = idx.range(id);
        const data = r.data;
        const extra = r.extra ?? NONE;
        const end = r.end + extra.length;
        for (let i = r.start; i < end; i++) {
          const doc = i < r.end ? data[i]! : extra[i - r.end]!;
          if (unitStamp[doc] !== st) {
            unitStamp[doc] = st;
            unitVal[doc] = credit;
            touched[tCount++] = doc;
          } else if (unitVal[doc]! < credit) unitVal[doc] = credit;
        }
      }
      if (unit.bigrams.length) {
        const credit = BIGRAM_CREDIT / unit.bigrams.length;
        for (const g of unit.bigrams) {
          const id = idx.termId(g);
          if (id === undefined) continue;
          const r = idx.range(id);
          const data = r.data;
          const extra = r.extra ?? NONE;
          const end = r.end + extra.length;
          for (let i = r.start; i < end; i++) {
            const doc = i < r.end ? data[i]! : extra[i - r.end]!;
            if (unitStamp[doc] !== st) {
              unitStamp[doc] = st;
              unitVal[doc] = credit;
              touched[tCount++] = doc;
            } else if (unitVal[doc]! < BIGRAM_CREDIT) unitVal[doc] = Math.min(BIGRAM_CREDIT, unitVal[doc]! + credit);
          }
        }
      }
      const w = weights[ui]! / totalWeight;
      for (let i = 0; i < tCount; i++) {
        const doc = touched[i]!;
        if (accStamp[doc] !== qs) {
          accStamp[doc] = qs;
          acc[doc] = 0;
          accTouched[accCount++] = doc;
        }
        acc[doc]! += w * unitVal[doc]!;
      }
    });
    const top: RankedDoc[] = [];
    const { alive, popularity, flags, skinBits, concernBits, impliedConcernBits } = this.products;
    for (let i = 0; i < accCount; i++) {
      const doc = accTouched[i]!;
      if (!alive[doc]) continue;
      let relevance = acc[doc]!;
      for (const m of modifiers) {
        if (m.concern) relevance += concernBits[doc]! & m.bits ? m.w : impliedConcernBits[doc]! & m.impliedBits ? 0.8 * m.w : 0;
        else relevance += skinBits[doc]! & m.bits ? m.w : skinBits[doc]! & m.allBit ? 0.7 * m.w : 0;
      }
      if (relevance < 0.2) continue;
      const score = relevance * (0.85 + 0.15 * popularity[doc]!) + (flags[doc]! & FLAG_IN_STOCK ? 0.005 : 0);
      if (top.length === limit && score <= top[top.length - 1]!.score) continue;
      if (!accept(doc)) continue;
      insertSorted(top, { doc, score, relevance }, limit);
    }
    return top;
  }

  /** no words, only filters: the most popular matching products */
  private browse(limit: number, accept: (doc: number) => boolean, filters: SearchFilters): RankedDoc[] {
    const top: RankedDoc[] = [];
    const { alive, popularity } = this.products;
    // a category or brand filter narrows the scan to that term's postings
    const term = filters.category ? `c:${canonicalCategory(filters.category)}` : undefined;
    const termId = term === undefined ? undefined : this.products.index.termId(term);
    if (term !== undefined && termId === undefined) return top;
    const r = termId === undefined ? undefined : this.products.index.range(termId);
    const extra = r?.extra ?? NONE;
    const start = r ? r.start : 0;
    const end = r ? r.end + extra.length : this.products.docCount;
    for (let i = start; i < end; i++) {
      const doc = !r ? i : i < r.end ? r.data[i]! : extra[i - r.end]!;
      if (!alive[doc]) continue;
      const score = popularity[doc]!;
      if (top.length === limit && score <= top[top.length - 1]!.score) continue;
      if (!accept(doc)) continue;
      insertSorted(top, { doc, score, relevance: 0 }, limit);
    }
    return top;
  }

  /** docs holding any of the terms, as a byte mask (skin-type and concern filters) */
  private maskOf(terms: string[]): Uint8Array {
    const mask = new Uint8Array(this.products.docCount);
    for (const t of terms) {
      const id = this.products.index.termId(t);
      if (id !== undefined) this.products.index.each(id, (doc) => (mask[doc] = 1));
    }
    return mask;
  }

  private unitWeight(unit: QueryUnit, n: number): number {
    if (unit.kind === 'brand' || unit.kind === 'category') return 1.5;
    if (unit.kind === 'concern' || unit.kind === 'skin') return 1;
    const id = this.products.index.termId(unit.alts[0]?.term ?? '');
    const df = id === undefined ? 1 : Math.max(1, this.products.index.df(id));
    // rare words say more about what the customer wants than common ones
    return 0.5 + Math.log(1 + n / df) / Math.log(1 + n);
  }

  /** undefined when a filter names something that cannot match (unknown brand): no results */
  private filterFn(f: SearchFilters): ((doc: number) => boolean) | undefined {
    const p = this.products;
    let brandNo = -1;
    if (f.brand) {
      const key = normalizeForSearch(f.brand).trim();
      const brandId = this.lexicon.brands.has(f.brand) ? f.brand : this.lexicon.brandOf(key);
      const no = brandId === undefined ? undefined : p.brandNos.get(brandId);
      if (no === undefined) return undefined;
      brandNo = no;
    }
    let categoryNo = -1;
    if (f.category) {
      const no = p.categoryNos.get(canonicalCategory(f.category));
      if (no === undefined) return undefined;
      categoryNo = no;
    }
    const topNo = f.topCategory ? p.topNumber(f.topCategory) : -1;
    const skin = f.skinType ? canonicalSkinType(f.skinType) : undefined;
    const concern = f.concern ? canonicalConcern(f.concern) : undefined;
    // -1: a value without a bit (more than 31 kinds): fall back to a mask built from its postings
    const skinBit = skin ? p.knownBit(`s:${skin}`) | p.knownBit('s:所有肤质') : 0;
    const concernBit = concern ? p.knownBit(`k:${concern}`) : 0;
    const skinMask = skin && !p.knownBit(`s:${skin}`) ? this.maskOf([`s:${skin}`, 's:所有肤质']) : undefined;
    const concernMask = concern && !concernBit ? this.maskOf([`k:${concern}`]) : undefined;
    const min = f.priceMin ?? -Infinity;
    const max = f.priceMax ?? Infinity;
    const competitors = f.includeCompetitors ?? false;
    const inStockOnly = f.inStockOnly ?? false;
    return (doc) => {
      if (brandNo >= 0 && p.brandNo[doc] !== brandNo) return false;
      if (categoryNo >= 0 && p.categoryNo[doc] !== categoryNo) return false;
      if (topNo >= 0 && p.topNo[doc] !== topNo) return false;
      const price = p.price[doc]!;
      if (price < min || price > max) return false;
      const fl = p.flags[doc]!;
      if (!competitors && fl & FLAG_COMPETITOR) return false;
      if (inStockOnly && !(fl & FLAG_IN_STOCK)) return false;
      if (skin && !(skinMask ? skinMask[doc] : p.skinBits[doc]! & skinBit)) return false;
      if (concern && !(concernMask ? concernMask[doc] : p.concernBits[doc]! & concernBit)) return false;
      return true;
    };
  }

  private ensureScratch(): void {
    const n = this.products.docCount;
    if (this.acc.length >= n) return;
    const cap = Math.max(1024, Math.ceil(n * 1.25));
    this.unitVal = new Float32Array(cap);
    this.unitStamp = new Int32Array(cap);
    this.touched = new Int32Array(cap);
    this.acc = new Float32Array(cap);
    this.accStamp = new Int32Array(cap);
    this.accTouched = new Int32Array(cap);
    this.stamp = 0;
    this.queryStamp = 0;
  }
}

function insertSorted(top: RankedDoc[], item: RankedDoc, limit: number): void {
  let i = top.length;
  while (i > 0 && top[i - 1]!.score < item.score) i--;
  top.splice(i, 0, item);
  if (top.length > limit) top.pop();
}
