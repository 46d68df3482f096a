import { recognizeChineseGaps, chineseNumber } from '../../nlu/entities/chineseGaps';
import { EntityRecognizer } from '../../nlu/entities/entityRecognizer';
import { loadDefaultVocabulary } from '../../nlu/entities/gazetteer';
import { recognizeOrderNumbers } from '../../nlu/entities/orderNumbers';
import { warmUp } from '../../nlu/entities/recognizersText';
import type { Entity } from '../../nlu/types';
import type { Vocabulary } from '../../knowledge/types';

const pick = (entities: Entity[], type: string): Entity[] => entities.filter((e) => e.type === type);

beforeAll(() => warmUp());

describe('Chinese gaps of recognizers-text', () => {
  test('measure words become quantities (三瓶, 两支, 2盒)', () => {
    const found = recognizeChineseGaps('我要三瓶精华，两支口红，再加2盒面膜');
    expect(pick(found, 'quantity').map((e) => [e.text, e.value])).toEqual([
      ['三瓶', { count: 3, unit: '瓶' }],
      ['两支', { count: 2, unit: '支' }],
      ['2盒', { count: 2, unit: '盒' }],
    ]);
  });

  test('discounts become the fraction paid (八折, 8.5折, 85折, 五折)', () => {
    const found = pick(recognizeChineseGaps('现在八折吗？会员8.5折，还是85折？清仓五折'), 'discount');
    expect(found.map((e) => [e.text, e.value])).toEqual([
      ['八折', 0.8],
      ['8.5折', 0.85],
      ['85折', 0.85],
      ['五折', 0.5],
    ]);
  });

  test('English quantities and percentage discounts', () => {
    const found = recognizeChineseGaps('I want three bottles, is it 20% off?');
    expect(pick(found, 'quantity')[0].value).toEqual({ count: 3, unit: 'bottle' });
    expect(pick(found, 'discount')[0].value).toBe(0.8);
  });

  test('Chinese numerals', () => {
    expect(chineseNumber('十二')).toBe(12);
    expect(chineseNumber('二十五')).toBe(25);
    expect(chineseNumber('一百')).toBe(100);
    expect(chineseNumber('好')).toBeUndefined();
  });
});

describe('order and tracking numbers', () => {
  test('a 12-digit run is an order number, SF… a tracking number', () => {
    const found = recognizeOrderNumbers('订单115380810795还没到，快递单号SF1234567890');
    expect(found.map((e) => [e.type, e.text])).toEqual([
      ['tracking_id', 'SF1234567890'],
      ['order_id', '115380810795'],
    ]);
    expect(found[0].value).toEqual({ carrier: 'SF', number: 'SF1234567890' });
  });

  test('a mobile number is not an order unless called one', () => {
    expect(recognizeOrderNumbers('电话13812345678')).toEqual([]);
    expect(recognizeOrderNumbers('订单号:13812345678')[0].type).toBe('order_id');
  });

  test('JD and YT tracking numbers, case-insensitive', () => {
    expect(recognizeOrderNumbers('jd0012345678901 and YT9876543210').map((e) => e.value)).toEqual([
      { carrier: 'JD', number: 'JD0012345678901' },
      { carrier: 'YT', number: 'YT9876543210' },
    ]);
  });
});

