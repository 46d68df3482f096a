/** Knowledge first: general policy questions vs personal requests, FAQ recall for colloquial phrasing, and the decision. */
import { hasPersonalReference, isGeneralPolicyQuestion } from '../../knowledge/answers/policyQuestion';
import { preferKnowledge } from '../../dialogs/main/knowledgeAnswers';
import { demoKnowledgeBase } from './demoKb';
import type { KnowledgeService } from '../../knowledge';

let kb: KnowledgeService;
beforeAll(async () => {
  ({ kb } = await demoKnowledgeBase());
});

describe('general policy question or personal request', () => {
  test.each(['下单以后多久能发出来？', '开过封的口红能退吗', 'do you ship to Canada?', 'if I order today when does it ship', '如果今天下单的话什么时候发'])('%s is general', (t) => {
    expect(isGeneralPolicyQuestion(t)).toBe(true);
  });
  test.each(['我的包裹怎么还没到', '我上周买的面霜什么时候发货', '帮我查一下物流', 'where is my parcel?', 'I want to return the cream', '订单9000000000000101能退吗', '我要退货'])('%s is personal or no question', (t) => {
    expect(isGeneralPolicyQuestion(t)).toBe(false);
  });
  test('an order number beats a hypothetical', () => {
    expect(hasPersonalReference('如果订单9000000000000101退了多久到账')).toBe(true);
  });
});

describe('FAQ retrieval for colloquial phrasing', () => {
  test.each([
    ['卖的东西会不会是假的', 'faq-015-zh'],
    ['能不能寄去美国', 'faq-006-zh'],
    ['试用了一下不喜欢还能退货吗', 'faq-008-zh'],
    ['do you sell knockoffs?', 'faq-015-en'],
    ['can you ship it abroad', 'faq-006-en'],
    ['how do I collect reward points', 'faq-019-en'],
  ])('%s → %s', async (question, id) => {
    const a = await kb.ask(question, { faqOnly: true });
    expect(a.sources).toEqual([id]);
    expect(a.confidence).toBeGreaterThanOrEqual(0.45);
    expect(a.topic).toBeDefined();
  });
});

describe('preferKnowledge: retrieval weighed against the classifier', () => {
  const nlu = (intent: any, confidence: number, alternatives: any[] = []) => ({ intent, confidence, alternatives });
  test('a good FAQ hit beats an agreeing flow intent', () => {
    expect(preferKnowledge(nlu('order_status', 0.98), { confidence: 0.9, topic: 'shipping' })).toBe(true);
    expect(preferKnowledge(nlu('promotion', 0.8), { confidence: 0.6, topic: 'membership' })).toBe(true);
  });
  test('a confident unrelated flow intent needs a much better hit', () => {
    expect(preferKnowledge(nlu('place_order', 0.95), { confidence: 0.6, topic: 'packaging' })).toBe(true);
    expect(preferKnowledge(nlu('order_change', 0.39), { confidence: 0.56, topic: 'shipping' })).toBe(true);
    expect(preferKnowledge(nlu('recommendation', 0.95), { confidence: 0.7, topic: 'membership' })).toBe(false);
    expect(preferKnowledge(nlu('recommendation', 0.95), { confidence: 0.9, topic: 'membership' })).toBe(true);
  });
  test('an alternative intent that agrees lowers the bar; weak retrieval never answers', () => {
    const second = nlu('payment', 0.9, [{ intent: 'quality_issue', confidence: 0.2 }]);
    expect(preferKnowledge(second, { confidence: 0.48, topic: 'authenticity' })).toBe(true);
    expect(preferKnowledge(nlu('payment', 0.9), { confidence: 0.48, topic: 'authenticity' })).toBe(false);
    expect(preferKnowledge(nlu('shipping_info', 1), { confidence: 0.35, topic: 'shipping' })).toBe(false);
  });
  test('product-data questions stay with the product dialog', () => {
    expect(preferKnowledge(nlu('product_info', 0.9), { confidence: 0.9, topic: 'product' })).toBe(false);
  });
});
