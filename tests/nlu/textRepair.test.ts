import { cueFeatures } from '../../nlu/text/cues';
import { lemma, stem } from '../../nlu/text/english';
import { features } from '../../nlu/text/features';
import { repairSpelling } from '../../nlu/text/typos';
import { localRecognizer } from './helpers';

describe('spelling repair before the intent model', () => {
  test.each([
    ['快第到哪了', '快递到哪了'],
    ['我的单子发或了没', '我的单子发货了没'],
    ['优惠卷怎么用', '优惠券怎么用'],
    ['查一下物六', '查一下物流'],
    ['退宽还没到', '退款还没到'],
  ])('pinyin slip %s → %s', (slip, meant) => {
    expect(repairSpelling(slip)).toBe(meant);
  });

  test('everyday words that look like slips stay as they are', () => {
    for (const text of ['这个很快的', '没油了', 'u盘坏了', '发票开了吗']) expect(repairSpelling(text)).toBe(text);
  });

  test('chat English and contractions become the words the training set uses', () => {
    expect(repairSpelling("u didnt send it, pls check")).toBe('you did not send it, please check');
    expect(repairSpelling("i can't login, where's my order")).toBe('i can not login, where is my order');
  });

  test('a slip and its correct spelling give the model the same features', () => {
    expect(features('快第到哪了')).toEqual(features('快递到哪了'));
    expect(features('i didnt get it')).toEqual(features("i didn't get it"));
  });
});

describe('English stems', () => {
  test('inflections meet their base form', () => {
    for (const w of ['ordered', 'orders', 'ordering']) expect(stem(w)).toBe(stem('order'));
    expect(stem('arrived')).toBe(stem('arrive'));
    expect(stem('shipping')).toBe('ship');
    expect(stem('cancelled')).toBe(stem('cancel'));
    expect(lemma('deliveries')).toBe('delivery');
    expect(lemma('bought')).toBe('buy');
    expect(lemma('address')).toBe('address');
  });
});

describe('policy question or my own order', () => {
  test('cue features tell a hypothetical purchase from time that has passed', () => {
    expect(cueFeatures('今天下单什么时候发')).toContain('cue:hypo+ship');
    expect(cueFeatures('if i order today when will you ship it')).toContain('cue:hypo+ship');
    expect(cueFeatures('我上周买的还没发货')).toEqual(expect.arrayContaining(['cue:mine+ship', 'cue:elapsed+ship']));
    expect(cueFeatures('i ordered 5 days ago and nothing came')).toContain('cue:elapsed');
    expect(cueFeatures('这个面霜多少钱')).toEqual([]);
  });

  const recognizer = localRecognizer();
  test.each([
    ['现在下单的话什么时候能发出', 'shipping_info'],
    ['if i buy it now, when do you ship', 'shipping_info'],
    ['前两天拍的怎么还没发货', 'order_status'],
    ['i paid 4 days ago and still not shipped', 'order_status'],
    ['拆封了还能退吗', 'return_refund'],
    ['退货寄回去好几天了 钱什么时候到', 'refund_status'],
  ])('%s → %s', (text, intent) => {
    expect(recognizer.recognizeSync(text).intent).toBe(intent);
  });

  test.each([
    ['快第怎么还没到', 'order_status'],
    ['我想要退宽', 'return_refund'],
    ['pls cancel my ordr', 'order_cancel'],
  ])('typos still reach the intent: %s → %s', (text, intent) => {
    expect(recognizer.recognizeSync(text).intent).toBe(intent);
  });
});
