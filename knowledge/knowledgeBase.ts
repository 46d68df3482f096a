/**
 * The knowledge base: catalogue, brands, FAQ and policies in the document store, served from an
 * in-memory index that every write updates at once (no restart). Implements the KnowledgeBase facade
 * the dialogs use, plus the upsert methods importers and admin tools use.
 */
import type { Collection, DocumentStore } from '../storage/documentStore';
import type { LlmClient } from '../platform/llmClient';
import type { Logger } from '../platform/logger';
import type {
  Answer, Brand, Comparison, FaqEntry, KnowledgeBase, Lang, Needs, Product, SearchFilters, SearchHit, Vocabulary,
} from './types';
import { Lexicon } from './search/lexicon';
import { ProductIndex } from './search/productIndex';
import { ProductSearch } from './search/productSearch';
import { FaqIndex } from './answers/faqIndex';
import { answerAttributeQuestion } from './answers/attributeAnswers';
import { compareProducts } from './answers/comparison';
import { groundedAnswer } from './answers/groundedAnswer';
import { detectLang } from './text/searchText';
import { findMention } from './productMention';
import { buildVocabulary } from './vocabulary';
import { relatedProducts } from './relatedProducts';
import { importFile, ImportReport, Progress } from './importers/importFile';
import { brandSchema, faqSchema, productSchema } from './importers/productSchema';
import { upsertAll, UpsertResult, validated } from './storeWrites';

export { KnowledgeValidationError } from './storeWrites';
export type { UpsertResult } from './storeWrites';

export interface KnowledgeOptions {
  store: DocumentStore;
  logger: Logger;
  llm?: LlmClient;
  /** FAQ confidence from which an FAQ answer is given without the model */
  faqMinConfidence?: number;
}


export class StoreKnowledgeBase implements KnowledgeBase {
  readonly products = new ProductIndex();
  readonly lexicon = new Lexicon();
  readonly faqIndex = new FaqIndex();
  readonly productSearch = new ProductSearch(this.products, this.lexicon);
  private readonly ingredientNames = new Set<string>();
  private readonly comparableOf = new Map<string, Set<string>>();
  private lastSync = new Date(0).toISOString();
  private readonly changeListeners: ((what: 'products' | 'brands' | 'faqs') => void)[] = [];
  private readonly productsCol: Collection<Product>;
  private readonly brandsCol: Collection<Brand>;
  private readonly faqsCol: Collection<FaqEntry>;

  constructor(private readonly options: KnowledgeOptions) {
    this.productsCol = options.store.collection<Product>('products');
    this.brandsCol = options.store.collection<Brand>('brands');
    this.faqsCol = options.store.collection<FaqEntry>('faqs');
  }

  /** Loads everything from the store into memory (startup). */
  async load(): Promise<void> {
    const started = new Date().toISOString();
    for (const b of await this.brandsCol.find({})) this.lexicon.addBrand(b);
    this.indexProducts(await this.productsCol.find({}));
    for (const f of await this.faqsCol.find({})) this.faqIndex.upsert(f);
    this.lastSync = started;
  }

  /**
   * Picks up records other instances wrote since the last look (several bot instances on one MongoDB).
   * Re-reads a minute of overlap so a writer with a slightly slow clock is not missed; deletions made by
   * another instance show up after a restart.
   */
  async refresh(): Promise<number> {
    const now = new Date().toISOString();
    const since = new Date(Date.parse(this.lastSync) - 60000).toISOString();
    const filter = { updatedAt: { $gt: since } };
    const [brands, products, faqs] = await Promise.all([this.brandsCol.find(filter), this.productsCol.find(filter), this.faqsCol.find(filter)]);
    for (const b of brands) this.lexicon.addBrand(b);
    // skip what this instance already holds in the same version
    const fresh = products.filter((p) => this.products.get(p._id)?.updatedAt !== p.updatedAt);
    if (fresh.length) this.indexProducts(fresh, false);
    for (const f of faqs) if (this.faqIndex.get(f._id)?.updatedAt !== f.updatedAt) this.faqIndex.upsert(f);
    this.lastSync = now;
    return fresh.length;
  }

  /** Adds brands to memory only (benchmarks, tests that skip the store). */
  indexBrands(brands: Brand[]): void {
    for (const b of brands) this.lexicon.addBrand(b);
  }

