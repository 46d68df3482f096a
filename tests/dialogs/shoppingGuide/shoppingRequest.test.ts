/** Reading a shopping request: budget ranges, colour, hair, recipient, constraints and "no preference", with and without an NLU frame. */
import { emptyFrame, NluResult } from '../../../nlu/types';
import { categoriesInText, parseAge, parseBudgetRange, parseRecipient, saysNoPreference, withArabicNumbers } from '../../../dialogs/shoppingGuide/requestParsers';
import { carriesNeeds, readRequest } from '../../../dialogs/shoppingGuide/shoppingRequest';

const knowledge = { vocabulary: () => ({ brands: [], products: [], categories: [], concerns: [], skinTypes: [], shades: [] }) };

describe('budget ranges', () => {
  it.each([
    ['100块以内', { max: 100 }],
    ['一百块以内', { max: 100 }],
    ['预算三百五', { max: 350 }],
    ['200到300', { min: 200, max: 300 }],
    ['¥300-600', { min: 300, max: 600 }],
    ['around 500 rmb', { min: 400, max: 600 }],
    ['500左右', { min: 400, max: 600 }],
    ['500以上的', { min: 500 }],
    ['Over ¥600', { min: 600 }],
    ['under 1.5k', { max: 1500 }],
  ])('%s', (text, range) => expect(parseBudgetRange(text)).toEqual(range));

  it('a shade code, an SPF, a size or an age is not money', () => {
    expect(parseBudgetRange('迪奥999口红')).toBeUndefined();
    expect(parseBudgetRange('SPF50的防晒，200以内')).toEqual({ max: 200 });
    expect(parseBudgetRange('50ml的面霜有吗')).toBeUndefined();
    expect(parseBudgetRange('她50岁了，预算800')).toEqual({ max: 800 });
  });

  it('a bare number is money only as the answer to the budget question', () => {
    expect(parseBudgetRange('500')).toBeUndefined();
    expect(parseBudgetRange('500', true)).toEqual({ max: 500 });
  });

  it('Chinese numerals as people write budgets', () => {
    expect(withArabicNumbers('一千二以内')).toBe('1200以内');
    expect(withArabicNumbers('两千左右')).toBe('2000左右');
  });
});

describe('other slots', () => {
  it('categories by their everyday names, longest first', () => {
    expect(categoriesInText('想要控油的洗面奶')).toEqual(['洁面']);
    expect(categoriesInText('a good eye cream?')).toEqual(['眼霜']);
    expect(categoriesInText('moisturizer for dry skin')).toEqual(['面霜']);
  });

  it('ages and recipients', () => {
    expect(parseAge('她五十多了')).toBe(55);
    expect(parseAge('my mum is 62 years old')).toBe(62);
    expect(parseRecipient('想给我妈买点护肤品')).toBe('mother');
    expect(parseRecipient('birthday present for my girlfriend')).toBe('girlfriend');
  });

  it.each(['都可以', '随便吧', '无所谓', '不知道', 'whatever', 'anything is fine', 'not sure', 'no limit'])('"%s" says no preference', (text) => {
    expect(saysNoPreference(text)).toBe(true);
  });

  it.each(['any good serum for oily skin?', '都可以用吗', '可以礼品包装吗'])('"%s" is not "no preference"', (text) => {
    expect(saysNoPreference(text)).toBe(false);
  });
});

describe('readRequest', () => {
  it('reads every slot of a message without a frame', () => {
    const s = readRequest('我是油皮，想要控油的洗面奶，100块以内，对酒精过敏，要无香精的', undefined, knowledge);
    expect(s).toMatchObject({ categories: ['洁面'], skinType: '油皮', concern: '控油', budget: { max: 100 } });
    expect(s.constraints).toMatchObject({ allergies: ['酒精'], fragranceFree: true });
    expect(carriesNeeds(s)).toBe(true);
  });

  it('a gift for mother with her age and skin', () => {
    const s = readRequest('给妈妈买护肤品，她五十多了皮肤偏干，预算1000', undefined, knowledge);
    expect(s).toMatchObject({ kind: 'skincare', recipient: 'mother', gift: true, age: 55, skinType: '干皮', budget: { max: 1000 } });
  });

  it('the frame wins where it has a slot (its ids are mapped to the catalogue values)', () => {
    const frame = { ...emptyFrame('en'), categories: ['face_cream'], skinType: 'dry', concerns: ['anti_aging'], budget: { max: 300 }, lifeStage: 'pregnant' as const };
    const nlu = { intent: 'recommendation', confidence: 0.9, alternatives: [], entities: [], sentiment: { label: 'neutral', score: 1, anger: 0 }, language: 'en', frame } as NluResult;
    const s = readRequest('something nice please', nlu, knowledge);
    expect(s).toMatchObject({ categories: ['面霜'], skinType: '干皮', concern: '抗老', budget: { max: 300 } });
    expect(s.constraints.lifeStage).toBe('pregnant');
  });

  it('a gift-wrap question is no gift request', () => {
    expect(readRequest('可以礼品包装吗', undefined, knowledge).gift).toBe(false);
    expect(readRequest('能帮我包成礼物吗', undefined, knowledge).gift).toBe(false);
    expect(readRequest('can you gift wrap it?', undefined, knowledge).gift).toBe(false);
  });
});
