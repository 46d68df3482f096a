import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { IntentClassifier } from '../../nlu/model/intentClassifier';
import { loadIntentFiles, withVariants } from '../../nlu/model/trainingData';
import { INTENTS } from '../../nlu/types';
import { localRecognizer } from './helpers';

// phrasings written for these tests, not present in nlu/data
const zhCases: [string, string][] = [
  ['亲 我昨天拍的粉底液咋还木有发货', 'order_status'],
  ['帮我把收件地址换成杭州西湖区的那个', 'order_change'],
  ['下错单了 麻烦帮我撤销掉', 'order_cancel'],
  ['公司要报销 能给我开张专票不', 'invoice'],
  ['退回去的面霜钱到现在都没退给我', 'refund_status'],
  ['敏感肌能不能用这款精华啊', 'product_info'],
  ['油痘肌求推荐一个洗面奶', 'recommendation'],
  ['转人工客服', 'human_agent'],
  ['好的 没别的了 谢谢', 'thanks_bye'],
  ['双十一满减能叠加店铺券吗', 'promotion'],
  ['收到的乳液瓶子裂了 漏了一箱子', 'quality_issue'],
];

const enCases: [string, string][] = [
  ['hey, could you cancel the order I made yesterday', 'order_cancel'],
  ['how can I get a receipt for tax purposes', 'invoice'],
  ["it's been ten days, where is my refund", 'refund_status'],
  ['my parcel still has not shown up', 'order_status'],
  ['the lotion bottle came cracked and leaking', 'quality_issue'],
];

describe('local intent classifier', () => {
  const recognizer = localRecognizer();

  test.each(zhCases)('zh: %s → %s', (text, intent) => {
    expect(recognizer.recognizeSync(text).intent).toBe(intent);
  });

  test.each(enCases)('en: %s → %s', (text, intent) => {
    expect(recognizer.recognizeSync(text).intent).toBe(intent);
  });

  test('returns three alternatives with calibrated, descending confidences', () => {
    const r = recognizer.recognizeSync('我的快递到哪了');
    expect(r.alternatives).toHaveLength(3);
    expect(r.alternatives.map((a) => a.intent)).not.toContain(r.intent);
    const all = [r.confidence, ...r.alternatives.map((a) => a.confidence)];
    expect([...all].sort((a, b) => b - a)).toEqual(all);
    expect(all.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1.001);
    expect(r.confidence).toBeGreaterThan(0.8);
  });

  test('an unclear message gets a low confidence', () => {
    expect(recognizer.recognizeSync('那个那个').confidence).toBeLessThan(0.6);
  });

  test('reaches ≥ 90% on our own English customer-support set', () => {
    const rows = fs
      .readFileSync(path.join(__dirname, 'fixtures', 'english_support.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { text: string; intent: string });
    const correct = rows.filter((r) => recognizer.recognizeSync(r.text).intent === r.intent).length;
    expect(correct / rows.length).toBeGreaterThanOrEqual(0.9);
  });

});

describe('training data and model cache', () => {
  test('every intent has training utterances in Chinese and English', () => {
    const data = loadIntentFiles();
    for (const intent of INTENTS) {
      const rows = data.filter((r) => r.intent === intent);
      expect(rows.some((r) => /\p{Script=Han}/u.test(r.text))).toBe(true);
      expect(rows.some((r) => /^[\x20-\x7e]+$/.test(r.text))).toBe(true);
    }
  });

  test('a cached model predicts exactly like the one just trained, and a changed data set retrains', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nlu-cache-'));
    const data = loadIntentFiles().filter((_, i) => i % 3 === 0);
    const trained = IntentClassifier.trainCached(data, (r) => withVariants(r, 1), dir);
    expect(fs.readdirSync(dir)).toHaveLength(1);
    const loaded = IntentClassifier.trainCached(data, (r) => withVariants(r, 1), dir);
    for (const text of ['发票怎么开', 'where is my parcel', '退款到哪了']) expect(loaded.predict(text)).toEqual(trained.predict(text));
    IntentClassifier.trainCached(data.slice(1), (r) => withVariants(r, 1), dir);
    expect(fs.readdirSync(dir)).toHaveLength(2);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('a corrupt cache file is retrained instead of crashing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nlu-cache-'));
    const data = loadIntentFiles().filter((_, i) => i % 4 === 0);
    fs.writeFileSync(path.join(dir, `nlu-intent-${IntentClassifier.hashOf(data)}.json`), '{not json');
    const classifier = IntentClassifier.trainCached(data, (r) => r, dir);
    expect(classifier.predict('怎么开发票').intent).toBe('invoice');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
