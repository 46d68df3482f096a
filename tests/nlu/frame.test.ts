/**
 * The frame of an utterance, read as a customer would mean it: table-driven, zh and en, colloquial and
 * with typos. Values are those of the vocabulary loaded (the built-in list here; the knowledge base's in
 * the last block).
 */
import type { Frame } from '../../nlu/types';
import { LocalRecognizer } from '../../nlu/localRecognizer';
import { demoKnowledgeBase } from '../knowledge/demoKb';
import { localRecognizer, TEST_MODEL_CACHE } from './helpers';

const frameOf = (text: string): Frame => localRecognizer().recognizeSync(text).frame!;

type Case = [text: string, expected: Partial<Frame>];

const zh: Case[] = [
  ['我是油皮，想要控油的洗面奶，100块以内', { categories: ['cleanser'], skinType: 'oily', concerns: ['oil_control'], budget: { max: 100 } }],
  ['面霜和洗面奶都想看看', { categories: ['face_cream', 'cleanser'] }],
  ['有没有适合黄皮的口红 要哑光的', { categories: ['lipstick'], undertone: 'warm', finish: 'matte' }],
  ['冷白皮涂什么色号好看，想要水光感的', { undertone: 'cool', finish: 'dewy' }],
  ['皮肤很干，冬天想要滋润一点的面霜，两三百', { skinType: 'dry', texture: 'rich', categories: ['face_cream'], budget: { min: 200, max: 300 } }],
  ['脸上老是出油 想要清爽不油腻的', { skinType: 'oily', texture: 'light' }],
  ['预算1000左右，给我妈买个抗老面霜，她五十多了', { budget: { min: 800, max: 1200 }, recipient: 'mother', age: 50, concerns: ['anti_aging'] }],
  ['送女朋友的口红，不超过五百', { recipient: 'girlfriend', budget: { max: 500 }, categories: ['lipstick'] }],
  ['一千以内的精华有吗', { budget: { max: 1000 }, categories: ['serum'] }],
  ['200到300的防晒', { budget: { min: 200, max: 300 }, categories: ['sunscreen'] }],
  ['想要烟酰胺的精华，不要酒精', { ingredientsWanted: ['烟酰胺'], ingredientsAvoided: ['酒精'], categories: ['serum'] }],
  ['我对酒精过敏，有无香精的面霜吗', { allergies: ['酒精'], fragranceFree: true, ingredientsAvoided: expect.arrayContaining(['酒精', '香精']) as unknown as string[] }],
  ['孕妇能用A醇吗', { lifeStage: 'pregnant', ingredientsWanted: [], ingredientsMentioned: ['视黄醇'] }],
  ['在备孕，可以用水杨酸吗', { lifeStage: 'trying_to_conceive', ingredientsWanted: [] }],
  ['哺乳期能用什么面霜', { lifeStage: 'breastfeeding' }],
  ['这款多少钱', { refersToFocus: true }],
  ['它适合敏感肌吗', { refersToFocus: true, skinType: 'sensitive' }],
  ['那个，我想问下发货时间', { refersToFocus: false }],
  ['这个月能到吗', { refersToFocus: false }],
  ['兰蔻小黑瓶和雅诗兰黛小棕瓶哪个好', { brandIds: ['lancome', 'estee-lauder'], productIds: ['lancome-advanced-genifique', 'estee-lauder-anr'] }],
  ['要两瓶神仙水', { quantity: 2, productIds: ['sk-ii-essence'] }],
  ['用了一个月了还在长痘', { concerns: ['acne'] }],
  ['她50岁了，皮肤有点松', { age: 50 }],
];

