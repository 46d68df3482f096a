/**
 * The in-memory product catalogue: products by doc number, per-doc typed arrays for fast filtering and
 * ranking (price, popularity, brand, category, flags), and the inverted index. Edits add a new doc and
 * retire the old one, so the index is always live without a rebuild.
 */
import type { Product, TopCategory } from '../types';
import { InvertedIndex } from './invertedIndex';
import { canonicalCategory, productTerms, productTermsMany } from './productTerms';

const TOPS: TopCategory[] = ['skincare', 'makeup', 'haircare', 'bodycare', 'fragrance', 'tools', 'other'];
export const FLAG_COMPETITOR = 1;
export const FLAG_IN_STOCK = 2;

function grow<T extends Float32Array | Int32Array | Uint8Array>(arr: T, min: number): T {
  if (arr.length >= min) return arr;
  const next = new (arr.constructor as new (n: number) => T)(Math.max(min, arr.length * 2));
  next.set(arr);
  return next;
}

export class ProductIndex {
  readonly index = new InvertedIndex();
  private products: (Product | undefined)[] = [];
  private readonly docOf = new Map<string, number>();
  price = new Float32Array(1024);
  popularity = new Float32Array(1024);
  brandNo = new Int32Array(1024);
  categoryNo = new Int32Array(1024);
  topNo = new Uint8Array(1024);
  flags = new Uint8Array(1024);
  alive = new Uint8Array(1024);
  /** per-doc bit sets of canonical skin types and concerns (q: = named only in the title) for fast modifiers */
  skinBits = new Int32Array(1024);
  concernBits = new Int32Array(1024);
  impliedConcernBits = new Int32Array(1024);
  private readonly bitNos = new Map<string, number>();
  readonly brandNos = new Map<string, number>();
  readonly categoryNos = new Map<string, number>();
  /** repeated strings (brand, usage, texture, ingredient names) are shared between products: big catalogues repeat them */
  private readonly interned = new Map<string, string>();
  private liveCount = 0;

  get docCount(): number {
    return this.products.length;
  }

  get size(): number {
    return this.liveCount;
  }

  get(id: string): Product | undefined {
    const doc = this.docOf.get(id);
    return doc === undefined ? undefined : this.products[doc];
  }

  product(doc: number): Product | undefined {
    return this.products[doc];
  }

  *all(): IterableIterator<Product> {
    for (const p of this.products) if (p) yield p;
  }

  brandNumber(brandId: string): number {
    let n = this.brandNos.get(brandId);
    if (n === undefined) this.brandNos.set(brandId, (n = this.brandNos.size));
    return n;
  }

  categoryNumber(category: string): number {
    const c = canonicalCategory(category);
    let n = this.categoryNos.get(c);
    if (n === undefined) this.categoryNos.set(c, (n = this.categoryNos.size));
    return n;
  }

  /** Adds or replaces many products (segmented in batches: much faster for bulk loads). */
  upsertMany(products: Product[]): void {
    for (let i = 0; i < products.length; i += 512) {
      const batch = products.slice(i, i + 512);
      const terms = productTermsMany(batch);
      batch.forEach((p, j) => this.upsert(p, terms[j]));
    }
  }

  /** Adds or replaces a product; the search index sees it at once. */
  upsert(input: Product, terms?: Set<string>): void {
    const p = this.intern(input);
    const old = this.docOf.get(p._id);
    if (old !== undefined) this.retire(old);
    const doc = this.products.length;
    const need = doc + 1;
    this.price = grow(this.price, need);
    this.popularity = grow(this.popularity, need);
    this.brandNo = grow(this.brandNo, need);
    this.categoryNo = grow(this.categoryNo, need);
    this.topNo = grow(this.topNo, need);
    this.flags = grow(this.flags, need);
    this.alive = grow(this.alive, need);
    this.skinBits = grow(this.skinBits, need);
    this.concernBits = grow(this.concernBits, need);
    this.impliedConcernBits = grow(this.impliedConcernBits, need);
    this.products.push(p);
    this.docOf.set(p._id, doc);
    this.price[doc] = p.price;
    // log-scaled sales (plus rating) so a best seller ranks higher without drowning relevance
    this.popularity[doc] = Math.min(1, Math.log10(1 + (p.sales ?? 0)) / 6) * 0.9 + ((p.rating ?? 4) / 5) * 0.1;
    this.brandNo[doc] = this.brandNumber(p.brandId);
    this.categoryNo[doc] = this.categoryNumber(p.category);
    this.topNo[doc] = Math.max(0, TOPS.indexOf(p.topCategory));
    this.flags[doc] = (p.competitor ? FLAG_COMPETITOR : 0) | (p.stock > 0 ? FLAG_IN_STOCK : 0);
    this.alive[doc] = 1;
    this.liveCount++;
    const allTerms = terms ?? productTerms(p);
    let skin = 0;
    let concern = 0;
    let implied = 0;
    for (const t of allTerms) {
      if (t.length < 3 || t[1] !== ':') continue;
      if (t[0] === 's') skin |= this.bit(t);
      else if (t[0] === 'k') concern |= this.bit(t);
      else if (t[0] === 'q') implied |= this.bit(`k${t.slice(1)}`);
    }
    this.skinBits[doc] = skin;
    this.concernBits[doc] = concern;
    this.impliedConcernBits[doc] = implied;
    this.index.add(doc, allTerms);
  }

  remove(id: string): boolean {
    const doc = this.docOf.get(id);
    if (doc === undefined) return false;
    this.retire(doc);
    this.docOf.delete(id);
    return true;
  }

  /** the bit of a field term (s:油皮, k:保湿) in its per-doc bit set; 0 once 31 values of a kind are taken */
  bit(term: string): number {
    let n = this.bitNos.get(term);
    if (n === undefined) {
      const kind = term[0]!;
      const used = [...this.bitNos.keys()].filter((k) => k[0] === kind).length;
      n = used < 31 ? 1 << used : 0;
      this.bitNos.set(term, n);
    }
    return n;
  }

  /** the bit of a term if it has one (0: not in any bit set) */
  knownBit(term: string): number {
    return this.bitNos.get(term) ?? 0;
  }

  topNumber(top: TopCategory): number {
    return TOPS.indexOf(top);
  }

  /** packs the build-time postings; call once after the initial load */
  freeze(): void {
    this.index.freeze();
  }

  private retire(doc: number): void {
    if (this.alive[doc]) this.liveCount--;
    this.alive[doc] = 0;
    this.products[doc] = undefined;
  }

  private s(v: string): string {
    if (v.length > 200) return v;
    const hit = this.interned.get(v);
    if (hit !== undefined) return hit;
    this.interned.set(v, v);
    return v;
  }

  private intern(p: Product): Product {
    const out: Product = { ...p, brand: this.s(p.brand), brandId: this.s(p.brandId), category: this.s(p.category) };
    if (p.line) out.line = this.s(p.line);
    if (p.usage) out.usage = this.s(p.usage);
    if (p.texture) out.texture = this.s(p.texture);
    if (p.fragrance) out.fragrance = this.s(p.fragrance);
    if (p.source) out.source = this.s(p.source);
    if (p.concerns) out.concerns = p.concerns.map((c) => this.s(c));
    if (p.skinTypes) out.skinTypes = p.skinTypes.map((c) => this.s(c));
    if (p.sizes) out.sizes = p.sizes.map((c) => this.s(c));
    if (p.ingredients) {
      out.ingredients = p.ingredients.map((i) => ({ ...i, name: this.s(i.name), ...(i.nameEn ? { nameEn: this.s(i.nameEn) } : {}) }));
    }
    return out;
  }
}
