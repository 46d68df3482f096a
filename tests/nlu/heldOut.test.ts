import fs from 'node:fs';
import path from 'node:path';
import { englishSubwords, intentFeatures } from '../../nlu/model/intentFeatures';
import { seededRandom } from '../../platform/seededRandom';
import { withTypo } from '../../nlu/model/trainingData';
import { features } from '../../nlu/text/features';
import { localRecognizer } from './helpers';

/**
 * Held-out sets written before the training data that covers them (heldout_*: JD-style Chinese turns and
 * Bitext-style English requests; heldout2_*: a second set written later, never used to pick data).
 * Nothing here is copied into nlu/data; the thresholds leave a margin below today's figures.
 */
function rows(file: string): { text: string; intent: string }[] {
  return fs
    .readFileSync(path.join(__dirname, 'fixtures', file), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { text: string; intent: string });
}

describe('held-out intent accuracy', () => {
  const recognizer = localRecognizer();
  const accuracy = (data: { text: string; intent: string }[]): number =>
    data.filter((r) => recognizer.recognizeSync(r.text).intent === r.intent).length / data.length;

  test('Chinese customer-service turns: ≥ 88%', () => {
    const data = [...rows('heldout_zh.jsonl'), ...rows('heldout2_zh.jsonl')];
    expect(data.length).toBeGreaterThanOrEqual(90);
    expect(accuracy(data)).toBeGreaterThanOrEqual(0.88);
  });

  test('English support requests with placeholders and typos: ≥ 92%', () => {
    const data = [...rows('heldout_en.jsonl'), ...rows('heldout2_en.jsonl')];
    expect(data.length).toBeGreaterThanOrEqual(90);
    expect(accuracy(data)).toBeGreaterThanOrEqual(0.92);
  });
});

/**
 * Round 11 sets (heldout3_*: written in one go before any training data of that round; heldout4_*: written
 * later and measured once at the end, never used to choose data or features). Colloquial turns, pinyin slips,
 * mixed zh/en, policy questions next to questions about the customer's own order, non-native English.
 */
describe('held-out intent accuracy, round 11 sets', () => {
  const recognizer = localRecognizer();
  const accuracy = (data: { text: string; intent: string }[]): number =>
    data.filter((r) => recognizer.recognizeSync(r.text).intent === r.intent).length / data.length;

  test('Chinese: ≥ 90%', () => {
    const data = [...rows('heldout3_zh.jsonl'), ...rows('heldout4_zh.jsonl')];
    expect(data.length).toBeGreaterThanOrEqual(200);
    expect(accuracy(data)).toBeGreaterThanOrEqual(0.9);
  });

  test('English: ≥ 93%', () => {
    const data = [...rows('heldout3_en.jsonl'), ...rows('heldout4_en.jsonl')];
    expect(data.length).toBeGreaterThanOrEqual(140);
    expect(accuracy(data)).toBeGreaterThanOrEqual(0.93);
  });
});

/**
 * Round 11b set (heldout5_zh): long JD-style after-sales turns from many kinds of shop (appliances, electronics,
 * clothes, food, beauty), written in one go before the round-11b training data; training lines that came out
 * close to a row here were dropped. Measured before (93.7 %) and after (96–98 % across retrains) that data, never tuned on.
 */
describe('held-out intent accuracy, round 11b long turns', () => {
  const recognizer = localRecognizer();

  test('Chinese multi-sentence after-sales turns: ≥ 92%', () => {
    const data = rows('heldout5_zh.jsonl');
    expect(data.length).toBeGreaterThanOrEqual(120);
    const right = data.filter((r) => recognizer.recognizeSync(r.text).intent === r.intent).length;
    expect(right / data.length).toBeGreaterThanOrEqual(0.92);
  });
});

describe('misreads fixed through training data', () => {
  const recognizer = localRecognizer();

  test.each([
    ['个人', 'invoice'],
    ['公司', 'invoice'],
    ['my lipstick arrived broken', 'quality_issue'],
    ['my cream is leaking', 'quality_issue'],
    ['换个收货地址', 'order_change'],
    ['价保怎么弄', 'return_refund'],
  ])('%s → %s', (text, intent) => {
    expect(recognizer.recognizeSync(text).intent).toBe(intent);
  });

  test.each([
    ['i need to chnage my shiping adress', 'order_change'],
    ['how do i cancell my ordr', 'order_cancel'],
    ['can i tallk to a humman', 'human_agent'],
    ['i forgott my pasword', 'account'],
    ['i need assistance to check the cancelation fee for purchase {{Order Number}}', 'order_cancel'],
    ['where can i call {{Customer Support Phone Number}} during {{Customer Support Hours}}', 'human_agent'],
  ])('typos and placeholders: %s → %s', (text, intent) => {
    expect(recognizer.recognizeSync(text).intent).toBe(intent);
  });
});

describe('intent features', () => {
  test('English words add boundary-marked letter trigrams, so a typo keeps most of them', () => {
    expect(englishSubwords('Adress')).toEqual(['e3:<ad', 'e3:adr', 'e3:dre', 'e3:res', 'e3:ess', 'e3:ss>']);
    const right = new Set(englishSubwords('address'));
    const typo = englishSubwords('adress');
    expect(typo.filter((g) => right.has(g)).length).toBeGreaterThanOrEqual(4);
  });

  test('Chinese text gets exactly the shared text features', () => {
    expect(intentFeatures('我的快递到哪了')).toEqual(features('我的快递到哪了'));
  });

  test('a typo variant changes one longer word by one letter, deterministically', () => {
    const text = 'please cancel my order tomorrow';
    const a = Array.from({ length: 20 }, (_, i) => withTypo(text, seededRandom(i)));
    const b = Array.from({ length: 20 }, (_, i) => withTypo(text, seededRandom(i)));
    expect(a).toEqual(b);
    expect(a.some((t) => t !== text)).toBe(true);
    const words = text.split(' ');
    for (const t of a) {
      const changed = t.split(' ').flatMap((w, i) => (w === words[i] ? [] : [[w, words[i]]]));
      expect(changed.length).toBeLessThanOrEqual(1);
      for (const [typo, word] of changed) {
        expect(word.length).toBeGreaterThanOrEqual(5);
        expect(Math.abs(typo.length - word.length)).toBeLessThanOrEqual(1);
      }
    }
  });
});