const en: Case[] = [
  ['hi, do you have a moisturizer for dry skin under 300 yuan?', { categories: ['face_cream'], skinType: 'dry', budget: { max: 300 }, language: 'en' }],
  ['looking for a face wash for oily skin, around 500 rmb', { categories: ['cleanser'], skinType: 'oily', budget: { min: 400, max: 500 * 1.2 } }],
  ['any lipstick for warm undertones? prefer matte', { categories: ['lipstick'], undertone: 'warm', finish: 'matte' }],
  ['cool-toned skin, want a dewy foundation', { undertone: 'cool', finish: 'dewy', categories: ['foundation'] }],
  ['need a lightweight sunscreen, nothing greasy', { texture: 'light', categories: ['sunscreen'] }],
  ['a rich cream for my mom, she is 60', { texture: 'rich', recipient: 'mother', age: 60 }],
  ['gift for my wife, between 200 and 400', { recipient: 'wife', budget: { min: 200, max: 400 } }],
  ["I'm allergic to fragrance, anything fragrance-free?", { allergies: ['香精'], fragranceFree: true, categories: [] }],
  ['serum with niacinamide but no alcohol please', { ingredientsWanted: ['烟酰胺'], ingredientsAvoided: ['酒精'], categories: ['serum'] }],
  ["I'm pregnant, is retinol safe?", { lifeStage: 'pregnant', ingredientsWanted: [] }],
  ['we are trying to conceive, which serum is ok', { lifeStage: 'trying_to_conceive' }],
  ['still breastfeeding, need a cleanser', { lifeStage: 'breastfeeding', categories: ['cleanser'] }],
  ['is this one good for acne?', { refersToFocus: true, concerns: ['acne'] }],
  ['how do I use it', { refersToFocus: true }],
  ['do you have a moisturzer for sensitive skin', { categories: ['face_cream'], skinType: 'sensitive' }],
  ['sunscren under 200 bucks', { categories: ['sunscreen'], budget: { max: 200 } }],
  ['budget is 1k, want an eye cream', { budget: { max: 1000 }, categories: ['eye_cream'] }],
  ['I want 3 bottles of that', { quantity: 3, refersToFocus: true }],
  ['my gf loves lancome, her birthday is next week', { recipient: 'girlfriend', brandIds: ['lancome'] }],
];

describe('frame: every slot of the message', () => {
  test.each(zh)('zh: %s', (text, expected) => {
    expect(frameOf(text)).toMatchObject(expected);
  });

  test.each(en)('en: %s', (text, expected) => {
    expect(frameOf(text)).toMatchObject(expected);
  });

  test('a plain message carries an empty frame in its own language', () => {
    const frame = frameOf('thanks, bye');
    expect(frame).toMatchObject({ categories: [], concerns: [], brandIds: [], refersToFocus: false, fragranceFree: false, moreIntents: [], language: 'en' });
    expect(frame.budget).toBeUndefined();
    expect(frame.recipient).toBeUndefined();
    expect(frameOf('你好').language).toBe('zh');
  });

  test('an age, a size, an order number or a count is never a budget', () => {
    for (const text of ['她50岁了', '30ml的小样', '订单12345678901234到哪了', '买3瓶', 'SPF50的防晒', '3-5天能到吗', 'she is 45 years old', 'a 50ml bottle']) {
      expect(frameOf(text).budget).toBeUndefined();
    }
  });

  test.each([
    ['where is my order? also can I get an invoice', ['order_status', 'invoice']],
    ['查下订单到哪了？另外能开发票吗', ['order_status', 'invoice']],
    ['帮我查下物流，然后推荐一款保湿面霜', ['order_status', 'recommendation']],
    ['查下我的订单，顺便推荐个面霜', ['order_status', 'recommendation']],
  ])('several requests in one message: %s', (text, intents) => {
    const result = localRecognizer().recognizeSync(text);
    const all = [result.intent, ...result.frame!.moreIntents];
    expect(all).toEqual(expect.arrayContaining(intents));
    expect(result.frame!.moreIntents).not.toContain(result.intent);
  });

  test('a single request has no further intents', () => {
    for (const text of ['我的快递到哪了', 'can I return an opened cream?', '这款有没有小样']) expect(frameOf(text).moreIntents).toEqual([]);
  });

  test('a stretch of time is not a quantity', () => {
    expect(frameOf('用了一个月了还在长痘').quantity).toBeUndefined();
    expect(frameOf('用了3个月没效果').quantity).toBeUndefined();
    expect(frameOf('来三支').quantity).toBe(3);
  });

  test('the order reference comes from the order reader', () => {
    expect(frameOf('最近那一单到哪了').order).toMatchObject({ recency: 'latest' });
    expect(frameOf('推荐一个面霜').order).toBeUndefined();
  });
});

describe('frame with the knowledge base vocabulary', () => {
  let recognizer: LocalRecognizer;
  beforeAll(async () => {
    const { kb } = await demoKnowledgeBase();
    recognizer = new LocalRecognizer({ vocabulary: kb.vocabulary(), cacheDir: TEST_MODEL_CACHE });
  });

  test.each<Case>([
    ['想要控油的洗面奶', { categories: ['洁面'], concerns: ['控油'] }],
    ['口红推荐一下，黄皮', { categories: ['口红'], undertone: 'warm' }],
    ['do you have a moisturiser for oily skin', { categories: ['面霜'], skinType: '油皮' }],
    ['cleanser and face cream', { categories: ['洁面', '面霜'] }],
    ['皮肤比较干，有什么精华', { skinType: '干皮', categories: ['精华'] }],
  ])('%s', (text, expected) => {
    expect(recognizer.recognizeSync(text).frame).toMatchObject(expected);
  });
});
