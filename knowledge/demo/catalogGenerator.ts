/**
 * Seeded catalogue generator: the demo store's long tail and the benchmark's 230,000 products come from
 * the same hand-written templates, so both look like a real beauty catalogue (weighted product types,
 * popular brands far more frequent, prices and sales skewed like a marketplace's).
 */
import type { Brand, Product, Shade, TopCategory } from '../types';
import { type Random, seededRandom } from '../../platform/seededRandom';
import { CategoryTemplate, categoryTemplates, claimPhrases, lineWords, shadeFamilies } from './catalogTemplates';
import { priceBand, shelfPrice } from './priceBands';


const pick = <T>(rand: Random, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
const between = (rand: Random, [lo, hi]: [number, number]) => lo + rand() * (hi - lo);

function pickSome<T>(rand: Random, items: readonly T[], min: number, max: number): T[] {
  const n = Math.min(items.length, min + Math.floor(rand() * (max - min + 1)));
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, n);
}

function weightedTemplate(rand: Random, templates: CategoryTemplate[]): CategoryTemplate {
  const total = templates.reduce((s, t) => s + t.weight, 0);
  let r = rand() * total;
  for (const t of templates) if ((r -= t.weight) < 0) return t;
  return templates[templates.length - 1]!;
}

/** Zipf-like: brand k is picked with weight 1/(k+1) — a few brands dominate, as on a marketplace. */
function zipfIndex(rand: Random, n: number): number {
  const h = Math.log(n + 1);
  return Math.min(n - 1, Math.floor(Math.exp(rand() * h) - 1));
}

function makeShades(rand: Random, kind: NonNullable<CategoryTemplate['shades']>): Shade[] {
  return pickSome(rand, shadeFamilies[kind], 2, 4).map((f, i) => {
    const [name, undertone] = pick(rand, f.names);
    return { code: `${String(i + 1).padStart(2, '0')}`, name, family: f.family, undertone };
  });
}

/** The size as an English title writes it: 10片 → 10 sheets. */
const sizeEn = (size: string) => size.replace(/^(\d+)片$/, '$1 sheets');

/**
 * A price for this brand, product type and size: inside the brand's band when it has one (demo brands),
 * larger sizes higher; the top of a band is left to flagship lines (hand-written heroes), so a generated
 * everyday cream never costs what the brand's most expensive one does. Benchmark brands use the template's band.
 */
function priceFor(rand: Random, t: CategoryTemplate, brandId: string, sizeIndex: number): number {
  const band = priceBand(brandId, t.category);
  if (!band) return Math.max(9, Math.round(between(rand, t.price) * (0.6 + rand() * 0.4)));
  const share = (0.6 * (sizeIndex + 0.2 + 0.6 * rand())) / t.sizes.length;
  return shelfPrice(band[0] * Math.pow(band[1] / band[0], share), band);
}

export interface GenerateOptions {
  count: number;
  seed: number;
  brands: Brand[];
  /** first number used per id prefix (ids are prefix-NNNN) */
  firstNumber?: number;
  /** append marketplace claim phrases to titles (benchmark realism) */
  claimsInTitle?: boolean;
  topCategories?: TopCategory[];
  /** invent product-line names from syllables (a large catalogue has thousands of lines, not 20) */
  inventLines?: boolean;
}

const LINE_SYLLABLES = '光采润颜晶露雪肌焕活臻萃源初凝时沁柔皙亮嫩泉森木花蜜茶玉珀瓷绒羽月星晨曦悦澈净透养护'.split('');

