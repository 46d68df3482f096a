/**
 * The knowledge base's data model and the facade the dialogs use. One knowledge base serves every
 * channel, so an answer never differs between entry points.
 */

export type Lang = 'zh' | 'en';
export type TopCategory = 'skincare' | 'makeup' | 'haircare' | 'bodycare' | 'fragrance' | 'tools' | 'other';

export interface Ingredient {
  name: string; // e.g. 玻色因
  nameEn?: string; // e.g. Pro-Xylane
  /** percent by weight when the brand discloses it, e.g. 10 for 10% */
  concentration?: number;
}

export interface Shade {
  code: string; // e.g. 999
  name: string; // e.g. 正红
  /** colour family shared across categories, used for matching blush to lipstick: red, pink, coral, nude, berry, orange, brown … */
  family: string;
  /** warm / cool / neutral: makeup questions ask for the customer's undertone */
  undertone?: 'warm' | 'cool' | 'neutral';
}

export interface Product {
  _id: string; // SKU, e.g. sk-0001
  brandId: string;
  brand: string; // display name of the brand
  line?: string; // product line / series
  /** product type in Chinese, e.g. 面霜, 精华, 粉底液, 口红, 洗发水 */
  category: string;
  topCategory: TopCategory;
  title: string;
  titleEn?: string;
  nicknames?: string[]; // 小棕瓶, 神仙水, DW
  price: number; // CNY
  sizes?: string[]; // 50ml, 30g
  shades?: Shade[];
  ingredients?: Ingredient[];
  /** claims / concerns in Chinese: 抗老, 保湿, 美白, 控油, 祛痘, 舒缓, 防晒 … */
  concerns?: string[];
  /** 干皮, 油皮, 混合皮, 中性皮, 敏感肌, 所有肤质 */
  skinTypes?: string[];
  usage?: string;
  texture?: string; // 清爽, 滋润, 啫喱, 乳液 …
  fragrance?: string; // 无香, 淡香 …
  shelfLifeMonths?: number;
  /** period after opening (PAO) */
  paoMonths?: number;
  /** how many days one unit lasts in normal use: repurchase reminders */
  consumptionDays?: number;
  stock: number;
  sales?: number; // popularity
  rating?: number;
  /** own store product, or a competitor's kept for comparisons */
  competitor?: boolean;
  relations?: ProductRelations;
  source?: string; // demo | import:<file>
  updatedAt?: string;
}

export interface ProductRelations {
  comparable?: string[]; // competitor-of / comparable products
  matchingShade?: string[]; // lipstick → blush of the same colour family
  bundle?: string[];
  upsell?: string[];
}

export interface Brand {
  _id: string;
  name: string; // display name, e.g. 雅诗兰黛
  nameEn?: string; // Estée Lauder
  aliases: string[]; // EL, 雅诗兰黛, Estee Lauder
  own: boolean; // sold by our store, or a competitor
  country?: string;
  /** ISO time of the last write (other instances pick up changes by it) */
  updatedAt?: string;
}

export interface FaqEntry {
  _id: string;
  topic: string; // shipping | returns | authenticity | membership | payment | invoice | account | …
  lang: Lang;
  question: string;
  /** other ways customers ask it */
  variants?: string[];
  answer: string;
  /** ISO time of the last write (other instances pick up changes by it) */
  updatedAt?: string;
}

/** Words the NLU's gazetteer recognizes, exported by the knowledge base. */
export interface Vocabulary {
  brands: { id: string; names: string[] }[];
  products: { id: string; names: string[] }[]; // nicknames and short names
  categories: { value: string; names: string[] }[];
  concerns: { value: string; names: string[] }[];
  skinTypes: { value: string; names: string[] }[];
  shades: { value: string; names: string[] }[];
}

export interface SearchFilters {
  brand?: string;
  category?: string;
  topCategory?: TopCategory;
  priceMin?: number;
  priceMax?: number;
  skinType?: string;
  concern?: string;
  includeCompetitors?: boolean;
  inStockOnly?: boolean;
}

export interface SearchHit {
  id: string;
  title: string;
  brand: string;
  category: string;
  price: number;
  score: number;
}

export interface Answer {
  answer: string;
  sources: string[]; // product or FAQ ids
  confidence: number; // 0..1; 0 means "not in the data"
  /** false when the data does not hold the answer (the text then says so plainly) */
  found: boolean;
  /** the FAQ entry's topic when the answer is one (shipping, returns, authenticity…) */
  topic?: string;
}

export interface ComparisonRow {
  attribute: string; // key, e.g. ingredient:玻色因, price, sizes
  label: string; // shown to the customer in their language
  a: string;
  b: string;
}

export interface Comparison {
  a: { id: string; title: string; brand: string };
  b: { id: string; title: string; brand: string };
  rows: ComparisonRow[];
}

export interface Needs {
  concern?: string;
  skinType?: string;
  budgetMax?: number;
  category?: string;
  texture?: string;
  topCategory?: TopCategory;
}

/** What dialogs and services ask of the knowledge base. */
export interface KnowledgeBase {
  search(query: string, options?: { limit?: number; filters?: SearchFilters }): SearchHit[];
  getProduct(id: string): Product | undefined;
  /** The product a message names (nickname, title words, brand + type), if any. */
  findProductMention(text: string): Product | undefined;
  /** An attribute question about one product, answered from the data only. */
  answerAttribute(productId: string, question: string, lang: Lang): Answer;
  /** FAQ, attribute answers and (when configured) grounded LLM answers; `faqOnly`: the best FAQ entry alone, whatever its score. */
  ask(question: string, options?: { productId?: string; lang?: Lang; faqOnly?: boolean }): Promise<Answer>;
  compare(aId: string, bId: string, lang: Lang): Comparison | undefined;
  /** Competitor or comparable products for a product. */
  comparables(productId: string): Product[];
  /** Same-shade blush for a lipstick, bundles, upsells. */
  crossSell(productId: string): Product[];
  recommend(needs: Needs, limit?: number): Product[];
  vocabulary(): Vocabulary;
}
