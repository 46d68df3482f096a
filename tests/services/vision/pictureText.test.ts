/** What the text read from a picture means: order numbers (labelled first, other numbers skipped), the product, the text. */
import { orderNumbersIn, productOnPicture, readPictureText } from '../../../services/vision';

describe('order numbers on a picture', () => {
  it.each([
    ['beside its label', ['订单编号：1688000000000103复制'], ['1688000000000103']],
    ['on the line under its label', ['订单编号', '1688000000000103'], ['1688000000000103']],
    ['typed in groups on a labelled line', ['订单号：1688 0000 0000 0103'], ['1688000000000103']],
    ['in English', ['Order No. 1688000000000103 Copy'], ['1688000000000103']],
    ['with letters the recogniser took for digits', ['订单编号：16880O00000001O3'], ['1688000000000103']],
    ['labelled first, an unlabelled run after', ['参考号 9988776655443', '订单号 1688000000000103'], ['1688000000000103', '9988776655443']],
  ])('finds the number %s', (_case, lines, expected) => {
    expect(orderNumbersIn(lines)).toEqual(expected);
  });

  it.each([
    ['a waybill', ['运单号：SF1402938475610 顺丰速运']],
    ['a payment serial', ['支付流水号：42000027182026112012']],
    ['a time whose digits run together', ['下单时间：2026-11-2010:32:07']],
    ['a mobile number', ['收货人 林女士 13900001234']],
    ['a phone beside a label', ['联系电话 021-64001234567']],
    ['a short number', ['实付款 ¥1020.00 共1件']],
  ])('takes no order number from %s', (_case, lines) => {
    expect(orderNumbersIn(lines)).toEqual([]);
  });

  it('keeps the whole text, line by line, for a complaint', () => {
    const read = readPictureText([
      { text: ' 生产日期 2024-01-05 ', score: 0.9 },
      { text: '', score: 0.1 },
      { text: '批号 B2401X', score: 0.8 },
    ]);
    expect(read).toEqual({ text: '生产日期 2024-01-05\n批号 B2401X', orderNumbers: [] });
  });
});

describe('the product on a picture', () => {
  const knowledge = { findProductMention: (t: string) => (t.includes('雅诗兰黛 特润修护') ? ({ _id: 'sk-0001', title: 'ANR', titleEn: 'ANR en' } as never) : undefined) };

  it('reads a label whose brand and name are on separate lines as one message', () => {
    expect(productOnPicture('雅诗兰黛\n特润修护肌活精华露', knowledge)).toEqual({ id: 'sk-0001', title: 'ANR', titleEn: 'ANR en' });
  });

  it('finds none on an empty picture or an unknown one', () => {
    expect(productOnPicture('', knowledge)).toBeUndefined();
    expect(productOnPicture('今日特价', knowledge)).toBeUndefined();
  });
});