  /** Adds products to memory only; `freeze` packs the postings after a bulk build. */
  indexProducts(products: Product[], freeze = true): void {
    for (const p of products) this.noteProduct(p);
    this.products.upsertMany(products);
    if (freeze) this.products.freeze();
  }

  // ---- writes (store first, then the live index) ----

  /** Called after every write (import, edit): e.g. the NLU reloads vocabulary() when brands change. */
  onChange(listener: (what: 'products' | 'brands' | 'faqs') => void): void {
    this.changeListeners.push(listener);
  }

  private changed(what: 'products' | 'brands' | 'faqs'): void {
    for (const l of this.changeListeners) {
      try {
        l(what);
      } catch (err) {
        this.options.logger.warn({ err: (err as Error).message }, 'knowledge: change listener failed');
      }
    }
  }

  async upsertBrands(input: Brand[]): Promise<UpsertResult> {
    const now = new Date().toISOString();
    const brands = (validated(brandSchema, input) as Brand[]).map((b) => ({ ...b, updatedAt: now }));
    const result = await upsertAll(this.brandsCol, brands);
    for (const b of brands) this.lexicon.addBrand(b);
    this.changed('brands');
    return result;
  }

  async upsertProducts(input: Product[]): Promise<UpsertResult> {
    const products = validated(productSchema, input) as Product[];
    const now = new Date().toISOString();
    const stamped = products.map((p) => ({ ...p, updatedAt: now }));
    const result = await upsertAll(this.productsCol, stamped);
    this.indexProducts(stamped, false);
    this.changed('products');
    return result;
  }

  async upsertFaqs(input: FaqEntry[]): Promise<UpsertResult> {
    const now = new Date().toISOString();
    const faqs = (validated(faqSchema, input) as FaqEntry[]).map((f) => ({ ...f, updatedAt: now }));
    const result = await upsertAll(this.faqsCol, faqs);
    for (const f of faqs) this.faqIndex.upsert(f);
    this.changed('faqs');
    return result;
  }

  /** Imports a JSON or CSV file (products, or a marketplace listing export); the index updates live. */
  importFile(path: string, onProgress?: Progress): Promise<ImportReport> {
    return importFile(this, path, onProgress);
  }

  /** Writes records to the store without indexing them (seeding an empty store before load()). */
  async seed(data: { brands: Brand[]; products: Product[]; faqs: FaqEntry[] }): Promise<void> {
    await upsertAll(this.brandsCol, data.brands);
    await upsertAll(this.productsCol, data.products);
    await upsertAll(this.faqsCol, data.faqs);
  }

  async removeProduct(id: string): Promise<boolean> {
    const n = await this.productsCol.deleteOne({ _id: id });
    const removed = this.products.remove(id) || n > 0;
    if (removed) this.changed('products');
    return removed;
  }

  getBrand(id: string): Brand | undefined {
    return this.lexicon.brands.get(id);
  }

  stats(): { products: number; brands: number; faqs: number } {
    return { products: this.products.size, brands: this.lexicon.brands.size, faqs: this.faqIndex.size };
  }

  // ---- the KnowledgeBase facade ----

  search(query: string, options: { limit?: number; filters?: SearchFilters } = {}): SearchHit[] {
    // a pasted essay is not a query: the first 200 characters say what the customer wants
    return this.productSearch.search(query.slice(0, 200), Math.max(1, Math.min(100, options.limit ?? 10)), options.filters);
  }

  getProduct(id: string): Product | undefined {
    return this.products.get(id);
  }

  findProductMention(text: string): Product | undefined {
    return findMention(text, this.products, this.lexicon, this.productSearch);
  }

  answerAttribute(productId: string, question: string, lang: Lang): Answer {
    const product = this.products.get(productId);
    if (!product) {
      return { answer: lang === 'zh' ? `没有找到商品 ${productId}。` : `No product ${productId} was found.`, sources: [], confidence: 0, found: false };
    }
    return (
      answerAttributeQuestion(product, question, lang, [...this.ingredientNames]) ?? {
        answer: lang === 'zh' ? `这个问题我在「${product.title}」的资料里找不到答案。` : `The data for "${product.titleEn ?? product.title}" does not answer that.`,
        sources: [product._id],
        confidence: 0,
        found: false,
      }
    );
  }

