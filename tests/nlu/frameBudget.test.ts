/** Budget and amount reading, including generated messages: whatever is written, a budget is never upside down. */
import fc from 'fast-check';
import { chineseNumeral } from '../../nlu/frame/amounts';
import { parseBudget } from '../../nlu/frame/budget';

const read = (text: string) => parseBudget(text.toLowerCase());

describe('budget', () => {
  test.each([
    ['100块以内', { max: 100 }],
    ['200到300', { min: 200, max: 300 }],
    ['300左右', { min: 240, max: 360 }],
    ['不超过五百', { max: 500 }],
    ['一千以内', { max: 1000 }],
    ['预算1000', { max: 1000 }],
    ['三百五以内', { max: 350 }],
    ['两百多块', { min: 200, max: 300 }],
    ['1到2千的面霜', { min: 1000, max: 2000 }],
    ['500元以上的', { min: 500 }],
    ['¥200以下', { max: 200 }],
    ['under 300 yuan', { max: 300 }],
    ['around 500 rmb', { min: 400, max: 600 }],
    ['between 150 and 250', { min: 150, max: 250 }],
    ['no more than 1,200 yuan', { max: 1200 }],
    ['my budget is 1.5k', { max: 1500 }],
    ['max five hundred rmb', { max: 500 }],
    ['500 to 300 yuan', { min: 300, max: 500 }],
  ])('%s', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  test.each(['她五十多了', '30ml', '3-5天到', '买两瓶', 'spf50', '一起买', '等了三天了', 'i am 35', 'a 100ml bottle', '第二单'])('no budget in %s', (text) => {
    expect(read(text)).toBeUndefined();
  });

  test('Chinese numerals as prices are written', () => {
    expect([chineseNumeral('三百五'), chineseNumeral('一千五'), chineseNumeral('一千零五'), chineseNumeral('一万二'), chineseNumeral('十五'), chineseNumeral('两千')]).toEqual([350, 1500, 1005, 12000, 15, 2000]);
  });

  // below 50 a bare range (3-5, 10到20) is more often days or pieces than money
  const amount = fc.integer({ min: 50, max: 99_999 });

  test('a range reads both ends, in order, whichever comes first', () => {
    fc.assert(
      fc.property(amount, amount, fc.constantFrom('到', '-', '~', ' to ', '至'), fc.constantFrom('', '元', '块', ' yuan'), (a, b, joiner, unit) => {
        expect(read(`${a}${joiner}${b}${unit}`)).toEqual({ min: Math.min(a, b), max: Math.max(a, b) });
      }),
    );
  });

  test('a limit is the amount written', () => {
    fc.assert(
      fc.property(fc.integer({ min: 30, max: 99_999 }), fc.constantFrom('%d块以内', '%d元以下', '不超过%d', 'under %d', 'below %d rmb', '预算%d', 'less than %d yuan'), (n, pattern) => {
        expect(read(pattern.replace('%d', String(n)))).toEqual({ max: n });
      }),
    );
  });

  test('whatever the words around them, min never exceeds max and amounts are positive', () => {
    const pieces = fc.constantFrom('100', '300', '五百', '一千', '两三百', '块', '元', '以内', '左右', '以上', '到', '-', '多', 'under ', 'around ', 'between ', ' and ', 'yuan', '预算', '岁', 'ml', '面霜', ' ', '，', '1.5k', '2w', '不超过', '至少');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 8 }), (parts) => {
        const budget = read(parts.join(''));
        if (!budget) return;
        if (budget.min !== undefined) expect(budget.min).toBeGreaterThan(0);
        if (budget.max !== undefined) expect(budget.max).toBeGreaterThan(0);
        if (budget.min !== undefined && budget.max !== undefined) expect(budget.min).toBeLessThanOrEqual(budget.max);
      }),
      { numRuns: 2000 },
    );
  });
});
