/** Which question makes sense next: the category decides, and what was said is never asked again. */
import { readRequest } from '../../../dialogs/shoppingGuide/shoppingRequest';
import { nextQuestion, startWishes, Wishes } from '../../../dialogs/shoppingGuide/wishes';
import { allowedBy } from '../../../dialogs/shoppingGuide/constraints';
import type { Product } from '../../../knowledge/types';

const knowledge = { vocabulary: () => ({ brands: [], products: [], categories: [], concerns: [], skinTypes: [], shades: [] }) };
const wishes = (text: string, profile = {}, guide = {}): Wishes => startWishes(readRequest(text, undefined, knowledge), profile, guide);
/** the questions asked in order when each one is answered with "no preference" */
function plan(w: Wishes): string[] {
  const asked: string[] = [];
  for (let q = nextQuestion(w); q; q = nextQuestion(w)) {
    asked.push(q);
    w.skipped.push(q);
    w.asked += 1;
  }
  return asked;
}

describe('the question plan', () => {
  it('skincare with nothing said: skin type, concern, budget, texture', () => {
    expect(plan(wishes('推荐一下'))).toEqual(['skin', 'concern', 'budget', 'texture']);
  });

  it('a product type named: no concern question', () => {
    expect(plan(wishes('推荐一款精华'))).toEqual(['skin', 'budget', 'texture']);
  });

  it('everything said: nothing is asked', () => {
    expect(plan(wishes('hi, do you have a moisturizer for dry skin under 300 yuan?'))).toEqual([]);
    expect(plan(wishes('looking for an anti-aging serum for oily skin, budget around 500 rmb'))).toEqual([]);
  });

  it('makeup asks colour or undertone, never skin type', () => {
    expect(plan(wishes('推荐一支口红'))).toEqual(['shade', 'budget']);
    expect(plan(wishes('recommend a blush'))).toEqual(['shade', 'budget']);
    expect(plan(wishes('looking for a foundation'))).toEqual(['undertone', 'budget', 'finish']);
    expect(plan(wishes('想要一支正红色的口红，300以内'))).toEqual([]);
  });

  it('hair care asks the hair concern; a gift the recipient and budget', () => {
    expect(plan(wishes('recommend a shampoo'))).toEqual(['hairConcern', 'budget']);
    expect(plan(wishes('I want to buy a gift'))).toEqual(['recipient', 'budget']);
    expect(plan(wishes('送女朋友礼物有什么推荐'))).toEqual(['budget']);
    expect(plan(wishes('给妈妈买护肤品，她五十多了皮肤偏干，预算1000'))).toEqual([]);
  });

  it('the profile fills the customer\'s own slots, never a gift\'s', () => {
    const profile = { skinType: '油皮', concerns: ['抗老'] };
    expect(wishes('推荐一款精华', profile)).toMatchObject({ skinType: '油皮', remembered: ['skin'] });
    expect(wishes('给妈妈买面霜', profile).skinType).toBeUndefined();
  });
});

describe('constraints', () => {
  const product = (p: Partial<Product>): Product => ({ _id: 'x', brandId: 'b', brand: 'B', category: '精华', topCategory: 'skincare', title: 't', price: 100, stock: 1, ...p });
  const retinol = product({ ingredients: [{ name: '视黄醇', nameEn: 'Retinol', concentration: 0.5 }], fragrance: '无香' });
  const gentle = product({ ingredients: [{ name: '透明质酸钠' }], fragrance: '无香' });
  const scented = product({ ingredients: [{ name: '透明质酸钠' }], fragrance: '花香' });
  const alcohol = product({ ingredients: [{ name: '乙醇', nameEn: 'Alcohol Denat.' }], fragrance: '无香' });
  const none = { allergies: [], avoid: [], fragranceFree: false };

  it('pregnancy leaves retinoids out', () => {
    expect(allowedBy({ ...none, lifeStage: 'pregnant' }, retinol)).toBe(false);
    expect(allowedBy({ ...none, lifeStage: 'pregnant' }, gentle)).toBe(true);
  });

  it('fragrance-free keeps only products listed as such', () => {
    expect(allowedBy({ ...none, fragranceFree: true }, scented)).toBe(false);
    expect(allowedBy({ ...none, fragranceFree: true }, gentle)).toBe(true);
  });

  it('an alcohol allergy matches the ingredient by its other names', () => {
    expect(allowedBy({ ...none, allergies: ['酒精'] }, alcohol)).toBe(false);
    expect(allowedBy({ ...none, allergies: ['酒精'] }, gentle)).toBe(true);
  });
});
