/** Attribute answers from the data (and "the data does not say"), FAQ, comparison, cross-sell, vocabulary. */
import { demoKnowledgeBase } from './demoKb';
import type { KnowledgeService } from '../../knowledge';

let kb: KnowledgeService;
beforeAll(async () => {
  ({ kb } = await demoKnowledgeBase());
});

describe('attribute answers', () => {
  test('skin type suitability, in Chinese and English', () => {
    const yes = kb.answerAttribute('sk-0008', '这款适合油皮吗', 'zh');
    expect(yes).toMatchObject({ found: true, sources: ['sk-0008'] });
    expect(yes.answer).toContain('适合');
    const notListed = kb.answerAttribute('sk-0015', '这款适合油皮吗', 'zh');
    expect(notListed.answer).toContain('没有列出油皮');
    const en = kb.answerAttribute('sk-0008', 'Is it good for oily skin?', 'en');
    expect(en.answer).toMatch(/^Yes/);
  });

  test('ingredient concentration gives the exact figure; undisclosed concentrations are not guessed', () => {
    const a = kb.answerAttribute('sk-0006', '含多少玻色因', 'zh');
    expect(a.answer).toContain('玻色因 3%');
    expect(a.confidence).toBeGreaterThan(0.9);
    expect(kb.answerAttribute('sk-0030', 'how much Pro-Xylane does it have?', 'en').answer).toContain('10% Pro-Xylane');
    const undisclosed = kb.answerAttribute('sk-0001', '二裂酵母发酵产物溶胞物浓度多少', 'zh');
    expect(undisclosed).toMatchObject({ found: false, confidence: 0 });
    expect(undisclosed.answer).toContain('没有公布');
    expect(undisclosed.answer).not.toMatch(/\d+%/);
  });

  test('size, period after opening, shelf life, consumption, price, usage', () => {
    expect(kb.answerAttribute('sk-0001', '多大容量', 'zh').answer).toContain('30ml、50ml、100ml');
    expect(kb.answerAttribute('sk-0001', '开封后能用多久', 'zh').answer).toContain('12个月');
    expect(kb.answerAttribute('sk-0006', '保质期多久', 'zh').answer).toContain('24个月');
    expect(kb.answerAttribute('sk-0006', '一瓶能用多久', 'zh').answer).toContain('45天');
    expect(kb.answerAttribute('sk-0006', 'how long does it last after opening?', 'en').answer).toContain('6 months');
    expect(kb.answerAttribute('mk-0003', '多少钱', 'zh').answer).toContain('¥190');
    expect(kb.answerAttribute('mk-0003', '有哪些色号', 'zh').answer).toContain('Ruby Woo');
  });

  test('says plainly when the data does not have the value', () => {
    const a = kb.answerAttribute('sk-0001', '有哪些色号', 'zh'); // a serum has no shades in the data
    expect(a).toMatchObject({ found: false, confidence: 0, sources: ['sk-0001'] });
    expect(a.answer).toContain('没有');
    const en = kb.answerAttribute('sk-0020', 'Which shades does it come in?', 'en'); // nor a cream
    expect(en.found).toBe(false);
    expect(en.answer).toMatch(/does not say/);
    expect(kb.answerAttribute('nope-1', '多少钱', 'zh').found).toBe(false);
  });
});

describe('ask', () => {
  test('answers an attribute question about a product it recognises by nickname or id', async () => {
    expect((await kb.ask('小棕瓶开封后能用多久')).answer).toContain('12个月');
    expect((await kb.ask('这款适合敏感肌吗', { productId: 'sk-0015' })).answer).toContain('适合');
    expect((await kb.ask('DW有哪些色号')).sources).toEqual(['mk-0001']);
    expect((await kb.ask('Is DW good for oily skin?')).answer).toMatch(/^Yes/);
    expect((await kb.ask('卡诗元气姜适合什么发质')).answer).toContain('油性头皮');
  });

  test('FAQ and policies with a confidence, in the question language', async () => {
    const opened = await kb.ask('拆封了还能退吗');
    expect(opened).toMatchObject({ sources: ['faq-008-zh'], found: true });
    expect(opened.confidence).toBeGreaterThanOrEqual(0.45);
    expect((await kb.ask('多久发货')).sources).toEqual(['faq-001-zh']);
    expect((await kb.ask('能开发票吗')).sources).toEqual(['faq-024-zh']);
    expect((await kb.ask('Can I return an opened product?')).sources).toEqual(['faq-008-en']);
    expect((await kb.ask('price protection after a price drop?')).sources).toEqual(['faq-030-en']);
  });

  test('every FAQ question and each of its variants retrieves its own entry', async () => {
    const misses: string[] = [];
    for (const f of kb.faqIndex.all()) {
      for (const q of [f.question, ...(f.variants ?? [])]) {
        const a = await kb.ask(q, { lang: f.lang });
        if (a.sources[0] !== f._id) misses.push(`${q} → ${a.sources[0]}`);
      }
    }
    expect(misses).toEqual([]);
    expect((await kb.ask('七天内能退吗')).sources).toEqual(['faq-007-zh']); // numerals: 七天 = 7天
  });

  test('unknown questions get "not found", never an invented answer', async () => {
    const a = await kb.ask('火星上有没有你们的门店');
    expect(a).toMatchObject({ found: false, confidence: 0, sources: [] });
    expect(a.answer).toContain('没有找到');
  });
});

