/**
 * One adapter contract, run against every channel of the real app (as botbuilder-js runs one storage
 * suite against every storage): text in → a reply out, in the customer's language; content the channel
 * cannot pass on → a polite acknowledgement, never an error; product cards → that channel's rendering;
 * a proactive message reaches the customer where the channel has a way to send one.
 * Only what the customer sees is asserted.
 */
import { ALL_CHANNELS, ChannelRig, proactiveSkipReason, startChannelRig } from './channelRig';
import { Card, ChannelName, joinedText, Reply } from './channelDriver';

/** How each channel shows a product card. */
const CARD_RENDERING: Record<ChannelName, Card['kind'][]> = {
  app: ['hero'],
  emulator: ['hero'],
  webchat: ['hero'],
  wechat: ['news', 'other'], // news (图文) when the card has a link or picture, else text
  telegram: ['photo', 'link'], // sendPhoto with a caption, or text with a URL button
  live: ['link'], // a direct message's text lines plus the card's add-to-cart link
  miniprogram: ['page', 'link'], // miniprogrampage opening the product's page, else a link card
  voice: ['spoken'], // one sentence per product: its name and price in yuan
};

const CJK = /[\u4e00-\u9fff]/;
const NOT_AN_ERROR = /error|exception|stack|undefined|\[object|错误/i;

let rig: ChannelRig;
beforeAll(async () => {
  rig = await startChannelRig();
}, 60_000);
afterAll(() => rig.close());

const cardsOf = (replies: Reply[]) => replies.flatMap((r) => r.cards ?? []);

describe.each(ALL_CHANNELS)('channel contract: %s', (name) => {
  const driver = () => rig.drivers[name];
  const user = (what: string) => `contract-${name}-${what}`;

  it('zh: text in → a Chinese reply out', async () => {
    const replies = await driver().say(user('zh'), '你好');
    expect(replies.length).toBeGreaterThan(0);
    expect(joinedText(replies)).toMatch(/您好/);
    expect(replies.every((r) => r.text.trim() !== '')).toBe(true);
  });

  it('en: text in → an English reply out', async () => {
    const replies = await driver().say(user('en'), 'hello');
    expect(joinedText(replies)).toMatch(/Hello/);
    expect(joinedText(replies)).not.toMatch(CJK);
  });

  it('zh: a question with options → the options shown (buttons or a numbered list)', async () => {
    const replies = await driver().say(user('choices-zh'), '推荐一款保湿面霜');
    expect(joinedText(replies)).toMatch(/肤质/);
    expect(replies.flatMap((r) => r.choices ?? [])).toEqual(expect.arrayContaining(['干皮', '油皮']));
  });

  it('en: a question with options → the options shown (buttons or a numbered list)', async () => {
    const replies = await driver().say(user('choices-en'), 'can you recommend an anti-aging cream');
    expect(joinedText(replies)).toMatch(/skin type/);
    expect(replies.flatMap((r) => r.choices ?? []).length).toBeGreaterThan(1);
  });

  it('an unsupported payload (video, sticker) → a polite acknowledgement, never an error', async () => {
    const replies = await driver().sendUnsupported(user('unsupported'));
    expect(replies.length).toBeGreaterThan(0);
    const text = joinedText(replies);
    expect(text.trim()).not.toBe('');
    expect(text).toMatch(/亲|抱歉|Sorry/);
    expect(text).not.toMatch(NOT_AN_ERROR);
  });

  it('zh: a recommendation → product cards in the channel’s rendering', async () => {
    const d = driver();
    const u = user('cards-zh');
    await d.say(u, '推荐一款保湿面霜');
    await d.say(u, '干皮');
    await d.say(u, '300以内');
    const replies = await d.say(u, '滋润');
    expect(joinedText(replies)).toMatch(/为您挑了 \d 款/);
    const cards = cardsOf(replies);
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) expect(CARD_RENDERING[name]).toContain(card.kind);
  });

  it('en: a product question → the product’s card in the channel’s rendering', async () => {
    const replies = await driver().say(user('cards-en'), 'is the Advanced Night Repair serum good for sensitive skin?');
    expect(joinedText(replies)).toMatch(/Advanced Night Repair/);
    expect(joinedText(replies)).not.toMatch(CJK);
    const cards = cardsOf(replies);
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) expect(CARD_RENDERING[name]).toContain(card.kind);
  });

  describe('proactive send', () => {
    // decided when the suite is defined: each driver says whether its channel has a proactive path
    const reason = proactiveSkipReason(name);
    if (reason) {
      it.skip(`no proactive path on this channel: ${reason}`, () => undefined);
      return;
    }
    it.each([
      ['zh', '亲，您关注的精华到货啦～'],
      ['en', 'The serum you asked about is back in stock.'],
    ])('%s: a message reaches a customer who wrote before', async (lang, text) => {
      const d = driver();
      const u = user(`proactive-${lang}`);
      await d.say(u, lang === 'zh' ? '你好' : 'hello');
      if (typeof d.proactive === 'string') throw new Error(d.proactive);
      const replies = await d.proactive(u, text);
      expect(joinedText(replies)).toBe(text);
    });
  });
});