  async ask(input: string, options: { productId?: string; lang?: Lang; faqOnly?: boolean } = {}): Promise<Answer> {
    const question = input.slice(0, 500);
    const lang = options.lang ?? detectLang(question);
    if (options.faqOnly) {
      // the caller weighs the retrieval score against other evidence (dialogs' knowledge-first rule)
      const [top] = this.faqIndex.search(question, lang, 1);
      return top ? faqAnswer(top.entry, top.confidence) : notFound(lang);
    }
    const product = options.productId ? this.products.get(options.productId) : this.findProductMention(question);
    if (product) {
      const attr = answerAttributeQuestion(product, question, lang, [...this.ingredientNames]);
      if (attr) return attr;
    }
    const faqHits = this.faqIndex.search(question, lang, 3);
    const best = faqHits[0];
    const minConfidence = this.options.faqMinConfidence ?? 0.45;
    if (best && best.confidence >= minConfidence) return faqAnswer(best.entry, best.confidence);
    if (this.options.llm) {
      const products = product ? [product] : this.search(question, { limit: 3, filters: { includeCompetitors: true } })
        .filter((h) => h.score >= 0.6).map((h) => this.products.get(h.id)!).filter(Boolean);
      const faqs = faqHits.filter((h) => h.confidence >= 0.2).map((h) => h.entry);
      if (!products.length && !faqs.length) return notFound(lang);
      const llmAnswer = await groundedAnswer(this.options.llm, question, lang, { products, faqs }, this.options.logger);
      if (llmAnswer) return llmAnswer;
    }
    if (best && best.confidence >= 0.3) return faqAnswer(best.entry, best.confidence);
    return notFound(lang);
  }

  compare(aId: string, bId: string, lang: Lang): Comparison | undefined {
    const a = this.products.get(aId);
    const b = this.products.get(bId);
    return a && b ? compareProducts(a, b, lang) : undefined;
  }

  comparables(productId: string): Product[] {
    return relatedProducts(this, productId).comparables;
  }

  crossSell(productId: string): Product[] {
    return relatedProducts(this, productId).crossSell;
  }

  /** products whose comparable list names this one (relations are often written one way) */
  reverseComparables(productId: string): string[] {
    return [...(this.comparableOf.get(productId) ?? [])];
  }

  recommend(needs: Needs, limit = 5): Product[] {
    const filters: SearchFilters = { priceMax: needs.budgetMax, topCategory: needs.topCategory, inStockOnly: true };
    const strict = { ...filters, category: needs.category, concern: needs.concern, skinType: needs.skinType };
    const query = [needs.texture ?? ''].join(' ');
    let ranked = this.productSearch.rank(this.productSearch.parse(query), limit, strict);
    if (ranked.length < limit) {
      // nothing fits every need: rank by how many needs a product meets, within the budget
      const loose = [needs.category, needs.concern, needs.skinType, needs.texture].filter(Boolean).join(' ');
      const more = this.productSearch.rank(this.productSearch.parse(loose), limit * 2, filters);
      const seen = new Set(ranked.map((r) => r.doc));
      ranked = [...ranked, ...more.filter((r) => !seen.has(r.doc))].slice(0, limit);
    }
    return ranked.map((r) => this.products.product(r.doc)!).filter(Boolean);
  }

  vocabulary(): Vocabulary {
    return buildVocabulary(this.lexicon, this.products);
  }

  /** lexicon (nicknames), ingredient names and reverse relations of a product about to be indexed */
  private noteProduct(p: Product): void {
    this.lexicon.addProduct(p);
    for (const ing of p.ingredients ?? []) {
      this.ingredientNames.add(ing.name);
      if (ing.nameEn) this.ingredientNames.add(ing.nameEn);
    }
    for (const other of p.relations?.comparable ?? []) {
      const set = this.comparableOf.get(other) ?? new Set<string>();
      set.add(p._id);
      this.comparableOf.set(other, set);
    }
  }
}

function faqAnswer(entry: FaqEntry, confidence: number): Answer {
  return { answer: entry.answer, sources: [entry._id], confidence: Math.round(confidence * 100) / 100, found: true, topic: entry.topic };
}

function notFound(lang: Lang): Answer {
  return {
    answer: lang === 'zh' ? '抱歉，我在商品资料和常见问题里没有找到答案，可以帮您转人工客服。' : "Sorry, I couldn't find that in our product data or FAQ. I can pass you to a human agent.",
    sources: [],
    confidence: 0,
    found: false,
  };
}
