/** MainDialog: routing, interruptions anywhere (cancel, help, human, anger, new questions mid-flow), out-of-scope handling. */
import { dialogHarness, DialogHarness, entity, Script, suggestions } from './dialogHarness';

const angry = { intent: 'complaint', sentiment: { label: 'negative', score: 0.95, anger: 0.9 } } as const;
const script: Script = {
  推荐: 'recommendation',
  recommend: 'recommendation',
  你好: 'greeting',
  hello: 'greeting',
  谢谢: 'thanks_bye',
  '你们几天发货？': 'shipping_info',
  'when do you ship?': 'shipping_info',
  '小棕瓶多少钱？': { intent: 'product_info', entities: [entity('product', '小棕瓶', 'sk-0001')] },
  '有什么优惠活动吗？': 'promotion',
  // as unsure as the real NLU was about it: a question still counts as a new request
  '小棕瓶和赫莲娜比怎么样？': { intent: 'comparison', confidence: 0.58, entities: [entity('product', '小棕瓶', 'sk-0001'), entity('brand', '赫莲娜', 'helena')] },
  还行吧: { intent: 'comparison', confidence: 0.58 },
  '什么破服务，气死我了！': angry,
  'this is ridiculous, worst service ever': { ...angry, language: 'en' },
  '我想找人工': 'human_agent',
  '油皮': { intent: 'product_info', confidence: 0.9 },
  // what the real NLU made of a bare "yes" in one run
  是的: { intent: 'product_info', confidence: 0.84 },
  'can you answer in English?': { intent: 'human_agent', confidence: 0.4, language: 'en' },
  说中文吧: { intent: 'other', confidence: 0.3 },
  '谢谢 拜拜': 'thanks_bye',
  '你们几天发货？顺便推荐个面霜': { intent: 'recommendation', confidence: 0.6 },
  '推荐个面霜': 'recommendation',
  '我的快递怎么还没到': { intent: 'order_status', sentiment: { label: 'negative', score: 0.6, anger: 0.2 } },
  '还没到吗，都好几天了': { intent: 'order_status', sentiment: { label: 'negative', score: 0.6, anger: 0.2 } },
  '我都问了三遍了': { intent: 'complaint', sentiment: { label: 'neutral', score: 0.5, anger: 0.1 } },
  '???': { intent: 'other', language: 'zh' },
  啊啊啊: 'other',
  嗯嗯嗯: 'other',
  哦哦哦: 'other',
};

