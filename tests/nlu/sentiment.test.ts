import fs from 'node:fs';
import path from 'node:path';
import { SentimentAnalyzer } from '../../nlu/sentiment/sentimentAnalyzer';

const analyzer = new SentimentAnalyzer();

describe('sentiment, zh and en', () => {
  test.each([
    ['东西收到了，质量很好，物流也快，会回购的', 'positive'],
    ['苹果很新鲜，又甜又脆，家里人都爱吃', 'positive'],
    ['酒店位置好，房间干净，前台服务热情', 'positive'],
    ['书的内容很空，印刷也差，不推荐', 'negative'],
    ['手机用了两天就死机，太失望了', 'negative'],
    ['衣服掉色严重，洗一次就起球', 'negative'],
    ['我的快递到哪了', 'neutral'],
    ['怎么开发票', 'neutral'],
    ['Great product, works perfectly, thank you!', 'positive'],
    ['Terrible quality, the bottle arrived broken', 'negative'],
    ['Where is my order?', 'neutral'],
  ])('%s → %s', (text, label) => {
    expect(analyzer.analyze(text).label).toBe(label);
  });

  test('negation flips the polarity (不好用, 不新鲜, not good)', () => {
    expect(analyzer.analyze('这个面霜不好用').label).toBe('negative');
    expect(analyzer.analyze('水果一点都不新鲜').label).toBe('negative');
    expect(analyzer.analyze('it is not good at all').label).toBe('negative');
    expect(analyzer.analyze('没有异味，不油腻，满意').label).toBe('positive');
  });

  test('特别喜欢 is not negated by the 别 inside 特别', () => {
    expect(analyzer.analyze('孩子特别喜欢这套书').label).toBe('positive');
    expect(analyzer.analyze('别买，质量太差').label).toBe('negative');
  });

  test('reaches ≥ 85% on our own shopping reviews across categories (hotels, books, fruit, phones, clothes …)', () => {
    const rows = fs
      .readFileSync(path.join(__dirname, 'fixtures', 'reviews_zh.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { text: string; sentiment: string });
    const correct = rows.filter((r) => analyzer.analyze(r.text).label === r.sentiment).length;
    expect(correct / rows.length).toBeGreaterThanOrEqual(0.85);
  });

  test('a question about a product is not praise or blame yet (有没有适合…, 好用吗, 怎么退货)', () => {
    for (const text of ['有没有适合干皮的面霜', '这个面霜好用吗', '怎么退货', 'is it good for dry skin?']) expect(analyzer.analyze(text).label).toBe('neutral');
    expect(analyzer.analyze('为什么这么差？').label).toBe('negative');
  });

  test('sarcasm-lite: praise next to 呵呵 in a short turn counts against', () => {
    expect(analyzer.analyze('呵呵 真是好服务').label).toBe('negative');
    expect(analyzer.analyze('呵呵，这就是你们说的正品？').label).toBe('negative');
  });

  test('complaints in chat: anger words, waiting, threats and English', () => {
    for (const text of ['气死了 发货这么慢', '太慢了！！', '垃圾', '再不处理我就打12315', '不好用', 'not worth the price', "doesn't work at all", 'this broke me out']) {
      expect(analyzer.analyze(text).label).toBe('negative');
    }
    expect(analyzer.analyze('再不处理我就打12315').anger).toBeGreaterThanOrEqual(0.6);
  });

  test('a long review with no lexicon word still gets a side from the character model', () => {
    expect(analyzer.analyze('裤子穿了两次就开线了，口袋里还有污渍').label).toBe('negative');
    expect(analyzer.analyze('给爷爷买的，他说拿着顺手，字也看得清').label).toBe('positive');
  });

  test('our round-11 held-out sentiment set (reviews and chat turns, zh and en): ≥ 90%', () => {
    const rows = fs
      .readFileSync(path.join(__dirname, 'fixtures', 'heldout3_sentiment.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { text: string; sentiment: string });
    const correct = rows.filter((r) => analyzer.analyze(r.text).label === r.sentiment).length;
    expect(correct / rows.length).toBeGreaterThanOrEqual(0.9);
  });

  test('after 但是 the later clause decides', () => {
    expect(analyzer.analyze('包装还可以，但是用了过敏，很失望').label).toBe('negative');
    expect(analyzer.analyze('物流有点慢，但是东西非常好，很喜欢').label).toBe('positive');
  });

  test('score is a confidence in 0..1', () => {
    for (const text of ['很好', '很差', '你好']) {
      const { score } = analyzer.analyze(text);
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
    }
  });
});

describe('anger', () => {
  test('calm questions have no anger', () => {
    expect(analyzer.analyze('请问这个面霜适合干皮吗').anger).toBe(0);
    expect(analyzer.analyze('how do I get an invoice').anger).toBe(0);
  });

  test.each([
    '这是第三次了！！！还没解决',
    '垃圾服务，我要打12315投诉你们',
    '再不处理我就给差评，骗子',
    'This is the WORST service EVER, I will report you',
    'third time asking, this is ridiculous!!!',
  ])('escalates: %s', (text) => {
    const s = analyzer.analyze(text);
    expect(s.anger).toBeGreaterThanOrEqual(0.6);
    expect(s.label).toBe('negative');
  });

  test('mild dissatisfaction is less angry than threats and insults', () => {
    const mild = analyzer.analyze('有点慢').anger;
    const strong = analyzer.analyze('垃圾！骗子！我要去消协投诉！！！').anger;
    expect(mild).toBeLessThan(0.3);
    expect(strong).toBeGreaterThan(0.9);
  });

  test('"第二次购买" is loyalty, not anger', () => {
    const s = analyzer.analyze('第二次购买了，很好用');
    expect(s.label).toBe('positive');
    expect(s.anger).toBeLessThan(0.3);
  });
});
