/**
 * The store's scenarios over the app channel (HTTP, the whole app from buildApp with the real knowledge
 * base and the demo store): 抗老 needs discovery → cards, competitor comparison table, hesitation → offer,
 * coupon claim limits — zh and en — and continuation on another channel for the same customer.
 */
import { ScriptedRecognizer } from '../../helpers/scriptedRecognizer';
import { ADMIN_TOKEN, RunningApp, startTestApp } from '../../helpers/testApp';
import { entity, Script } from '../main/dialogHarness';

type Reply = { text?: string; attachments?: { contentType: string; content: any }[]; suggestedActions?: { actions: { title: string }[] } };

const script: Script = {
  推荐一款抗老精华: { intent: 'recommendation', entities: [entity('concern', '抗老'), entity('category', '精华')] },
  'recommend an anti-ageing serum': { intent: 'recommendation', language: 'en', entities: [entity('concern', 'anti-ageing', '抗老'), entity('category', 'serum', '精华')] },
  初研玻色因和赫莲娜比怎么样: { intent: 'comparison', entities: [entity('product', '初研玻色因', 'sk-0006'), entity('brand', '赫莲娜', 'helena')] },
  'how does the Pure Origin Pro-Xylane serum compare with Helena Rubinstein?': {
    intent: 'comparison',
    language: 'en',
    entities: [entity('product', 'Pure Origin Pro-Xylane serum', 'sk-0006'), entity('brand', 'Helena Rubinstein', 'helena')],
  },
  '有点贵，我再想想': 'other',
  'too expensive, let me think': { intent: 'other', language: 'en' },
  领券: 'promotion',
};

describe('store scenarios on the app channel', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startTestApp({ DEMO_DATA: 'true' }, { recognizer: new ScriptedRecognizer(script) });
  });
  afterAll(() => app.close(1000));

  const send = async (userId: string, text: string): Promise<Reply[]> => {
    const r = await app.post('/api/app/messages', { userId, text });
    expect(r.status).toBe(200);
    return r.json.replies as Reply[];
  };

  it('zh: 抗老 needs discovery → recommendation cards within budget → 有点贵 → a real offer', async () => {
    expect((await send('zh1', '推荐一款抗老精华'))[0].text).toMatch(/肤质/);
    const [ack, budget] = await send('zh1', '混合皮');
    expect(ack.text).toMatch(/混合皮，想要抗老/);
    expect(budget.text).toMatch(/预算/);
    expect((await send('zh1', '500以内'))[0].text).toMatch(/清爽还是滋润/);
    const [rec] = await send('zh1', '清爽');
    const cards = rec.attachments ?? [];
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) {
      expect(card.contentType).toBe('application/vnd.microsoft.card.hero');
      expect(Number(/¥(\d+)/.exec(card.content.subtitle)![1])).toBeLessThanOrEqual(500);
      expect(card.content.text).toMatch(/抗老/);
      expect(card.content.buttons.at(-1).value).toMatch(/^https:\/\/shop\.example\/cart\?add=sk-/);
    }
    const [offer] = await send('zh1', '有点贵，我再想想');
    expect(offer.text).toMatch(/券码 C[0-9A-F]{8}/);
    expect(offer.text).toMatch(/到手价 ¥\d+/);
  });

  it('zh: competitor comparison as a table: 玻色因 3% vs 10%', async () => {
    const [table] = await send('zh2', '初研玻色因和赫莲娜比怎么样');
    expect(table.text).toMatch(/初研.+vs.+赫莲娜/);
    expect(table.text).toMatch(/3%/);
    expect(table.text).toMatch(/10%/);
    expect(table.attachments?.[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
  });

  it('en: the same journey in English', async () => {
    expect((await send('en1', 'recommend an anti-ageing serum'))[0].text).toMatch(/skin type/);
    await send('en1', 'Oily');
    await send('en1', 'no limit');
    const [rec] = await send('en1', 'Light');
    expect(rec.text).toMatch(/here are \d picks/);
    const [table] = await send('en1', 'how does the Pure Origin Pro-Xylane serum compare with Helena Rubinstein?');
    expect(table.attachments?.[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    const [offer] = await send('en1', 'too expensive, let me think');
    expect(offer.text).toMatch(/code C[0-9A-F]{8}/);
  });

  it('coupon claim limit holds across channels after linking', async () => {
    const [first] = await send('cp1', '领券');
    expect(first.text).toMatch(/领取成功/);
    const link = await app.post(
      '/api/admin/customers/link',
      { a: { channelId: 'app', userId: 'cp1' }, b: { channelId: 'emulator', userId: 'cp1-emu' } },
      { authorization: `Bearer ${ADMIN_TOKEN}` },
    );
    expect(link.status).toBe(200);
    expect((await send('cp1', '领券'))[0].text).toMatch(/您已经领过啦/);
  });
});
