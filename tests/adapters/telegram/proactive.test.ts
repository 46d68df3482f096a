/** Proactive messages (campaigns, agents) on Telegram: a stored conversation reference reaches the chat. */
import { TurnContext } from 'botbuilder';
import { TelegramAdapter } from '../../../adapters/telegram/telegramAdapter';
import { TelegramApi, TelegramApiError } from '../../../adapters/telegram/telegramApi';
import { toActivity } from '../../../adapters/telegram/toActivity';
import { FakeBotApi, startFakeBotApi } from './fakeBotApi';
import { textUpdate } from './sampleUpdates';
import { BOT_TOKEN } from './telegramHelpers';

describe('Telegram proactive messages', () => {
  let fake: FakeBotApi;
  beforeAll(async () => {
    fake = await startFakeBotApi(BOT_TOKEN);
  });
  afterAll(() => fake.close());

  it('sends to the chat of a stored conversation reference', async () => {
    const mapped = toActivity(textUpdate(1, '你好'));
    if (mapped.kind !== 'activity') throw new Error('sample did not map');
    const reference = TurnContext.getConversationReference(mapped.activity);
    const adapter = new TelegramAdapter(new TelegramApi({ apiRoot: fake.url, botToken: BOT_TOKEN }));
    await adapter.continueConversation(reference, async (ctx) => {
      await ctx.sendActivity('亲，您关注的精华到货啦～');
    });
    expect(fake.of('sendMessage').map((c) => c.params)).toEqual([{ chat_id: '5012345678', text: '亲，您关注的精华到货啦～' }]);
  });

  it('tells "Telegram said no" from "the network failed"', async () => {
    const refused = new TelegramApi({ apiRoot: fake.url, botToken: '1:wrong-token-abcdefghijklmnopq' });
    await expect(refused.call('sendMessage', { chat_id: 1, text: 'x' })).rejects.toMatchObject({ name: 'TelegramApiError', errorCode: 401 });
    await expect(refused.call('sendMessage', { chat_id: 1, text: 'x' })).rejects.toBeInstanceOf(TelegramApiError);
    const down = new TelegramApi({ apiRoot: 'http://127.0.0.1:9', botToken: BOT_TOKEN, timeoutMs: 2000 });
    const err = await down.call('sendMessage', { chat_id: 1, text: 'x' }).catch((e: Error) => e);
    expect(err).toMatchObject({ name: 'TelegramNetworkError' });
    expect((err as Error).message).not.toContain(BOT_TOKEN);
  });
});
