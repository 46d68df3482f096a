/**
 * The conversation log: every customer message and bot reply, on every channel, in one time line per
 * customer (what agents read as the history); the text is encrypted in the store; it follows the
 * customer into privacy export and erase.
 */
import { EmbeddedStore } from '../../../storage';
import { ADMIN_TOKEN, RunningApp, startTestApp } from '../../helpers/testApp';

describe('conversation log', () => {
  let app: RunningApp;
  const raw = new EmbeddedStore(null);
  beforeAll(async () => {
    app = await startTestApp({}, { store: raw });
  }, 60_000);
  afterAll(() => app.close(1000));

  it('keeps both sides of the conversation in order, with the channel and the customer language', async () => {
    const hello = await app.say('log-a', '你好');
    const guide = await app.say('log-a', 'where is my order?');
    const customerId = (await app.directory.find({ channelId: 'app', userId: 'log-a' }))!;
    const history = await app.conversationLog.history(customerId, { limit: 50 });
    expect(history.map((e) => [e.from, e.text])).toEqual([
      ['customer', '你好'],
      ...hello.map((t) => ['bot', t]),
      ['customer', 'where is my order?'],
      ...guide.map((t) => ['bot', t]),
    ]);
    expect(history.every((e) => e.channelId === 'app')).toBe(true);
    expect(await app.conversationLog.language(customerId)).toBe('en');
    expect((await app.conversationLog.history(customerId, { limit: 1 })).map((e) => e.text)).toEqual([guide[guide.length - 1]]);
  });

  it('stores the text encrypted', async () => {
    await app.say('log-secret', '我的手机号是13812345678');
    await app.conversationLog.flush();
    const customerId = (await app.directory.find({ channelId: 'app', userId: 'log-secret' }))!;
    const stored = await raw.collection<{ _id: string; text: string; customerId: string }>('conversationLog').find({ customerId });
    expect(stored.length).toBeGreaterThanOrEqual(2);
    for (const entry of stored) expect(entry.text).toMatch(/^enc:v1:/);
    expect(JSON.stringify(stored)).not.toContain('13812345678');
  });

  it('is part of the privacy export and goes with an erase', async () => {
    await app.say('log-erase', '推荐一款面霜');
    const customerId = (await app.directory.find({ channelId: 'app', userId: 'log-erase' }))!;
    const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
    const exported = await app.get(`/api/admin/customers/${customerId}/export`, admin);
    expect(exported.status).toBe(200);
    expect(exported.json.conversationLog.map((e: { text: string }) => e.text)).toContain('推荐一款面霜');
    const erased = await app.request('DELETE', `/api/admin/customers/${customerId}`, undefined, admin);
    expect(erased.status).toBe(200);
    expect(erased.json.erased.conversationLog).toBeGreaterThanOrEqual(2);
    expect(await app.conversationLog.history(customerId)).toEqual([]);
  });
});
