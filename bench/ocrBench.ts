/**
 * `npm run bench:ocr`: how well and how fast the picture reader works on pictures rendered here in Chromium
 * (nothing downloaded): order-page screenshots in varied fonts, sizes, colours, layouts, JPEG quality, tilt,
 * blur and noise, each with a different order number among other long numbers, plus product labels.
 * Prints order numbers read exactly / total, labels matched to their product / total, latency per picture
 * (p50/p95, the main thread's wait: queue + worker) and the model load apart. Machines differ 2–3×: compare
 * figures of one run, and quote the machine line printed with them.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { demoStore } from '../knowledge/demo';
import { StoreKnowledgeBase } from '../knowledge/knowledgeBase';
import { silentLogger } from '../platform/logger';
import { seededRandom } from '../platform/seededRandom';
import { OcrService, productOnPicture, readPictureText } from '../services/vision';
import { EmbeddedStore } from '../storage';
import { hasChromium, labelHtml, orderPageHtml, OrderPageOptions, startPictureRenderer } from '../tests/helpers/pictureRenderer';

const ORDER_PICTURES = Number(process.env.OCR_BENCH_PICTURES ?? 36);
const THREADS = Number(process.env.OCR_THREADS ?? 1);
const random = seededRandom(14);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

const THEMES = [
  { background: '#f4f4f4', color: '#222' },
  { background: '#ffffff', color: '#333' },
  { background: '#1c1c1e', color: '#e5e5e5' }, // dark mode
  { background: '#fff4f6', color: '#5a2a35' },
  { background: 'linear-gradient(#fde2e4, #e2ece9)', color: '#202020' },
  { background: '#eef3ff', color: '#1d2b4f' },
] as const;
const FONTS = ['WenQuanYi Micro Hei', 'WenQuanYi Micro Hei Mono', 'DejaVu Sans', 'Liberation Serif'] as const;

function orderNumber(): string {
  return `1688${String(Math.floor(random() * 1e12)).padStart(12, '0')}`;
}

interface Case {
  kind: 'order' | 'label';
  expected: string;
  html: string;
  view: { width: number; height: number; scale: number; jpegQuality?: number };
  note: string;
}

function orderCases(): Case[] {
  return Array.from({ length: ORDER_PICTURES }, (_, i) => {
    const o: OrderPageOptions = {
      orderId: orderNumber(),
      layout: pick(['inline', 'inline', 'below', 'grouped'] as const),
      font: FONTS[i % FONTS.length],
      fontSize: 12 + Math.floor(random() * 9),
      ...THEMES[i % THEMES.length],
      noise: Math.floor(random() * 4),
      rotate: random() < 0.3 ? (random() - 0.5) * 4 : 0,
      blur: random() < 0.25 ? 0.6 : 0,
      seed: i + 1,
      english: i % 6 === 5,
    };
    const view = { width: pick([360, 390, 414]), height: 560, scale: pick([1, 2, 2, 3]), ...(random() < 0.35 ? { jpegQuality: 55 + Math.floor(random() * 35) } : {}) };
    const note = `${o.layout} ${o.font} ${o.fontSize}px noise${o.noise} rot${(o.rotate ?? 0).toFixed(1)} blur${o.blur} x${view.scale}${view.jpegQuality ? ` jpeg${view.jpegQuality}` : ''}`;
    return { kind: 'order', expected: o.orderId, html: orderPageHtml(o), view, note };
  });
}

function labelCases(): Case[] {
  const labels = [
    { id: 'sk-0001', brand: '雅诗兰黛', name: '特润修护肌活精华露', size: '50ml', background: '#6b3f1d', color: '#f3e3c3' },
    { id: 'sk-0024', brand: '薇诺娜', name: '清透防晒乳 SPF48 PA+++', size: '50g', background: '#ffffff', color: '#2d6a4f' },
    { id: 'mk-0004', brand: '迪奥', name: '烈艳蓝金唇膏', size: '3.5g', background: '#111', color: '#d4af37' },
    { id: 'hc-0001', brand: '卡诗', name: '黑钻钥源洗发水', size: '250ml', background: '#1b1b1b', color: '#e0c68a' },
    { id: 'sk-0006', brand: '初研', name: '玻色因紧致修护精华', size: '30ml', background: '#f7f1ea', color: '#6d4c41' },
    { id: 'sk-0017', brand: '初研', name: '氨基酸温和洁面乳', size: '120g', background: '#e8f4f8', color: '#1d3557' },
  ];
  return labels.map((l, i) => ({
    kind: 'label',
    expected: l.id,
    html: labelHtml({ ...l, noise: i % 3 }),
    view: { width: 360, height: 360, scale: 2 },
    note: `${l.brand} ${l.name}`,
  }));
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

async function main(): Promise<void> {
  if (!hasChromium) throw new Error('bench:ocr renders its pictures in /usr/bin/chromium (apt-get install -y chromium fonts-wqy-microhei)');
  const renderer = await startPictureRenderer();
  const cases = [...orderCases(), ...labelCases()];
  const pictures: Buffer[] = [];
  for (const c of cases) pictures.push(await renderer.render(c.html, c.view));
  await renderer.close();

  const knowledge = new StoreKnowledgeBase({ store: new EmbeddedStore(null), logger: silentLogger() });
  const demo = demoStore();
  knowledge.indexBrands(demo.brands);
  knowledge.indexProducts(demo.products);

  const ocr = new OcrService({ enabled: true, timeoutMs: 60_000, queueLimit: 1000, threads: THREADS }, silentLogger());
  const loadMs = await ocr.warmUp();
  const waits: number[] = [];
  const misses: string[] = [];
  let ordersRight = 0;
  let labelsRight = 0;
  for (const [i, c] of cases.entries()) {
    const started = performance.now();
    const reading = await ocr.read(pictures[i]);
    waits.push(performance.now() - started);
    const text = readPictureText(reading.lines);
    const got = c.kind === 'order' ? text.orderNumbers[0] : productOnPicture(text.text, knowledge)?.id;
    if (got === c.expected && c.kind === 'order') ordersRight++;
    else if (got === c.expected) labelsRight++;
    else misses.push(`  ${c.kind} ${c.expected} → ${got ?? 'nothing'} (${c.note})`);
  }
  await ocr.close();

  const sorted = [...waits].sort((a, b) => a - b);
  const orders = cases.filter((c) => c.kind === 'order').length;
  const kb = (b: number) => Math.round(b / 1024);
  const sizes = pictures.map((p) => p.length).sort((a, b) => a - b);
  process.stdout.write(
    [
      `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, load ${os.loadavg()[0].toFixed(2)}, node ${process.version}, OCR threads ${THREADS}`,
      `pictures: ${orders} order screenshots + ${cases.length - orders} labels, rendered in Chromium (${kb(sizes[0])}–${kb(sizes[sizes.length - 1])} KB)`,
      `model load: ${Math.round(loadMs)} ms (once per process, in the worker)`,
      `order numbers read exactly: ${ordersRight} / ${orders}`,
      `labels matched to their product: ${labelsRight} / ${cases.length - orders}`,
      `latency per picture: p50 ${Math.round(percentile(sorted, 50))} ms, p95 ${Math.round(percentile(sorted, 95))} ms, max ${Math.round(sorted[sorted.length - 1])} ms`,
      ...(misses.length ? ['misses:', ...misses] : []),
      '',
    ].join('\n'),
  );
}

main().catch((err) => {
  process.stderr.write(`bench:ocr failed: ${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
