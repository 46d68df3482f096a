/** The demo store: enough products with full attributes, valid relations, bilingual FAQ, brand aliases. */
import { demoStore } from '../../knowledge/demo';
import { productSchema, faqSchema, brandSchema } from '../../knowledge/importers/productSchema';

const demo = demoStore();
const ids = new Set(demo.products.map((p) => p._id));

describe('demo store', () => {
  test('has at least 300 products across skincare, make-up and hair care with stable unique ids', () => {
    expect(demo.products.length).toBeGreaterThanOrEqual(300);
    expect(ids.size).toBe(demo.products.length);
    for (const top of ['skincare', 'makeup', 'haircare']) {
      expect(demo.products.filter((p) => p.topCategory === top).length).toBeGreaterThanOrEqual(50);
    }
    for (const p of demo.products) expect(p._id).toMatch(/^(sk|mk|hc)-\d{4}$/);
    // the same ids every time: orders and tests refer to them
    expect(demoStore().products.map((p) => p._id)).toEqual(demo.products.map((p) => p._id));
    expect(demoStore().products[200]).toEqual(demo.products[200]);
  });

  test('every product, brand and FAQ entry passes the import validation', () => {
    for (const p of demo.products) expect(productSchema.safeParse(p).success).toBe(true);
    for (const b of demo.brands) expect(brandSchema.safeParse(b).success).toBe(true);
    for (const f of demo.faqs) expect(faqSchema.safeParse(f).success).toBe(true);
  });

  test('products carry full attributes (ingredients, concerns, skin types, PAO, consumption cycle)', () => {
    const own = demo.products.filter((p) => !p.competitor);
    for (const p of own) {
      expect(p.ingredients?.length ?? p.shades?.length).toBeGreaterThan(0);
      expect(p.concerns?.length).toBeGreaterThan(0);
      expect(p.skinTypes?.length).toBeGreaterThan(0);
      expect(p.paoMonths).toBeGreaterThan(0);
      expect(p.consumptionDays).toBeGreaterThan(0);
      expect(p.usage).toBeTruthy();
    }
    const lipsticks = demo.products.filter((p) => p.category === '口红');
    expect(lipsticks.every((p) => p.shades?.every((s) => s.family))).toBe(true);
  });

  test('relations only point at products that exist', () => {
    for (const p of demo.products) {
      for (const list of Object.values(p.relations ?? {})) for (const id of list) expect(ids.has(id)).toBe(true);
    }
  });

  test('hero products and competitors: 玻色因 3% against a competitor 10%, nicknames, brand aliases', () => {
    const own = demo.products.find((p) => p._id === 'sk-0006')!;
    const rival = demo.products.find((p) => own.relations?.comparable?.includes(p._id) && p.competitor)!;
    expect(own.ingredients?.find((i) => i.name === '玻色因')?.concentration).toBe(3);
    expect(rival.ingredients?.find((i) => i.name === '玻色因')?.concentration).toBe(10);
    const nick = (n: string) => demo.products.find((p) => p.nicknames?.includes(n))?._id;
    expect([nick('小棕瓶'), nick('DW'), nick('神仙水'), nick('小黑瓶')]).toEqual(['sk-0001', 'mk-0001', 'sk-0002', 'sk-0003']);
    const el = demo.brands.find((b) => b._id === 'esteelauder')!;
    expect(el.aliases).toEqual(expect.arrayContaining(['雅诗兰黛', 'Estée Lauder', 'EL']));
    expect(demo.brands.filter((b) => !b.own).length).toBeGreaterThanOrEqual(5);
  });

  test('at least 60 FAQ and policy entries in Chinese and English, covering the policy topics', () => {
    expect(demo.faqs.length).toBeGreaterThanOrEqual(60);
    expect(demo.faqs.filter((f) => f.lang === 'zh').length).toBeGreaterThanOrEqual(30);
    expect(demo.faqs.filter((f) => f.lang === 'en').length).toBeGreaterThanOrEqual(30);
    const topics = new Set(demo.faqs.map((f) => f.topic));
    for (const t of ['shipping', 'returns', 'authenticity', 'membership', 'payment', 'invoice', 'account', 'price']) expect(topics.has(t)).toBe(true);
    expect(demo.faqs.find((f) => f._id === 'faq-008-zh')!.answer).toContain('拆封');
  });
});
