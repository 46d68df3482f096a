/**
 * The store's shopping scenarios with the real local NLU (no scripted recognizer), the real knowledge base
 * and the demo store, over the app channel — what a customer typing freely gets. The journeys checked by
 * their text alone are tables in tests/transcripts/tables/freeTextShopping.ts.
 */
import { RunningApp, startTestApp } from '../../helpers/testApp';

type Reply = { text?: string; attachments?: { contentType: string; content: any }[] };

describe('shopping guide with the real NLU', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startTestApp({ DEMO_DATA: 'true' });
  }, 120_000);
  afterAll(() => app.close(1000));

  const send = async (userId: string, text: string): Promise<Reply[]> => {
    const r = await app.post('/api/app/messages', { userId, text });
    expect(r.status).toBe(200);
    return r.json.replies as Reply[];
  };
  const texts = async (userId: string, text: string) => (await send(userId, text)).map((r) => r.text ?? '').join('\n');

  it('zh: 抗老 discovery → cards → product question → competitor table → 有点贵 → offer → gift → cart', async () => {
    expect(await texts('r1', '推荐一款抗老精华')).toMatch(/肤质/);
    expect(await texts('r1', '混合皮')).toMatch(/混合皮，想要抗老[\s\S]*预算/);
    expect(await texts('r1', '500以内')).toMatch(/清爽还是滋润/);
    const [rec] = await send('r1', '清爽');
    expect(rec.attachments?.length).toBeGreaterThan(0);
    // "这款" after several cards is not silently the first: it asks which, and the answer is kept in focus
    expect(await texts('r1', '这款适合敏感肌吗？')).toMatch(/哪一款/);
    expect(await texts('r1', '1')).toMatch(/敏感肌/);
    const [table] = await send('r1', '跟赫莲娜比怎么样');
    expect(table.attachments?.[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(table.text).toMatch(/赫莲娜/);
    expect(await texts('r1', '有点贵，我再想想')).toMatch(/券码 C[0-9A-F]{8}/);
    expect(await texts('r1', '领取赠品')).toMatch(/已为您锁定/);
    expect(await texts('r1', '我要买这个')).toMatch(/https:\/\/shop\.example\/cart\?add=sk-/);
  });
});
