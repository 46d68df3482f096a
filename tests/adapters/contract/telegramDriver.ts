/**
 * Telegram on /api/telegram (webhook with the secret header), the Bot API as a local fake. The update is
 * acknowledged before the turn runs; the turn is over when the update is marked done in the channel's
 * inbox, and its replies are the sendMessage / sendPhoto calls the fake received for the chat.
 */
import { TELEGRAM_INBOX } from '../../../adapters/telegram';
import type { RunningApp } from '../../helpers/testApp';
import { BotApiCall, FakeBotApi, startFakeBotApi } from '../telegram/fakeBotApi';
import { stickerUpdate, textUpdate } from '../telegram/sampleUpdates';
import { BOT_TOKEN, deliver, SECRET } from '../telegram/telegramHelpers';
import { ChannelDriver, numberedChoices, numericId, Reply, storedReference, waitUntil } from './channelDriver';

/** where the Telegram channel keeps acknowledged updates (adapters/telegram/index.ts) */

function fromBotApi(call: BotApiCall): Reply {
  const buttons: any[] = (call.params.reply_markup?.inline_keyboard ?? []).flat();
  const text = String(call.params.text ?? call.params.caption ?? '');
  const reply: Reply = { text };
  const choices = buttons.filter((b) => b.callback_data !== undefined).map((b) => String(b.text));
  if (choices.length > 0) reply.choices = choices;
  else if (numberedChoices(text)) reply.choices = numberedChoices(text);
  const cards = [
    ...(call.method === 'sendPhoto' ? [{ kind: 'photo' as const, title: text.split('\n')[0] }] : []),
    ...buttons.filter((b) => b.url !== undefined).map((b) => ({ kind: 'link' as const, title: String(b.text) })),
  ];
  if (cards.length > 0) reply.cards = cards;
  return reply;
}

export function telegramDriver(): ChannelDriver {
  let app: RunningApp;
  let fake: FakeBotApi;
  let next = 700_000;
  const person = (userId: string) => {
    const id = numericId(userId);
    return { from: { id, is_bot: false, first_name: userId, language_code: 'zh-hans' }, chat: { id, first_name: userId, type: 'private' } };
  };
  const callsTo = (index: number, userId: string) =>
    fake.calls.slice(index).filter((c) => (c.method === 'sendMessage' || c.method === 'sendPhoto') && c.params.chat_id === String(numericId(userId)));
  const delivered = async (userId: string, update: { update_id: number; message?: object }): Promise<Reply[]> => {
    const before = fake.calls.length;
    const r = await deliver(app, update);
    if (r.status !== 200) throw new Error(`/api/telegram answered ${r.status}: ${JSON.stringify(r.json)}`);
    await waitUntil(`Telegram update ${update.update_id} to be done`, async () => {
      const entry = await app.store.collection<{ _id: string; status: string }>(TELEGRAM_INBOX).findOne({ _id: String(update.update_id) });
      return entry?.status === 'done';
    });
    return callsTo(before, userId).map(fromBotApi);
  };
  return {
    name: 'telegram',
    channelId: 'telegram',
    start: async () => {
      fake = await startFakeBotApi(BOT_TOKEN);
    },
    env: () => ({ TELEGRAM_BOT_TOKEN: BOT_TOKEN, TELEGRAM_WEBHOOK_SECRET: SECRET, TELEGRAM_API_ROOT: fake.url }),
    attach: (running) => (app = running),
    say: (userId, text) => {
      const { from, chat } = person(userId);
      return delivered(userId, textUpdate(++next, text, from, chat));
    },
    sendUnsupported: (userId) => {
      const { from, chat } = person(userId);
      const sticker = stickerUpdate(++next);
      return delivered(userId, { ...sticker, message: { ...sticker.message, from, chat } });
    },
    channelUserId: (userId) => String(numericId(userId)),
    proactive: async (userId, text) => {
      const reference = await storedReference(app, 'telegram', String(numericId(userId)));
      const before = fake.calls.length;
      const telegram = app.channels.telegram;
      if (!telegram) throw new Error('the app was started without Telegram');
      await telegram.adapter.continueConversation(reference, async (ctx) => {
        await ctx.sendActivity(text);
      });
      return callsTo(before, userId).map(fromBotApi);
    },
    stop: () => fake.close(),
  };
}
