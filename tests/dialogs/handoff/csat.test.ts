/**
 * After an agent resolves a conversation the customer gets the 1–5 question on their channel; a rating
 * is stored and thanked in their language, anything else runs as a normal turn and closes the question
 * (a later "5" is then just a "5").
 */
import { RunningApp, startTestApp } from '../../helpers/testApp';

describe('satisfaction question (CSAT)', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startTestApp();
  }, 60_000);
  afterAll(() => app.close(1000));

  const customerWhoWrote = async (userId: string, text: string) => {
    await app.say(userId, text);
    return (await app.directory.find({ channelId: 'app', userId }))!;
  };

  it('asks on the app channel with 1–5 quick replies; "5" is stored with the agent and thanked', async () => {
    const customerId = await customerWhoWrote('csat-zh', '你好');
    expect(await app.csat.ask(customerId, 'mei')).toEqual({ asked: true, delivered: true, channelId: 'app' });
    const inbox = await app.get('/api/app/messages?userId=csat-zh');
    const question = inbox.json.replies[0];
    expect(question.text).toMatch(/1～5 分/);
    expect(question.suggestedActions.actions.map((a: { value: string }) => a.value)).toEqual(['1', '2', '3', '4', '5']);

    const thanks = await app.say('csat-zh', '5');
    expect(thanks).toEqual([expect.stringMatching(/^收到您的 5 分评价，谢谢/)]);
    const [record] = await app.csat.exportCustomer(customerId);
    expect(record).toMatchObject({ customerId, agent: 'mei', channelId: 'app', score: 5 });

    const day = { from: new Date(Date.now() - 60_000), to: new Date(Date.now() + 60_000) };
    const summary = await app.csat.summary(day);
    expect(summary.responses).toBeGreaterThanOrEqual(1);
    expect(summary.distribution['5']).toBeGreaterThanOrEqual(1);
    expect((await app.csat.summary({ ...day, channel: 'telegram' })).responses).toBe(0);

    // answered: the next "5" is an ordinary message again
    expect((await app.say('csat-zh', '5')).join('\n')).not.toMatch(/评价/);
  });

  it('an English-speaking customer is asked and thanked in English ("great" = 5)', async () => {
    const customerId = await customerWhoWrote('csat-en', 'hello, where is my order?');
    await app.csat.ask(customerId);
    const question = (await app.get('/api/app/messages?userId=csat-en')).json.replies[0];
    expect(question.text).toMatch(/How satisfied were you/);
    expect(await app.say('csat-en', 'great')).toEqual(['Thank you for rating us 5/5! We are here whenever you need us.']);
    expect((await app.csat.exportCustomer(customerId))[0].score).toBe(5);
  });

  it('"我的订单呢" after the question runs as a normal order turn and closes the question unanswered', async () => {
    const customerId = await customerWhoWrote('csat-order', '你好');
    await app.csat.ask(customerId, 'mei');
    const replies = (await app.say('csat-order', '我的订单呢')).join('\n');
    expect(replies).toMatch(/订单/);
    expect(replies).not.toMatch(/评价/);
    const [record] = await app.csat.exportCustomer(customerId);
    expect(record.score).toBeUndefined();
    expect(record.skippedAt).toBeInstanceOf(Date);
    expect((await app.say('csat-order', '5')).join('\n')).not.toMatch(/评价/);
  });
});
