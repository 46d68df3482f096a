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
      expect(card.text).toMatch(/推荐理由：适合干皮，主打抗老.*在您的预算 ¥700 内/); // why it fits her
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
    expect(allText(rec)).toMatch(/Why: suits dry skin, targets anti-ageing/);
    expect(allText(rec)).toMatch(/Add to cart/);
  });

  it('skips what the request and the profile already say', async () => {
    const [ack, budget] = await h.texts('kai', '推荐一款适合干皮的抗老面霜');
    expect(ack).toMatch(/干皮，想要抗老/);
    expect(budget).toMatch(/预算/);
    await h.texts('kai', '不限');
    const [rec] = await h.send('kai', '都可以');
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
    const [concern] = await h.texts('sam', 'any good serum for oily skin?');
    expect(concern).toMatch(/anti-ageing/);
    for (const answer of ['Hydration', 'no limit']) await h.texts('sam', answer);
    const [rec] = await h.send('sam', 'Light');
    const cards = (rec.attachments ?? []).map((a) => a.content as { title: string });
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) expect(card.title).toMatch(/serum|essence/i);
  });

  it('re-asks a bad answer with an example, and offers a human after the third', async () => {
    await h.texts('lee', '推荐');
    expect((await h.texts('lee', '紫色'))[0]).toMatch(/例如「油皮」/);
    expect((await h.texts('lee', '不知道'))[0]).toMatch(/例如「油皮」/);
    const [offer] = await h.texts('lee', '随便吧');
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
