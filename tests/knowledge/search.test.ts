/** Product search over the demo store: segmentation, aliases, synonyms, typos, filters, live updates. */
import { demoKnowledgeBase } from './demoKb';
import type { KnowledgeService } from '../../knowledge';

let kb: KnowledgeService;
beforeAll(async () => {
  ({ kb } = await demoKnowledgeBase());
});

const top = (q: string, filters = {}) => kb.search(q, { limit: 5, filters })[0]?.id;
const ids = (q: string, filters = {}, limit = 5) => kb.search(q, { limit, filters }).map((h) => h.id);

describe('search', () => {
  test('nicknames find the product they name', () => {
    expect(top('小棕瓶')).toBe('sk-0001');
    expect(top('DW')).toBe('mk-0001');
    expect(top('dw粉底')).toBe('mk-0001');
    expect(top('神仙水')).toBe('sk-0002');
  });

  test('brand aliases in Chinese, English, abbreviations and with a typo', () => {
    for (const q of ['雅诗兰黛 精华', 'Estée Lauder serum', 'estee lauder 精华', 'EL 精华']) {
      const hits = kb.search(q, { limit: 3 });
      expect(hits.length).toBe(3);
      expect(hits.every((h) => h.brand === '雅诗兰黛' && h.category === '精华')).toBe(true);
    }
    expect(kb.search('lancme foundation', { limit: 3 }).every((h) => h.brand === '兰蔻' && h.category === '粉底液')).toBe(true);
    expect(kb.search('兰寇粉底', { limit: 3 }).every((h) => h.brand === '兰蔻' && h.category === '粉底液')).toBe(true);
  });

  test('synonyms: 洗面奶 → 洁面, 乳霜 → 面霜, 粉底 → 粉底液, English product types', () => {
    expect(kb.search('洗面奶', { limit: 5 }).every((h) => h.category === '洁面')).toBe(true);
    expect(kb.search('乳霜', { limit: 5 }).every((h) => h.category === '面霜')).toBe(true);
    expect(kb.search('粉底', { limit: 5 }).every((h) => h.category === '粉底液')).toBe(true);
    expect(kb.search('shampoo', { limit: 5 }).every((h) => h.category === '洗发水')).toBe(true);
    expect(top('男士洗面奶')).toBe('sk-0016');
  });

  test('Chinese near-miss (a wrong character) still finds the product', () => {
    expect(top('雪域精萃霜')).toBe('sk-0009');
  });

  test('filters: brand, category, price range, skin type, concern', () => {
    const cheap = kb.search('精华', { limit: 20, filters: { priceMax: 200 } });
    expect(cheap.length).toBeGreaterThan(0);
    expect(cheap.every((h) => h.price <= 200 && h.category === '精华')).toBe(true);
    const oily = kb.search('面霜', { limit: 20, filters: { skinType: '油皮' } });
    for (const h of oily) expect(kb.getProduct(h.id)!.skinTypes).toEqual(expect.arrayContaining([expect.stringMatching(/油皮|所有肤质/)]));
    const brand = kb.search('', { limit: 10, filters: { brand: 'Lancome', category: '粉底液' } });
    expect(brand.length).toBeGreaterThan(0);
    expect(brand.every((h) => h.brand === '兰蔻' && h.category === '粉底液')).toBe(true);
    const acne = kb.search('精华', { limit: 10, filters: { concern: '祛痘' } });
    expect(acne.map((h) => h.id)).toContain('sk-0008');
    expect(kb.search('精华', { filters: { brand: 'no such brand' } })).toEqual([]);
  });

  test('competitors only appear when asked for; popular products rank first among equals', () => {
    expect(ids('绿宝瓶')).not.toContain('sk-0030');
    expect(ids('绿宝瓶', { includeCompetitors: true })[0]).toBe('sk-0030');
    const creams = kb.search('自然堂 面霜', { limit: 3 });
    expect(creams[0]!.id).toBe('sk-0009');
  });

  test('hits carry id, title, brand, category, price and score', () => {
    const [hit] = kb.search('小棕瓶');
    expect(hit).toEqual({ id: 'sk-0001', title: expect.any(String), brand: '雅诗兰黛', category: '精华', price: 1020, score: expect.any(Number) });
  });

  test('imports and edits update the index live, without a restart', async () => {
    const changes: string[] = [];
    kb.onChange((what) => changes.push(what));
    expect(ids('奇点星砂')).toEqual([]);
    await kb.upsertProducts([
      { _id: 'sk-9001', brandId: 'pureorigin', brand: '初研', category: '精华', topCategory: 'skincare', title: '初研奇点星砂精华 30ml', price: 199, stock: 5, sales: 10 },
    ]);
    expect(top('奇点星砂')).toBe('sk-9001');
    await kb.upsertProducts([{ ...kb.getProduct('sk-9001')!, price: 159, title: '初研奇点星砂精华 30ml 限定装' }]);
    expect(kb.search('奇点星砂')[0]).toMatchObject({ id: 'sk-9001', price: 159 });
    expect(kb.search('奇点星砂').length).toBe(1);
    await kb.removeProduct('sk-9001');
    expect(ids('奇点星砂')).toEqual([]);
    expect(changes).toEqual(['products', 'products', 'products']);
  });

  test('an edit with an invalid record is refused whole, with the id and reason', async () => {
    const good = { _id: 'sk-9002', brandId: 'pureorigin', brand: '初研', category: '面霜', topCategory: 'skincare' as const, title: '初研月光面霜', price: 99, stock: 1 };
    await expect(kb.upsertProducts([good, { ...good, _id: 'sk-9003', price: -1 }])).rejects.toThrow('invalid record sk-9003: price: price must be above 0');
    expect(kb.getProduct('sk-9002')).toBeUndefined();
  });
});
