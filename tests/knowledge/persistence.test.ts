/**
 * The knowledge base lives in the store: the demo store is seeded once (first start), edits survive a
 * restart, and a second instance on the same store picks up the first one's edits with refresh().
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { testConfig } from '../../config';
import { createKnowledgeBase } from '../../knowledge';
import { EmbeddedStore } from '../../storage';
import { silentLogger } from '../../platform/logger';

const config = testConfig({ DEMO_DATA: 'true' });
const product = { _id: 'sk-9100', brandId: 'pureorigin', brand: '初研', category: '面霜', topCategory: 'skincare' as const, title: '初研云朵修护霜 50g', price: 129, stock: 8 };

test('seeded once, edits persist across a restart', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-store-'));
  try {
    let store = new EmbeddedStore(dir);
    let kb = await createKnowledgeBase({ store, config, logger: silentLogger() });
    const seeded = kb.stats();
    expect(seeded.products).toBeGreaterThanOrEqual(300);
    await kb.upsertProducts([product]);
    await store.close();

    store = new EmbeddedStore(dir);
    kb = await createKnowledgeBase({ store, config, logger: silentLogger() });
    expect(kb.stats()).toEqual({ ...seeded, products: seeded.products + 1 }); // not seeded twice
    expect(kb.search('云朵修护霜')[0]!.id).toBe('sk-9100');
    await store.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('no demo data when DEMO_DATA is off', async () => {
  const kb = await createKnowledgeBase({ store: new EmbeddedStore(null), config: testConfig(), logger: silentLogger() });
  expect(kb.stats()).toEqual({ products: 0, brands: 0, faqs: 0 });
  expect(kb.search('面霜')).toEqual([]);
  expect((await kb.ask('多久发货')).found).toBe(false);
});

test('a second instance on the same store picks up edits with refresh()', async () => {
  const store = new EmbeddedStore(null);
  const a = await createKnowledgeBase({ store, config, logger: silentLogger() });
  const b = await createKnowledgeBase({ store, config, logger: silentLogger() });
  await a.upsertProducts([product]);
  await a.upsertFaqs([{ _id: 'faq-900-zh', topic: 'store', lang: 'zh', question: '有实体店吗？', answer: '目前只有线上店。' }]);
  expect(b.getProduct('sk-9100')).toBeUndefined();
  expect(await b.refresh()).toBe(1);
  expect(b.search('云朵修护霜')[0]!.id).toBe('sk-9100');
  expect((await b.ask('有实体店吗')).sources).toEqual(['faq-900-zh']);
  expect(await b.refresh()).toBe(0); // nothing new: nothing re-indexed
});