describe('all entities together', () => {
  const recognizer = new EntityRecognizer(loadDefaultVocabulary());

  test('zh: money, date/time, quantity, discount, brand and product with exact offsets', () => {
    const text = '兰蔻小黑瓶我要三瓶，打八折吗？明天下午3点送到，一共299元';
    const found = recognizer.recognize(text, false);
    for (const e of found) expect(text.slice(e.start, e.end)).toBe(e.text);
    expect(pick(found, 'brand')[0].value).toBe('lancome');
    expect(pick(found, 'product')[0].text).toBe('小黑瓶');
    expect(pick(found, 'quantity')[0].value).toEqual({ count: 3, unit: '瓶' });
    expect(pick(found, 'discount')[0].value).toBe(0.8);
    expect(pick(found, 'money')[0].value).toEqual({ amount: 299, unit: 'CNY' });
    const when = pick(found, 'datetime')[0];
    expect(when.text).toBe('明天下午3点');
    expect((when.value as { value: string }).value).toMatch(/ 15:00:00$/);
    // the 3 inside 三瓶 and 3点 is not reported again as a bare number
    expect(pick(found, 'number')).toEqual([]);
  });

  test('en: money, date, phone and email through recognizers-text', () => {
    const text = 'I paid $25.50 yesterday, call me at 555-123-4567 or mail jane@example.com';
    const found = recognizer.recognize(text, true);
    expect(pick(found, 'money')[0]).toMatchObject({ text: '$25.50', value: { amount: 25.5 } });
    expect(pick(found, 'datetime')[0].text).toBe('yesterday');
    expect(pick(found, 'phone')[0].text).toBe('555-123-4567');
    expect(pick(found, 'email')[0]).toMatchObject({ text: 'jane@example.com', value: 'jane@example.com' });
  });

  test('zh: a mainland mobile number is a phone; an order timestamp is a datetime', () => {
    const found = recognizer.recognize('联系电话改为13812345678，下单时间:2024-05-01 10:20:30', false);
    expect(pick(found, 'phone')[0].text).toBe('13812345678');
    expect(pick(found, 'datetime')[0].value).toEqual({ type: 'datetime', value: '2024-05-01 10:20:30' });
  });

  test('money in Chinese numerals and with thousands separators; bare numbers', () => {
    const found = recognizer.recognize('三百五十块能买吗，总共1,299.50元，¥1,000也行，我要12个，还有7', false);
    expect(pick(found, 'money').map((e) => [e.text, (e.value as { amount: number }).amount])).toEqual([
      ['三百五十块', 350],
      ['1,299.50元', 1299.5],
      ['¥1,000', 1000],
    ]);
    expect(pick(found, 'quantity')[0].value).toEqual({ count: 12, unit: '个' });
    expect(pick(found, 'number').map((e) => e.value)).toEqual([7]);
  });

  test('English number words go through recognizers-text', () => {
    expect(pick(recognizer.recognize('I need twenty five of them', true), 'number')[0].value).toBe(25);
  });

  test('full-width digits are read, and offsets still point into the original text', () => {
    const text = '订单１２３４５６７８９０１２到哪了';
    const [order] = pick(recognizer.recognize(text, false), 'order_id');
    expect(order.value).toBe('123456789012');
    expect(text.slice(order.start, order.end)).toBe('１２３４５６７８９０１２');
  });

  test('the gazetteer uses the vocabulary it is given (the knowledge base)', () => {
    const vocabulary: Vocabulary = {
      brands: [{ id: 'b-rose', names: ['玫瑰庄园', 'Rose Manor'] }],
      products: [{ id: 'p-dew', names: ['晨露精华'] }],
      categories: [{ value: 'serum', names: ['精华'] }],
      concerns: [{ value: 'acne', names: ['痘痘'] }],
      skinTypes: [{ value: 'oily', names: ['油皮'] }],
      shades: [{ value: '01', names: ['01象牙白'] }],
    };
    const custom = new EntityRecognizer(vocabulary);
    const found = custom.recognize('玫瑰庄园的晨露精华油皮长痘痘能用吗', false);
    expect(found.map((e) => [e.type, e.value])).toEqual([
      ['brand', 'b-rose'],
      ['product', 'p-dew'],
      ['skin_type', 'oily'],
      ['concern', 'acne'],
    ]);
    expect(custom.recognize('is Rose Manor good for oily skin', true).map((e) => e.type)).toEqual(['brand']);
    // Latin names match whole words only
    expect(custom.recognize('rose manorial', true)).toEqual([]);
  });

  test('a shade name wins over the bare number with the same text (999)', () => {
    const found = recognizer.recognize('999口红还有货吗', false);
    expect(found.map((e) => [e.type, e.value])).toEqual([
      ['shade', '999'],
      ['category', 'lipstick'],
    ]);
  });

  // Speed is measured by `npm run bench*`, never by a timed unit test.
  test('plain text without entity hints yields only the category, every time', () => {
    for (let i = 0; i < 50; i++) expect(recognizer.recognize('这个面霜好用吗', false)).toEqual([{ type: 'category', text: '面霜', value: 'face_cream', start: 2, end: 4 }]);
  });
});
