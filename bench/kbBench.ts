/**
 * Knowledge-base benchmark: `npm run bench:kb [-- --products N]` (default 230,000, our first customer's
 * catalogue). A seeded generator builds a realistic catalogue (weighted product types, Zipf brands,
 * marketplace claims in titles), then we measure index build time, heap, search p50/p99 over a mixed
 * query set and attribute-answer p99. Progress on stderr; the last stdout line is the JSON result.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { performance } from 'node:perf_hooks';
import { StoreKnowledgeBase } from '../knowledge/knowledgeBase';
import { demoStore } from '../knowledge/demo';
import { generateProducts, syntheticBrands } from '../knowledge/demo/catalogGenerator';
import { seededRandom } from '../platform/seededRandom';
import { EmbeddedStore } from '../storage';
import { silentLogger } from '../platform/logger';
import type { Lang } from '../knowledge/types';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v < 1) throw new Error(`${name} must be a positive whole number`);
  return v;
}

const log = (msg: string) => process.stderr.write(`${msg}\n`);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

const QUERIES = [
  '自然堂 面霜', '兰蔻 粉底液', '男士洗面奶', '小棕瓶', 'DW', '神仙水', '雅诗兰黛 精华', '保湿面霜', '适合油皮的粉底液',
  '敏感肌 修护 面霜', '美白精华', '控油 洗发水', '抗老 眼霜', '防晒 清爽', '口红 正红', '玻色因 精华', '烟酰胺', '补水保湿 面膜',
  'estee lauder serum', 'lancome foundation', 'lancme foundation', 'moisturizer for dry skin', 'shampoo oily', 'hair oil',
  '雪域精萃霜', '水光精华 30ml', '氨基酸洁面 温和清洁', '卸妆油', '腮红 蜜桃', '持妆粉底 遮瑕', '去屑洗发水', '发膜 修护',
  '珀莱雅 双抗', '初研 玻色因', '平价 面霜', '学生党 口红', '深层清洁 泥膜', 'spf50 防晒', '眼影盘 大地色', '睫毛膏 防水',
];
const FILTERED: { q: string; filters: Record<string, unknown> }[] = [
  { q: '面霜', filters: { priceMax: 200 } },
  { q: '精华', filters: { skinType: '油皮', concern: '控油' } },
  { q: '', filters: { category: '口红', priceMin: 100, priceMax: 300 } },
  { q: '粉底液', filters: { brand: '兰蔻' } },
];
const QUESTIONS: [string, Lang][] = [
  ['这款适合油皮吗', 'zh'], ['含多少玻色因', 'zh'], ['多大容量', 'zh'], ['开封后能用多久', 'zh'], ['保质期多久', 'zh'],
  ['怎么用', 'zh'], ['有货吗', 'zh'], ['Is it good for sensitive skin?', 'en'], ['how much niacinamide is in it', 'en'], ['what size is it', 'en'],
];

async function main(): Promise<void> {
  const total = arg('--products', 230000);
  const demo = demoStore();
  const brands = [...demo.brands.filter((b) => b.own), ...syntheticBrands(400, 5)];
  const kb = new StoreKnowledgeBase({ store: new EmbeddedStore(null), logger: silentLogger() });
  kb.indexBrands(demo.brands);
  kb.indexBrands(brands);
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  let buildMs = 0;
  let buildCpuMs = 0;
  let made = 0;
  const cpuMs = (since: NodeJS.CpuUsage) => {
    const c = process.cpuUsage(since);
    return (c.user + c.system) / 1000;
  };
  // generate in chunks so the generator's copies never sit in memory next to the index's
  kb.indexProducts(demo.products, false);
  made += demo.products.length;
  for (let chunk = 0; made < total; chunk++) {
    const count = Math.min(10000, total - made);
    const products = generateProducts({ count, seed: 1000 + chunk, brands, firstNumber: 10000 + chunk * 10000, claimsInTitle: true, inventLines: true });
    const t = performance.now();
    const c = process.cpuUsage();
    kb.indexProducts(products, false);
    buildMs += performance.now() - t;
    buildCpuMs += cpuMs(c);
    made += count;
    if (chunk % 5 === 0) log(`indexed ${made}/${total}`);
  }
  const t = performance.now();
  kb.products.freeze();
  buildMs += performance.now() - t;
  gc();
  const heapMB = (process.memoryUsage().heapUsed - heapBefore) / 1048576;
  const heapTotalMB = process.memoryUsage().heapUsed / 1048576;
  // CPU time next to wall time: on a shared 2-core machine the wall clock includes other processes' turns
  log(`load average ${(await import('node:os')).loadavg().map((l) => round(l, 1)).join(' ')}; build CPU ${round(buildCpuMs, 0)} ms`);
  log(`built ${kb.stats().products} products in ${round(buildMs, 0)} ms; index heap ${round(heapMB, 0)} MB (process heap ${round(heapTotalMB, 0)} MB); ${kb.products.index.termCount()} terms`);

  const rand = seededRandom(99);
  const run = (i: number) => {
    if (i % 10 === 9) {
      const f = FILTERED[i % FILTERED.length]!;
      return kb.search(f.q, { limit: 10, filters: f.filters });
    }
    return kb.search(QUERIES[Math.floor(rand() * QUERIES.length)]!, { limit: 10 });
  };
  for (let i = 0; i < 200; i++) run(i); // warm-up
  const searchTimes: number[] = [];
  const searchCpu = process.cpuUsage();
  const searchWall = performance.now();
  for (let i = 0; i < 2000; i++) {
    const s = performance.now();
    run(i);
    searchTimes.push(performance.now() - s);
  }
  log(`search: ${round(cpuMs(searchCpu) / 2000)} ms CPU per query on average (wall ${round((performance.now() - searchWall) / 2000)} ms)`);
  searchTimes.sort((a, b) => a - b);

  const ids = ['sk-0001', 'sk-0006', 'mk-0001', 'hc-0002', ...Array.from({ length: 50 }, (_, i) => `sk-${10000 + i * 37}`)];
  const answerTimes: number[] = [];
  for (let i = 0; i < 2200; i++) {
    const [question, lang] = QUESTIONS[i % QUESTIONS.length]!;
    const s = performance.now();
    kb.answerAttribute(ids[i % ids.length]!, question, lang);
    if (i >= 200) answerTimes.push(performance.now() - s);
  }
  answerTimes.sort((a, b) => a - b);
  const askTimes: number[] = [];
  for (const q of ['小棕瓶开封后能用多久', '兰蔻小黑瓶多少钱', '拆封了还能退吗', '多久发货', 'DW有哪些色号', '自然堂雪域精粹纯粹滋润霜适合油皮吗']) {
    for (let i = 0; i < 30; i++) {
      const s = performance.now();
      await kb.ask(q);
      askTimes.push(performance.now() - s);
    }
  }
  askTimes.sort((a, b) => a - b);
  log(`search p50 ${round(percentile(searchTimes, 50))} ms, p99 ${round(percentile(searchTimes, 99))} ms, max ${round(searchTimes[searchTimes.length - 1]!)} ms`);
  log(`answerAttribute p99 ${round(percentile(answerTimes, 99))} ms; ask() (mention + answer / FAQ) p99 ${round(percentile(askTimes, 99))} ms`);
  process.stdout.write(
    `${JSON.stringify({
      products: kb.stats().products,
      buildMs: Math.round(buildMs),
      heapMB: Math.round(heapTotalMB),
      searchP50Ms: round(percentile(searchTimes, 50)),
      searchP99Ms: round(percentile(searchTimes, 99)),
      answerP99Ms: round(percentile(answerTimes, 99)),
    })}\n`,
  );
}

main().catch((err) => {
  process.stderr.write(`bench:kb failed: ${(err as Error).stack}\n`);
  process.exit(1);
});