describe('comparison, related products, vocabulary', () => {
  test('compares two products as rows: 玻色因 3% vs 10%', () => {
    const c = kb.compare('sk-0006', 'sk-0030', 'zh')!;
    expect(c.a.id).toBe('sk-0006');
    expect(c.rows.find((r) => r.attribute === 'ingredient:玻色因')).toMatchObject({ a: '3%', b: '10%' });
    expect(c.rows.find((r) => r.attribute === 'price')).toMatchObject({ a: '¥299', b: '¥2400' });
    expect(kb.compare('sk-0006', 'sk-0030', 'en')!.rows.find((r) => r.attribute === 'ingredient:玻色因')!.label).toBe('Pro-Xylane');
    expect(kb.compare('sk-0006', 'missing', 'zh')).toBeUndefined();
  });

  test('comparables include competitors; cross-sell offers a same-colour blush for a lipstick', () => {
    expect(kb.comparables('sk-0006').map((p) => p._id)).toContain('sk-0030');
    expect(kb.comparables('sk-0030').map((p) => p._id)).toContain('sk-0006'); // the reverse link
    const sells = kb.crossSell('mk-0003');
    expect(sells[0]!._id).toBe('mk-0008');
    const families = new Set(kb.getProduct('mk-0003')!.shades!.map((s) => s.family));
    const blushes = sells.filter((p) => p.category === '腮红');
    expect(blushes.length).toBeGreaterThan(1);
    for (const b of blushes) expect(b.shades!.some((s) => families.has(s.family))).toBe(true);
    expect(sells.every((p) => !p.competitor && p.stock > 0)).toBe(true);
  });

  test('recommend by needs stays within budget and matches the concern', () => {
    const recs = kb.recommend({ concern: '祛痘', skinType: '油皮', budgetMax: 200, category: '精华' }, 3);
    expect(recs.length).toBeGreaterThan(0);
    expect(recs.every((p) => p.price <= 200)).toBe(true);
    expect(recs[0]!.concerns).toContain('祛痘');
  });

  test('findProductMention resolves nicknames (brand disambiguates), ids, and brand + type', () => {
    expect(kb.findProductMention('小棕瓶好用吗')?._id).toBe('sk-0001');
    expect(kb.findProductMention('兰蔻小黑瓶多少钱')?._id).toBe('sk-0003');
    expect(kb.findProductMention('欧莱雅小黑瓶')?._id).toBe('sk-0004');
    expect(kb.findProductMention('sk-0015 还有货吗')?._id).toBe('sk-0015');
    expect(kb.findProductMention('自然堂雪域精粹纯粹滋润霜适合油皮吗')?._id).toBe('sk-0009');
    expect(kb.findProductMention('多久发货')).toBeUndefined();
  });

  test('vocabulary exports brands with aliases, nicknames, categories, concerns, skin types, shades', () => {
    const v = kb.vocabulary();
    expect(v.brands.find((b) => b.id === 'esteelauder')!.names).toEqual(expect.arrayContaining(['雅诗兰黛', 'EL', 'Estée Lauder']));
    expect(v.products.find((p) => p.id === 'sk-0001')!.names).toContain('小棕瓶');
    expect(v.categories.find((c) => c.value === '洁面')!.names).toContain('洗面奶');
    expect(v.concerns.map((c) => c.value)).toEqual(expect.arrayContaining(['抗老', '保湿', '美白', '控油', '祛痘']));
    expect(v.skinTypes.find((s) => s.value === '油皮')!.names).toContain('油性皮肤');
    expect(v.shades.find((s) => s.value === 'red')!.names).toContain('正红');
  });
});
