/** Replies rendered for the ear: what a caller would hear for the bot's real reply shapes. */
import type { Activity } from 'botbuilder';
import { earSentences, speakNumbers } from '../../../adapters/voice/earText';
import { render } from '../../../adapters/voice/render';

const hero = (title: string, subtitle: string, button?: string) => ({
  contentType: 'application/vnd.microsoft.card.hero',
  content: {
    title,
    subtitle,
    text: '保湿 · 胜肽',
    images: [{ url: '/images/products/x.svg' }],
    buttons: [...(button ? [{ type: 'imBack', title: button, value: button }] : []), { type: 'openUrl', title: '加入购物车', value: 'https://shop.example/cart?add=x' }],
  },
});
const message = (text: string, extra: Partial<Activity> = {}): Partial<Activity> => ({ type: 'message', text, ...extra });
const choices = (...values: string[]) => ({ actions: values.map((v) => ({ type: 'imBack', title: v, value: v })), to: [] });

describe('earSentences', () => {
  it('says prices as yuan and drops emoji, markdown, links and the tilde', () => {
    expect(earSentences('**限时**优惠 ¥299 🎉 详情见 https://shop.example/x 哦～', 'zh').join('')).toBe('限时优惠 299元 详情见 哦。');
    expect(earSentences('It is ¥1020 per bottle 😊', 'en')).toEqual(['It is 1020 yuan per bottle.']);
  });

  it('reads order and tracking numbers one character at a time, in groups of four', () => {
    const [sentence] = earSentences('订单 1688000000000103：已发货。', 'zh');
    expect(sentence).toBe('订单 1 6 8 8、0 0 0 0、0 0 0 0、0 1 0 3：已发货。');
    expect(speakNumbers('tracking SF1460012345678', 'en')).toBe('tracking S F 1 4, 6 0 0 1, 2 3 4 5, 6 7 8');
  });

  it('keeps short numbers, reads ranges, units and dates as words', () => {
    expect(speakNumbers('300-600元，50ml，11/30 14:32', 'zh')).toBe('300到600元，50毫升，11月30日 14点32分');
    expect(speakNumbers('¥300-600, 50ml', 'en')).toBe('300 to 600 yuan, 50 milliliters');
  });

  it('cuts long sentences at commas and drops lines meant for a screen', () => {
    const long = '这款精华适合干皮和混合皮，质地清爽好吸收，早晚都可以用，敏感肌建议先在耳后试用，孕期请咨询医生后再用。';
    const pieces = earSentences(`${long}\n点「了解这款」或发商品名，我再详细介绍～`, 'zh');
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.every((p) => p.length <= 41)).toBe(true);
    expect(pieces.join('')).not.toMatch(/了解这款/);
  });
});

describe('render', () => {
  it('a question with six choices: the first three read with their keys, the rest left to speech', () => {
    const spoken = render([message('亲，您是什么肤质呢？', { suggestedActions: choices('干皮', '油皮', '混合皮', '敏感肌', '中性皮', '不确定') })], 'zh');
    expect(spoken.lines.map((l) => l.text)).toEqual(['亲，您是什么肤质呢？', '按1，干皮；按2，油皮；按3，混合皮。其他的请直接说。']);
    expect(spoken.choices).toEqual(['干皮', '油皮', '混合皮']);
    expect(spoken.lang).toBe('zh');
  });

  it('recommendation cards: one sentence each (name and price), not read twice, their buttons as choices', () => {
    const text = '为您挑了 2 款：\n1. 自然堂雪域精粹纯粹滋润霜 50g ¥150 — 保湿\n2. 玉兰油新生塑颜金纯面霜 50g ¥299 — 保湿\n点「了解这款」或发商品名，我再详细介绍～';
    const spoken = render(
      [message(text, { attachments: [hero('自然堂雪域精粹纯粹滋润霜 50g', '¥150 / 50g', '了解一下雪域霜'), hero('玉兰油新生塑颜金纯面霜 50g', '¥299 / 50g', '了解一下大红瓶')] })],
      'zh',
    );
    expect(spoken.lines).toEqual([
      { kind: 'text', text: '为您挑了 2 款。', lang: 'zh' },
      { kind: 'card', text: '自然堂雪域精粹纯粹滋润霜 50克，150元。', lang: 'zh' },
      { kind: 'card', text: '玉兰油新生塑颜金纯面霜 50克，299元。', lang: 'zh' },
      { kind: 'choices', text: '按1，了解一下雪域霜；按2，了解一下大红瓶。', lang: 'zh' },
    ]);
    expect(spoken.choices).toEqual(['了解一下雪域霜', '了解一下大红瓶']);
  });

  it('an order card whose number the text already says is not read again', () => {
    const order = { contentType: 'application/vnd.microsoft.card.hero', content: { title: '订单 1688000000000103', subtitle: '已发货', text: '11/30 14:32 派送中' } };
    const spoken = render([message('订单 1688000000000103（精华露 50ml，¥1020）：已发货。', { attachments: [order], suggestedActions: choices('转人工') })], 'zh');
    expect(spoken.lines.filter((l) => l.kind === 'card')).toEqual([]);
    expect(spoken.lines[0].text).toBe('订单 1 6 8 8、0 0 0 0、0 0 0 0、0 1 0 3。精华露 50毫升，1020元：已发货。');
  });

  it('English replies in English, product names and prices included', () => {
    const spoken = render(
      [message('Yes. Estée Lauder Advanced Night Repair Serum 50ml is listed as suitable for all skin types.', { attachments: [hero('Estée Lauder Advanced Night Repair Serum 50ml', '¥1020 / 50ml')] })],
      'zh',
    );
    expect(spoken.lang).toBe('en');
    expect(spoken.lines.map((l) => [l.kind, l.lang, l.text])).toEqual([
      ['text', 'en', 'Yes. Estée Lauder Advanced Night Repair Serum 50 milliliters is listed as suitable for all skin types.'],
      ['card', 'en', 'Estée Lauder Advanced Night Repair Serum 50 milliliters, 1020 yuan.'],
    ]);
  });

  it('English choices read as "press N for …"', () => {
    const spoken = render([message('What is your skin type?', { suggestedActions: choices('Dry', 'Oily') })], 'en');
    expect(spoken.lines[1].text).toBe('Press 1 for Dry; press 2 for Oily.');
  });
});
