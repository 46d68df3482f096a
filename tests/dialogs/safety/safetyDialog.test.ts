/**
 * The safety area in the real dialog pipeline (scripted NLU, demo store): a reaction is answered with advice
 * and after-sales choices before any order lookup; "它" is the product in focus; knowledge-first answers
 * carry the next step as suggested actions.
 */
import { dialogHarness, DialogHarness, entity, suggestions } from '../main/dialogHarness';

let h: DialogHarness;
beforeAll(async () => {
  h = await dialogHarness({
    用了精华脸上起红疹了怎么办: 'quality_issue',
    神仙水多少钱: { intent: 'product_info', entities: [entity('product', '神仙水', 'sk-0002')] },
    它孕妇能用吗: 'product_info',
    'my face got itchy after the cream': { intent: 'quality_issue', language: 'en' },
    今天下单什么时候发货: { intent: 'order_status', confidence: 0.98 },
    我的快递到哪了: 'order_status',
  });
});

test('a reaction: advice first, then choices that lead to after-sales (zh)', async () => {
  const [reply] = await h.send('r1', '用了精华脸上起红疹了怎么办');
  expect(reply!.text).toMatch(/停用[\s\S]*清水[\s\S]*就医/);
  expect(reply!.text).not.toMatch(/没有订单/);
  expect(suggestions(reply)).toContain('申请售后');
});

test('a reaction in English stays in English', async () => {
  const [reply] = await h.send('r2', 'my face got itchy after the cream');
  expect(reply!.text).toMatch(/Stop using/);
  expect(reply!.text).not.toMatch(/\p{Script=Han}/u);
  expect(suggestions(reply)).toEqual(['Return an item', 'Agent']);
});

test('"它" in a pregnancy question is the product in focus', async () => {
  await h.send('r3', '神仙水多少钱');
  const [reply] = await h.send('r3', '它孕妇能用吗');
  expect(reply!.text).toContain('SK-II 护肤精华露');
  expect(reply!.text).toMatch(/医生/);
  expect(reply!.text).not.toMatch(/适合孕|放心/);
});

test('knowledge first: a general shipping question beats the order flow and offers the next step; a personal one does not', async () => {
  const [general] = await h.send('r4', '今天下单什么时候发货');
  expect(general!.text).toContain('16:00');
  expect(suggestions(general)).toContain('查询订单物流');
  const personal = await h.texts('r4', '我的快递到哪了');
  expect(personal.join('\n')).not.toContain('16:00');
});
