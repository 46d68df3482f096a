/** The Telegram channel end to end: the real app on a free port, the Bot API as a local fake. */
import { ScriptedRecognizer } from '../../helpers/scriptedRecognizer';
import { RunningApp, startTestApp } from '../../helpers/testApp';
import { FakeBotApi, startFakeBotApi } from './fakeBotApi';
import { BOT_TOKEN, deliver, SECRET } from './telegramHelpers';
import { callbackUpdate, chat, photoUpdate, stickerUpdate, textUpdate } from './sampleUpdates';

describe('Telegram channel', () => {
  let app: RunningApp;
  let fake: FakeBotApi;
  let recognizer: ScriptedRecognizer;
  beforeAll(async () => {
    fake = await startFakeBotApi(BOT_TOKEN);
    recognizer = new ScriptedRecognizer({ 你好: 'greeting', 推荐: 'recommendation', hello: 'greeting' });
    app = await startTestApp({ TELEGRAM_BOT_TOKEN: BOT_TOKEN, TELEGRAM_WEBHOOK_SECRET: SECRET, TELEGRAM_API_ROOT: fake.url }, { recognizer });
  });
  afterAll(async () => {
    await app.close(1000);
    await fake.close();
  });
  beforeEach(() => fake.calls.splice(0));

  it('answers an update with the right secret by a sendMessage to the chat', async () => {
    const r = await deliver(app, textUpdate(1001, '你好'));
    expect(r.status).toBe(200);
    const [call] = await fake.waitFor((calls) => calls.length >= 1);
    expect(call.method).toBe('sendMessage');
    expect(call.params.chat_id).toBe(String(chat.id));
    expect(call.params.text).toMatch(/您好/);
  });

  it('refuses a wrong or missing secret with 401 and sends nothing', async () => {
    const before = recognizer.calls;
    expect((await deliver(app, textUpdate(1002, '你好'), 'wrong-secret-0123456789')).status).toBe(401);
    expect((await deliver(app, textUpdate(1003, '你好'), null)).status).toBe(401);
    await new Promise((r) => setTimeout(r, 100));
    expect(fake.calls).toHaveLength(0);
    expect(recognizer.calls).toBe(before);
  });

  it('answers malformed updates with 400', async () => {
    expect((await deliver(app, '{"update_id": ')).status).toBe(400);
    expect((await deliver(app, { message: { text: 'x' } })).status).toBe(400);
    expect((await deliver(app, { update_id: 1004, message: { text: 'x' } })).status).toBe(400);
  });

  it('processes a redelivered update_id once', async () => {
    const before = recognizer.calls;
    expect((await deliver(app, textUpdate(1010, '你好'))).status).toBe(200);
    expect((await deliver(app, textUpdate(1010, '你好'))).status).toBe(200);
    await fake.waitFor((calls) => calls.length >= 1);
    await new Promise((r) => setTimeout(r, 200));
    expect(fake.of('sendMessage')).toHaveLength(1);
    expect(recognizer.calls).toBe(before + 1);
  });

  it('shows choices as an inline keyboard; a tapped button is answered and moves the flow on', async () => {
    const from = { id: 42, first_name: 'Lan', language_code: 'zh-hans' };
    const privateChat = { id: 42, type: 'private' };
    await deliver(app, textUpdate(1020, '推荐', from, privateChat));
    const [ask] = await fake.waitFor((calls) => calls.length >= 1);
    const buttons = ask.params.reply_markup.inline_keyboard.flat();
    expect(buttons.map((b: { text: string }) => b.text)).toEqual(expect.arrayContaining(['干皮', '油皮']));
    const dry = buttons.find((b: { text: string }) => b.text === '干皮');
    fake.calls.splice(0);
    await deliver(app, callbackUpdate(1021, dry.callback_data, from));
    await fake.waitFor((calls) => calls.some((c) => c.method === 'sendMessage'));
    expect(fake.of('answerCallbackQuery')[0].params).toEqual({ callback_query_id: '4382bfdwdsb323b2d91021' });
    expect(fake.of('sendMessage')[0].params.text).toMatch(/改善/);
  });

  it('maps /start to a greeting in the user language', async () => {
    await deliver(app, textUpdate(1030, '/start', { id: 43, first_name: 'Ann', language_code: 'en' }, { id: 43, type: 'private' }));
    const [call] = await fake.waitFor((calls) => calls.length >= 1);
    expect(call.params.text).toMatch(/Hello/);
  });

  it('answers a sticker politely without running the bot, and reads a photo caption', async () => {
    const before = recognizer.calls;
    await deliver(app, stickerUpdate(1040));
    const [polite] = await fake.waitFor((calls) => calls.length >= 1);
    expect(polite.params.text).toMatch(/文字或图片/);
    expect(recognizer.calls).toBe(before);
    fake.calls.splice(0);
    await deliver(app, photoUpdate(1041, '你好'));
    const [reply] = await fake.waitFor((calls) => calls.length >= 1);
    expect(reply.params.text).toMatch(/您好/);
  });
});

describe('Telegram channel switched off', () => {
  it('has no /api/telegram route without TELEGRAM_BOT_TOKEN', async () => {
    const app = await startTestApp({}, { recognizer: new ScriptedRecognizer() });
    try {
      expect([404, 405]).toContain((await deliver(app, textUpdate(1, 'hi'))).status);
    } finally {
      await app.close(1000);
    }
  });

  it('refuses to start with a bot token but no webhook secret', async () => {
    await expect(startTestApp({ TELEGRAM_BOT_TOKEN: BOT_TOKEN }, { recognizer: new ScriptedRecognizer() })).rejects.toThrow(/TELEGRAM_WEBHOOK_SECRET/);
  });
});