export function generateProducts(options: GenerateOptions): Product[] {
  const rand = seededRandom(options.seed);
  const templates = options.topCategories
    ? categoryTemplates.filter((t) => options.topCategories!.includes(t.topCategory))
    : categoryTemplates;
  const counters: Record<string, number> = { sk: 0, mk: 0, hc: 0 };
  const first = options.firstNumber ?? 1;
  const products: Product[] = [];
  const titles = new Set<string>();
  for (let i = 0; i < options.count; i++) {
    const t = weightedTemplate(rand, templates);
    const brand = options.brands[zipfIndex(rand, options.brands.length)]!;
    const lines = lineWords[t.topCategory as keyof typeof lineWords] ?? lineWords.skincare;
    // a brand does not sell two products of the same name: another line word when the title is taken
    let line = pick(rand, lines);
    const sizeIndex = Math.floor(rand() * t.sizes.length);
    const size = t.sizes[sizeIndex]!;
    if (options.inventLines && rand() < 0.7) {
      line = { zh: pick(rand, LINE_SYLLABLES) + pick(rand, LINE_SYLLABLES) + (rand() < 0.3 ? pick(rand, LINE_SYLLABLES) : ''), en: `Line ${Math.floor(rand() * 900) + 100}` };
    } else {
      for (let tries = 0; tries < 12 && titles.has(`${brand._id}${line.zh}${t.category}${size}`); tries++) line = pick(rand, lines);
      titles.add(`${brand._id}${line.zh}${t.category}${size}`);
    }
    const number = first + counters[t.prefix]!++;
    const concerns = pickSome(rand, t.concerns, 1, 3);
    const claims = options.claimsInTitle
      ? ' ' + concerns.map((c) => pick(rand, claimPhrases[c] ?? [c])).join(' ')
      : '';
    const price = priceFor(rand, t, brand._id, sizeIndex);
    const ingredients = pickSome(rand, t.ingredients, 1, 3).map((ing) => ({
      name: ing.name,
      nameEn: ing.nameEn,
      ...(ing.range ? { concentration: Math.round(between(rand, ing.range) * 10) / 10 } : {}),
    }));
    const product: Product = {
      _id: `${t.prefix}-${String(number).padStart(4, '0')}`,
      brandId: brand._id,
      brand: brand.name,
      line: line.zh,
      category: t.category,
      topCategory: t.topCategory,
      title: `${brand.name}${line.zh}${t.category} ${size}${claims}`,
      titleEn: `${brand.nameEn ?? brand.name} ${line.en} ${size.endsWith('片') ? 'Sheet Mask' : t.categoryEn} ${sizeEn(size)}`,
      price,
      sizes: [size],
      ingredients,
      concerns,
      skinTypes: pickSome(rand, t.skinTypes, 1, 3),
      usage: t.usage,
      texture: pick(rand, t.textures),
      shelfLifeMonths: t.shelfLifeMonths,
      paoMonths: t.paoMonths,
      consumptionDays: Math.round(between(rand, t.consumptionDays)),
      stock: rand() < 0.08 ? 0 : Math.floor(rand() * 2000),
      // sales are heavy-tailed: most products sell little, a few sell a lot
      sales: Math.floor(Math.pow(rand(), 4) * 100000),
      rating: Math.round((3.8 + rand() * 1.2) * 10) / 10,
      source: 'demo',
    };
    // a scented product lists its fragrance, so "no fragrance" and allergy filters can find it
    product.fragrance = pick(rand, ['无香', '无香', '淡香', '花香', '果香']);
    if (product.fragrance !== '无香') ingredients.push({ name: '香精', nameEn: 'Fragrance (Parfum)' });
    if (t.shades) product.shades = makeShades(rand, t.shades);
    products.push(product);
  }
  return products;
}

/** Fills comparable / bundle / upsell / matchingShade links between generated products. */
export function linkRelations(products: Product[], seed: number): void {
  const rand = seededRandom(seed);
  const byCategory = new Map<string, Product[]>();
  for (const p of products) {
    const list = byCategory.get(p.category) ?? [];
    list.push(p);
    byCategory.set(p.category, list);
  }
  const blushes = byCategory.get('腮红') ?? [];
  for (const p of products) {
    if (p.relations) continue;
    const same = byCategory.get(p.category) ?? [];
    const comparable = pickSome(rand, same.filter((o) => o.brandId !== p.brandId), 0, 2).map((o) => o._id);
    const upsell = same.filter((o) => o.brandId === p.brandId && o.price > p.price).slice(0, 1).map((o) => o._id);
    const bundle = products
      .filter((o) => o.brandId === p.brandId && o.topCategory === p.topCategory && o.category !== p.category)
      .slice(0, 2)
      .map((o) => o._id);
    const relations: Product['relations'] = {};
    if (comparable.length) relations.comparable = comparable;
    if (upsell.length) relations.upsell = upsell;
    if (bundle.length) relations.bundle = bundle;
    if (p.category === '口红' || p.category === '唇釉') {
      const families = new Set((p.shades ?? []).map((s) => s.family));
      const match = blushes.filter((b) => (b.shades ?? []).some((s) => families.has(s.family))).slice(0, 2);
      if (match.length) relations.matchingShade = match.map((b) => b._id);
    }
    if (Object.keys(relations).length) p.relations = relations;
  }
}

const SYLLABLES = '悦诗丽雅颜兰蔻美肌源素植萃研初晓春棠沐语瑾琳珂莹溪岚芙蕾黛妍'.split('');
const LATIN = ['Lumi', 'Vera', 'Nova', 'Aura', 'Bloom', 'Pure', 'Mira', 'Sora', 'Lea', 'Iris', 'Rosa', 'Jade'];

/** Synthetic brands for the benchmark (a 230,000-product catalogue has hundreds of brands). */
export function syntheticBrands(count: number, seed: number): Brand[] {
  const rand = seededRandom(seed);
  const brands: Brand[] = [];
  const seen = new Set<string>();
  while (brands.length < count) {
    const name = pick(rand, SYLLABLES) + pick(rand, SYLLABLES) + (rand() < 0.3 ? pick(rand, SYLLABLES) : '');
    if (seen.has(name)) continue;
    seen.add(name);
    const en = `${pick(rand, LATIN)}${pick(rand, LATIN).toLowerCase()}`;
    brands.push({ _id: `gen${brands.length}`, name, nameEn: en, aliases: [name, en], own: true });
  }
  return brands;
}
