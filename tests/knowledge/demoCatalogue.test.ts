/**
 * A believable demo store: every product priced inside its brand's band, the size in the title is the
 * size the card prices, sizes make sense for the product type, hand-written (hero) products carry every
 * attribute the dialogs and the safety filters read, and the demo customer's orders match the catalogue.
 */
import { demoStore, GENERATED_FIRST_NUMBER } from '../../knowledge/demo';
import { BRAND_TIER, priceBand } from '../../knowledge/demo/priceBands';
import { productSchema } from '../../knowledge/importers/productSchema';
import type { Product } from '../../knowledge/types';
import { productHeroCard } from '../../dialogs/flow/cards';
import { DEMO_ORDER_IDS, demoOrders } from '../../services/orders/demo/demoOrders';

const demo = demoStore();
const byId = new Map(demo.products.map((p) => [p._id, p]));
const heroes = demo.products.filter((p) => Number(p._id.slice(3)) < GENERATED_FIRST_NUMBER);

const SIZE = /(\d+(?:\.\d+)?)\s*(ml|g|片)/gi;
/** the last size a title names ("SPF48 PA+++ 50g" → 50g); English "10 sheets" reads as 10片 */
function titleSize(title: string): string | undefined {
  const normalized = title.replace(/(\d+) sheets\b/g, '$1片');
  const all = [...normalized.matchAll(SIZE)];
  const last = all[all.length - 1];
  return last ? `${last[1]}${last[2]!.toLowerCase()}` : undefined;
}

/** what a unit of each product type can weigh or hold: a lipstick is 3–4 g, never 250 ml */
const PLAUSIBLE_SIZES: Record<string, { units: string[]; range: [number, number] }[]> = {
  洁面: [{ units: ['g', 'ml'], range: [50, 200] }],
  爽肤水: [{ units: ['ml'], range: [100, 500] }],
  精华水: [{ units: ['ml'], range: [30, 330] }],
  乳液: [{ units: ['ml'], range: [50, 150] }],
  精华: [{ units: ['ml'], range: [7, 100] }],
  面霜: [{ units: ['g', 'ml'], range: [15, 125] }],
  眼霜: [{ units: ['g', 'ml'], range: [5, 20] }],
  面膜: [{ units: ['片'], range: [1, 30] }, { units: ['g', 'ml'], range: [50, 150] }],
  防晒: [{ units: ['g', 'ml'], range: [15, 100] }],
  卸妆: [{ units: ['ml'], range: [50, 500] }],
  粉底液: [{ units: ['ml'], range: [25, 40] }],
  口红: [{ units: ['g'], range: [3, 4] }],
  唇釉: [{ units: ['ml', 'g'], range: [3, 8] }],
  腮红: [{ units: ['g'], range: [3, 10] }],
  眼影: [{ units: ['g'], range: [3, 20] }],
  睫毛膏: [{ units: ['ml', 'g'], range: [5, 12] }],
  散粉: [{ units: ['g'], range: [5, 35] }],
  定妆喷雾: [{ units: ['ml'], range: [30, 120] }],
  洗发水: [{ units: ['ml'], range: [200, 1000] }],
  护发素: [{ units: ['ml'], range: [150, 1000] }],
  发膜: [{ units: ['ml', 'g'], range: [50, 500] }],
  护发精油: [{ units: ['ml'], range: [25, 150] }],
};

function plausible(category: string, size: string): boolean {
  const m = /^(\d+(?:\.\d+)?)(ml|g|片)$/.exec(size);
  if (!m) return false;
  const n = Number(m[1]);
  return (PLAUSIBLE_SIZES[category] ?? []).some((r) => r.units.includes(m[2]!) && n >= r.range[0] && n <= r.range[1]);
}

/** make-up that comes in colours: a customer chooses a shade and asks about undertones */
const COLOUR_CATEGORIES = new Set(['粉底液', '口红', '唇釉', '腮红', '眼影']);
const UNSCENTED = new Set(['无香', '无添加香精']);
const has = (p: Product, name: string) => (p.ingredients ?? []).some((i) => i.name === name);
const failures = (check: (p: Product) => string | undefined, products = demo.products) =>
  products.map((p) => check(p)).filter((f): f is string => Boolean(f));

