// TEMPORARY hyper-parameter check (deleted after use)
import fs from 'node:fs';
import { INTENTS } from '../types';
import { features } from '../text/features';
import { SoftmaxModel, seededRandom, type TrainOptions } from './softmaxModel';
import { loadIntentFiles, withVariants, type LabeledUtterance } from './trainingData';

const extra = process.argv[2] ?? '';
function enSub(text: string): string[] {
  const out: string[] = [];
  for (const w of text.toLowerCase().match(/[a-z']{3,}/g) ?? []) {
    const p = `<${w}>`;
    for (let i = 0; i + 3 <= p.length; i++) out.push('e3:' + p.slice(i, i + 3));
    if (extra.includes('e4')) for (let i = 0; i + 4 <= p.length; i++) out.push('e4:' + p.slice(i, i + 4));
  }
  return out;
}
const feat = (t: string): string[] => (extra.includes('sub') ? [...features(t), ...enSub(t)] : features(t));
const data = loadIntentFiles();
const configs: [string, TrainOptions, number][] = JSON.parse(process.argv[3] ?? '[["default",{},2]]');
const K = 5;
const rnd = seededRandom(99);
const fold = data.map(() => Math.floor(rnd() * K));
const cache = new Map<string, string[]>();
const f = (t: string): string[] => { let v = cache.get(t); if (!v) { v = feat(t); cache.set(t, v); } return v; };
for (const [name, opts, nv] of configs) {
  let zh = [0, 0], en = [0, 0];
  const t0 = Date.now();
  for (let k = 0; k < K; k++) {
    const tr: LabeledUtterance[] = data.filter((_, i) => fold[i] !== k);
    const te = data.filter((_, i) => fold[i] === k);
    const m = SoftmaxModel.train(withVariants(tr, nv).map((r) => ({ features: f(r.text), label: INTENTS.indexOf(r.intent) })), INTENTS.length, opts);
    for (const r of te) {
      const p = m.predict(f(r.text));
      let best = 0; for (let j = 1; j < p.length; j++) if (p[j] > p[best]) best = j;
      const ok = INTENTS[best] === r.intent ? 1 : 0;
      const c = /\p{Script=Han}/u.test(r.text) ? zh : en;
      c[0] += ok; c[1]++;
    }
  }
  // held-out fixtures (report only)
  const full = SoftmaxModel.train(withVariants(data, nv).map((r) => ({ features: f(r.text), label: INTENTS.indexOf(r.intent) })), INTENTS.length, opts);
  const ho = ['zh', 'en'].map((l) => {
    const rows = fs.readFileSync(`tests/nlu/fixtures/heldout_${l}.jsonl`, 'utf8').trim().split('\n').map((x) => JSON.parse(x) as { text: string; intent: string });
    const ok = rows.filter((r) => { const p = full.predict(f(r.text)); let b = 0; for (let j = 1; j < p.length; j++) if (p[j] > p[b]) b = j; return INTENTS[b] === r.intent; }).length;
    return (100 * ok / rows.length).toFixed(1);
  });
  console.log(`${extra} ${name} nv=${nv}: cv zh ${(100 * zh[0] / zh[1]).toFixed(1)} en ${(100 * en[0] / en[1]).toFixed(1)} | ho zh ${ho[0]} en ${ho[1]} | ${((Date.now() - t0) / (K + 1)).toFixed(0)} ms/train`);
}
