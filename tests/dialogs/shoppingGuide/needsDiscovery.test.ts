/** Needs discovery → recommendation cards, in zh and en; known answers skipped; bad answers re-asked; cross-channel. */
import { allText, dialogHarness, DialogHarness, entity, Script, suggestions } from '../main/dialogHarness';

const script: Script = {
  推荐: 'recommendation',
  有什么推荐: 'recommendation',
  '推荐一款适合干皮的抗老面霜': { intent: 'recommendation', entities: [entity('category', '面霜')] },
  'recommend something for me': 'recommendation',
  // the NLU may resolve a category to its own id: the catalogue's category is found through the vocabulary
  'any good serum for oily skin?': { intent: 'recommendation', language: 'en', entities: [entity('category', 'serum', 'serum'), entity('skin_type', 'oily skin', 'oily')] },
};

describe('needs discovery', () => {
  let h: DialogHarness;
  beforeEach(async () => {
    h = await dialogHarness(script);
  });

  it('zh: asks skin type, the anti-ageing question, budget and texture, then shows product cards', async () => {
    const [skin] = await h.send('mei', '推荐');
    expect(skin.text).toMatch(/肤质/);
    expect(suggestions(skin)).toEqual(expect.arrayContaining(['干皮', '油皮']));

    const [concern] = await h.send('mei', '干皮');
    expect(concern.text).toContain('您最近是否关注抗老产品？');

    const [ack, budget] = await h.send('mei', '是的');
    expect(ack.text).toMatch(/干皮，想要抗老/);
    expect(budget.text).toMatch(/预算/);

    const [texture] = await h.send('mei', '700以内');
    expect(texture.text).toMatch(/清爽还是滋润/);

    const [rec] = await h.send('mei', '滋润');
    expect(rec.text).toMatch(/根据您的情况，为您挑了 3 款/);
    const cards = (rec.attachments ?? []).map((a) => ({ type: a.contentType, ...(a.content as { title: string; subtitle: string; text: string; buttons: { value: string }[] }) }));
    expect(cards).toHaveLength(3);
    for (const card of cards) {
      expect(card.type).toBe('application/vnd.microsoft.card.hero');
      expect(Number(/^¥(\d+)/.exec(card.subtitle)![1])).toBeLessThanOrEqual(700); // the price, within budget
      expect(card.text).toMatch(/^抗老/); // the claim that matters to her first
      expect(card.text).toMatch(/推荐理由：适合干皮 · 抗老( · 滋润质地)? · ¥700以内/); // why it fits her, in a few words
      expect(card.text).not.toMatch(/预算/); // "budget" is not asked again
      expect(card.buttons[0].value).toMatch(/^了解一下/); // a click brings the product into focus
      expect(card.buttons.at(-1)!.value).toMatch(/^https:\/\/shop\.example\/cart\?add=sk-\d+$/);
    }
    // the text fallback lists the same products
    for (const card of cards) expect(rec.text).toContain(card.title);

    const profile = await h.profileOf('mei');
    expect(profile).toMatchObject({ skinType: '干皮', concerns: ['抗老'], budgetMax: 700, texture: '滋润' });
  });

  it('en: the same flow in English', async () => {
    expect((await h.texts('tom', 'recommend something for me'))[0]).toMatch(/skin type/);
    expect((await h.texts('tom', 'Dry'))[0]).toMatch(/anti-ageing/);
    const [ack, budget] = await h.texts('tom', 'yes');
    expect(ack).toMatch(/dry skin, focus on anti-ageing/);
    expect(budget).toMatch(/budget/);
    expect((await h.texts('tom', 'no limit'))[0]).toMatch(/light or a rich/);
    const [rec] = await h.send('tom', 'Either');
    expect(rec.text).toMatch(/here are 3 picks/);
    expect(allText(rec)).toMatch(/Why: for dry skin · anti-ageing/);
    expect(allText(rec)).not.toMatch(/budget/i);
    expect(allText(rec)).toMatch(/Add to cart/);
  });

  it('a request that says it all gets cards at once, and the profile is remembered later', async () => {
    const [rec] = await h.send('kai', '推荐一款适合干皮的抗老面霜');
    expect(rec.text).toMatch(/为您挑了 \d 款/);
    expect(rec.text).not.toMatch(/肤质|预算|是否关注/);
    // the category named in the request narrows the picks to creams
    const titles = (rec.attachments ?? []).map((a) => (a.content as { title: string }).title);
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles) expect(title).toMatch(/霜/);
    // asked again later: nothing is asked, the cards come straight away
    const again = await h.send('kai', '有什么推荐');
    expect(again[0].text).toMatch(/已了解您的情况：干皮，想要抗老/);
    expect(again[1].attachments?.length).toBeGreaterThan(0);
  });

  it('maps the NLU category id to the catalogue category', async () => {
    const [rec] = await h.send('sam', 'any good serum for oily skin?');
    const cards = (rec.attachments ?? []).map((a) => a.content as { title: string; text: string });
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) expect(card.title).toMatch(/serum|essence/i);
    for (const card of cards) expect(card.text).toMatch(/for oily skin/);
  });

  it('"不知道" / "都可以" at a question means no preference and moves on', async () => {
    await h.texts('zoe', '推荐');
    expect((await h.texts('zoe', '不知道'))[0]).toContain('您最近是否关注抗老产品？');
    const [ack, budget] = await h.texts('zoe', '保湿');
    expect(ack).toBe('好的，记下啦：想要保湿。');
    expect(budget).toMatch(/预算/);
    expect((await h.texts('zoe', '随便'))[0]).toMatch(/清爽还是滋润/);
    const [rec] = await h.send('zoe', '都可以');
    expect(rec.attachments?.length).toBeGreaterThan(0);
    expect((await h.profileOf('zoe')).skinType).toBeUndefined();
  });

  it('re-asks a bad answer with an example, and offers a human after the third', async () => {
    await h.texts('lee', '推荐');
    expect((await h.texts('lee', '紫色'))[0]).toMatch(/例如「油皮」/);
    expect((await h.texts('lee', '蓝色'))[0]).toMatch(/例如「油皮」/);
    const [offer] = await h.texts('lee', '绿色');
    expect(offer).toMatch(/需要为您转接人工客服吗/);
    expect(await h.texts('lee', '好的，转人工')).toEqual(['[handoff:requested]']);
  });

  it('a yes to the offer of a human hands off with the reason "repeated_failures"', async () => {
    await h.texts('ann', '推荐');
    for (const bad of ['a', 'b', 'c']) await h.texts('ann', bad);
    expect(await h.texts('ann', '是的')).toEqual(['[handoff:repeated_failures]']);
  });

  it('continues on another channel for the same customer after linking', async () => {
    expect((await h.texts('lin', '推荐', 'app'))[0]).toMatch(/肤质/);
    await h.directory.link({ channelId: 'app', userId: 'lin' }, { channelId: 'wechat', userId: 'lin-wx' });
    expect((await h.texts('lin-wx', '油皮', 'wechat'))[0]).toContain('您最近是否关注抗老产品？');
    expect((await h.texts('lin', '保湿', 'app'))[0]).toMatch(/油皮，想要保湿/);
  });
});