describe('demo catalogue is believable', () => {
  test('every brand has a price tier and every product is priced inside its brand band', () => {
    for (const b of demo.brands) expect(BRAND_TIER[b._id]).toBeDefined();
    expect(failures((p) => {
      const band = priceBand(p.brandId, p.category);
      if (!band) return `${p._id} ${p.brand} ${p.category}: no band`;
      return p.price >= band[0] && p.price <= band[1] ? undefined : `${p._id} ${p.title} ¥${p.price} outside ¥${band[0]}–${band[1]}`;
    })).toEqual([]);
    // the example that started this: an SK-II cream is never a bargain
    const skiiCreams = demo.products.filter((p) => p.brandId === 'skii' && p.category === '面霜');
    expect(skiiCreams.length).toBeGreaterThan(0);
    expect(skiiCreams.every((p) => p.price >= 520)).toBe(true);
  });

  test('the size in the title is the size the card prices, in both languages', () => {
    expect(failures((p) => {
      const first = p.sizes?.[0];
      if (!first) return `${p._id}: no size`;
      if (titleSize(p.title) !== first) return `${p._id} "${p.title}" vs sizes[0] ${first}`;
      if (titleSize(p.titleEn ?? '') !== first) return `${p._id} "${p.titleEn}" vs sizes[0] ${first}`;
      const card = productHeroCard(p, 'zh').content as { subtitle?: string };
      return card.subtitle === `¥${p.price} / ${first}` ? undefined : `${p._id} card "${card.subtitle}"`;
    })).toEqual([]);
    // the two cards customers saw wrong before
    expect((productHeroCard(byId.get('sk-0015')!, 'zh').content as { subtitle: string }).subtitle).toBe('¥268 / 50g');
    expect((productHeroCard(byId.get('sk-0002')!, 'en').content as { subtitle: string }).subtitle).toBe('¥1540 / 230ml');
  });

  test('sizes are plausible for the product type (a lipstick is 3–4 g)', () => {
    expect(failures((p) => {
      const bad = (p.sizes ?? []).filter((s) => !plausible(p.category, s));
      return bad.length ? `${p._id} ${p.category} ${bad.join(',')}` : undefined;
    })).toEqual([]);
  });

  test('ids and titles are unique; every product has an English name', () => {
    expect(new Set(demo.products.map((p) => p._id)).size).toBe(demo.products.length);
    expect(new Set(demo.products.map((p) => p.title)).size).toBe(demo.products.length);
    expect(new Set(demo.products.map((p) => p.titleEn)).size).toBe(demo.products.length);
    expect(failures((p) => (p.titleEn && !/[\u3400-\u9fff]/.test(p.titleEn) ? undefined : `${p._id} titleEn "${p.titleEn}"`))).toEqual([]);
  });

  test('hero products carry every attribute (brand, sizes, concerns, skin types, texture, ingredients, cycle)', () => {
    expect(heroes.length).toBeGreaterThanOrEqual(45);
    const brands = new Map(demo.brands.map((b) => [b._id, b]));
    expect(failures((p) => {
      const missing: string[] = [];
      if (brands.get(p.brandId)?.name !== p.brand) missing.push('brand');
      if (!p.line) missing.push('line');
      if (!p.concerns?.length) missing.push('concerns');
      if (!p.skinTypes?.length) missing.push('skinTypes');
      if (!p.texture) missing.push('texture');
      if (!p.fragrance) missing.push('fragrance');
      if (!p.usage) missing.push('usage');
      if (!(p.consumptionDays! > 0)) missing.push('consumptionDays');
      if (!(p.paoMonths! > 0) || !(p.shelfLifeMonths! > 0)) missing.push('pao/shelfLife');
      if (!p.ingredients?.length || p.ingredients.some((i) => !i.nameEn)) missing.push('ingredients with English names');
      return missing.length ? `${p._id}: ${missing.join(', ')}` : undefined;
    }, heroes)).toEqual([]);
  });

  test('colour make-up has shades with a colour family and an undertone, and keeps them through validation', () => {
    const colour = demo.products.filter((p) => COLOUR_CATEGORIES.has(p.category));
    expect(colour.length).toBeGreaterThan(40);
    expect(failures((p) => {
      const shades = p.shades ?? [];
      if (!shades.length) return `${p._id}: no shades`;
      if (new Set(shades.map((s) => s.code)).size !== shades.length) return `${p._id}: duplicate shade codes`;
      return shades.every((s) => s.family && s.undertone) ? undefined : `${p._id}: shade without family or undertone`;
    }, colour)).toEqual([]);
    const dior = productSchema.parse(byId.get('mk-0004'));
    expect(dior.shades?.find((s) => s.code === '999')).toMatchObject({ family: 'red', undertone: 'neutral' });
  });

  test('notable ingredients are findable: a scented product lists its fragrance, retinoids, acids and alcohol are listed', () => {
    expect(failures((p) => {
      if (!p.fragrance) return `${p._id}: no fragrance`;
      const scented = !UNSCENTED.has(p.fragrance);
      return scented === has(p, '香精') ? undefined : `${p._id}: fragrance "${p.fragrance}" but 香精 ${scented ? 'missing' : 'listed'}`;
    })).toEqual([]);
    expect(has(byId.get('sk-0011')!, '视黄醇')).toBe(true);
    expect(byId.get('sk-0008')!.ingredients?.find((i) => i.name === '水杨酸')?.concentration).toBe(2);
    expect(has(byId.get('sk-0003')!, '乙醇')).toBe(true);
    expect(byId.get('sk-0006')!.fragrance).toBe('无香');
    expect(has(byId.get('sk-0006')!, '香精')).toBe(false);
  });

  test('the demo customer’s orders name catalogue products at their catalogue titles, prices and shades', () => {
    const orders = demoOrders('c1', new Date('2025-06-01T00:00:00Z'));
    for (const o of orders) {
      for (const item of o.items) {
        const p = byId.get(item.productId);
        expect(p).toBeDefined();
        expect({ id: item.productId, title: item.title, titleEn: item.titleEn, price: item.price }).toEqual({ id: p!._id, title: p!.title, titleEn: p!.titleEn, price: p!.price });
        if (item.shade) expect(p!.shades?.map((s) => s.code)).toContain(item.shade);
      }
    }
    const find = (id: string) => orders.find((o) => o._id === id)!;
    const first = (id: string) => byId.get(find(id).items[0]!.productId)!;
    expect([find(DEMO_ORDER_IDS.unpaid).status, first(DEMO_ORDER_IDS.unpaid).category]).toEqual(['unpaid', '防晒']);
    expect([find(DEMO_ORDER_IDS.paidNotShipped).status, find(DEMO_ORDER_IDS.paidNotShipped).items.length, first(DEMO_ORDER_IDS.paidNotShipped).category]).toEqual(['paid', 2, '精华']);
    expect([find(DEMO_ORDER_IDS.shipped).status, first(DEMO_ORDER_IDS.shipped).brandId, first(DEMO_ORDER_IDS.shipped).category]).toEqual(['shipped', 'esteelauder', '精华']);
    expect([find(DEMO_ORDER_IDS.deliveredRecently).status, find(DEMO_ORDER_IDS.deliveredRecently).items.length, first(DEMO_ORDER_IDS.deliveredRecently).brandId, first(DEMO_ORDER_IDS.deliveredRecently).category]).toEqual(['delivered', 2, 'dior', '口红']);
    expect([find(DEMO_ORDER_IDS.deliveredLongAgo).status, first(DEMO_ORDER_IDS.deliveredLongAgo).brandId, first(DEMO_ORDER_IDS.deliveredLongAgo).category]).toEqual(['delivered', 'kerastase', '洗发水']);
  });
});