describe('MainDialog', () => {
  let h: DialogHarness;
  beforeEach(async () => {
    h = await dialogHarness(script);
  });

  it('greets and says goodbye in the customer language', async () => {
    expect((await h.texts('a', '你好'))[0]).toMatch(/您好/);
    expect((await h.texts('b', 'hello'))[0]).toMatch(/Hello/);
    expect((await h.texts('a', '谢谢'))[0]).toMatch(/不客气/);
  });

  it('answers FAQ-type intents from the knowledge base', async () => {
    // the answer, then the next step (knowledgeAnswers.ts)
    expect(await h.texts('a', '你们几天发货？')).toEqual([expect.stringMatching(/^工作日16:00前付款的订单当天发货，之后付款的次日发货；大促期间72小时内发货。/)]);
    expect((await h.texts('b', 'when do you ship?'))[0]).toMatch(/^Orders paid before 16:00 on a working day ship the same day/);
  });

  it('cancel ends a flow anywhere', async () => {
    await h.texts('c', '推荐');
    expect(await h.texts('c', '取消')).toEqual(['好的，已取消。还有什么可以帮您？']);
    expect((await h.texts('c', '你好'))[0]).toMatch(/您好/);
  });

  it('help mid-flow explains, then asks the waiting question again', async () => {
    await h.texts('d', '推荐');
    const [help, again] = await h.send('d', '帮助');
    expect(help.text).toMatch(/我可以帮您/);
    expect(suggestions(help)).toContain('转人工');
    expect(again.text).toMatch(/肤质/);
  });

  it('a question mid-flow is answered, then the flow resumes by asking again', async () => {
    await h.texts('e', '推荐');
    expect(await h.texts('e', '你们几天发货？')).toEqual([expect.stringMatching(/当天发货/), '亲，您是什么肤质呢？']);
    const [answer, again] = await h.send('e', '小棕瓶多少钱？');
    expect(answer.text).toBe('「雅诗兰黛特润修护肌活精华露 50ml」售价¥1020。');
    expect(again.text).toMatch(/肤质/);
    // a new request of another area runs, and the waiting question comes back after it
    const promo = await h.texts('e', '有什么优惠活动吗？');
    expect(promo[0]).toMatch(/当前进行中的活动/);
    expect(promo[1]).toMatch(/肤质/);
    // the flow is intact: the answer to the pending question is taken
    expect((await h.texts('e', '干皮'))[0]).toContain('您最近是否关注抗老产品？');
  });

  it('an unsure NLU switches for a question, not for a statement', async () => {
    await h.texts('e2', '推荐');
    const [table, again] = await h.send('e2', '小棕瓶和赫莲娜比怎么样？');
    expect(table.attachments?.[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    // 小棕瓶 lists no 赫莲娜 comparable: the named brand's serum is used, not another brand's
    expect(table.text).toMatch(/^【雅诗兰黛.+】vs【赫莲娜.+精华/);
    expect(again.text).toMatch(/肤质/);
    expect(await h.texts('e2', '还行吧')).toEqual(['请选一个肤质，例如「油皮」～']);
  });

  it('an answer that names a choice is an answer, even when the NLU calls it a question type', async () => {
    await h.texts('f', '推荐');
    expect((await h.texts('f', '油皮'))[0]).toContain('您最近是否关注抗老产品？');
  });

  it('a bare yes answers the waiting question, whatever the NLU calls it', async () => {
    await h.texts('f2', '推荐');
    await h.texts('f2', '干皮');
    expect((await h.texts('f2', '是的'))[0]).toMatch(/干皮，想要抗老/);
  });

  it('an angry customer gets an apology and a human, mid-flow or not', async () => {
    expect(await h.texts('g', '什么破服务，气死我了！')).toEqual(['非常抱歉给您带来了不好的体验！我马上为您转接人工客服，请稍候。', '[handoff:angry]']);
    await h.texts('g2', 'recommend');
    const en = await h.texts('g2', 'this is ridiculous, worst service ever');
    expect(en[0]).toMatch(/truly sorry/);
    expect(en[1]).toBe('[handoff:angry]');
    // the flow was dropped: a later answer starts fresh
    expect((await h.texts('g2', 'hello'))[0]).toMatch(/Hello/);
  });

  it('转人工 / asking for a human works anywhere', async () => {
    await h.texts('h', '推荐');
    expect(await h.texts('h', '转人工')).toEqual(['[handoff:requested]']);
    expect(await h.texts('h2', '我想找人工')).toEqual(['[handoff:requested]']);
    expect(h.handoff.reasons).toEqual(['requested', 'requested']);
  });

  it('out of scope: a clarifying question with choices; the third miss offers a human', async () => {
    const [first] = await h.send('i', '啊啊啊');
    expect(first.text).toMatch(/没太明白/);
    expect(suggestions(first)).toEqual(expect.arrayContaining(['推荐护肤品', '查询订单物流']));
    await h.texts('i', '嗯嗯嗯');
    expect(await h.texts('i', '哦哦哦')).toEqual(['抱歉，我好像一直没能理解您的意思。需要为您转接人工客服吗？']);
    expect(await h.texts('i', '不用了')).toEqual(['好的～您可以换个说法再问我，或者点下方的选项。']);
    // the counter starts over
    expect((await h.texts('i', '啊啊啊'))[0]).toMatch(/没太明白/);
  });

  it('a language switch mid-flow is kept in the profile and the waiting question comes again in the new language', async () => {
    await h.texts('l', '推荐');
    expect(await h.texts('l', 'can you answer in English?')).toEqual(['Sure, I will continue in English.', 'What is your skin type?']);
    expect((await h.profileOf('l')).language).toBe('en');
    // and back
    expect(await h.texts('l', '说中文吧')).toEqual(['好的，接下来用中文为您服务～', '亲，您是什么肤质呢？']);
    expect((await h.texts('l', '干皮'))[0]).toContain('抗老');
  });

  it('thanks and goodbye mid-flow end it politely; the next message starts fresh', async () => {
    await h.texts('t', '推荐');
    expect(await h.texts('t', '谢谢 拜拜')).toEqual(['不客气，祝您生活愉快～']);
    expect((await h.texts('t', '你好'))[0]).toMatch(/您好/);
  });

  it('several requests in one message: the first, then the second', async () => {
    const replies = await h.texts('s', '你们几天发货？顺便推荐个面霜');
    expect(replies[0]).toMatch(/当天发货/);
    expect(replies.slice(1).join('\n')).toMatch(/另一件事[\s\S]*肤质/);
  });

  it('anger that builds up over turns goes to a human, with an apology', async () => {
    await h.texts('w', '我的快递怎么还没到');
    await h.texts('w', '还没到吗，都好几天了');
    expect(await h.texts('w', '我都问了三遍了')).toEqual(['非常抱歉给您带来了不好的体验！我马上为您转接人工客服，请稍候。', '[handoff:angry]']);
  });

  it('the third miss offers a human in the language the customer last wrote in, even when the message has no words', async () => {
    await h.texts('x', 'hello');
    await h.texts('x', '???');
    await h.texts('x', '???');
    expect(await h.texts('x', '???')).toEqual(['Sorry, I keep missing what you mean. Shall I connect you to a human agent?']);
  });
});
