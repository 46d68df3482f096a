/**
 * Malformed updates behind a valid secret: every one is refused with a 400 that says what is wrong,
 * none reaches the bot, and none makes the route answer 500 or the turn fail after the 200.
 */
import { ScriptedRecognizer } from '../../helpers/scriptedRecognizer';
import { RunningApp, startTestApp } from '../../helpers/testApp';
import { FakeBotApi, startFakeBotApi } from './fakeBotApi';
import { BOT_TOKEN, deliver, SECRET } from './telegramHelpers';
import { chat, user } from './sampleUpdates';

const message = (updateId: number, fields: object, from: object = user) => ({
  update_id: updateId,
  message: { message_id: 1, date: 1700000000, chat, from, ...fields },
});

describe('Telegram webhook, hostile updates with the right secret', () => {
  let app: RunningApp;
  let fake: FakeBotApi;
  let recognizer: ScriptedRecognizer;
  beforeAll(async () => {
    fake = await startFakeBotApi(BOT_TOKEN);
    recognizer = new ScriptedRecognizer({ 你好: 'greeting' });
    app = await startTestApp({ TELEGRAM_BOT_TOKEN: BOT_TOKEN, TELEGRAM_WEBHOOK_SECRET: SECRET, TELEGRAM_API_ROOT: fake.url }, { recognizer });
  });
  afterAll(async () => {
    await app.close(1000);
    await fake.close();
  });

  const cases: [string, object][] = [
    ['a numeric language_code', message(3001, { text: '你好' }, { ...user, language_code: 5 })],
    ['an object language_code', message(3002, { text: '你好' }, { ...user, language_code: { zh: true } })],
    ['a photo array of junk', message(3003, { photo: [null, 1, 'x'] })],
    ['a photo without sizes', message(3004, { photo: [{ file_id: 'a' }] })],
    ['a non-string caption', message(3005, { photo: [{ file_id: 'a', file_unique_id: 'b', width: 1, height: 1 }], caption: { text: 'x' } })],
    ['a non-string text', message(3006, { text: 42 })],
    ['a non-string username', message(3007, { text: '你好' }, { ...user, username: ['x'] })],
    ['a location of strings', message(3008, { location: { latitude: '1', longitude: 2 } })],
    ['a non-string chat type', { update_id: 3009, message: { message_id: 1, date: 1, chat: { id: 1, type: 7 }, from: user, text: '你好' } }],
    ['a string date', { update_id: 3010, message: { message_id: 1, date: 'today', chat, from: user, text: '你好' } }],
    ['a callback query with object data', { update_id: 3011, callback_query: { id: 'q1', from: user, data: { x: 1 }, message: { message_id: 1, date: 1, chat } } }],
    ['a callback query with a numeric id', { update_id: 3012, callback_query: { id: 5, from: user, data: 'x' } }],
    ['an is_bot that is not a boolean', message(3013, { text: '你好' }, { ...user, is_bot: 'no' })],
  ];

  it.each(cases)('answers %s with 400 invalid_update naming the field, and runs nothing', async (_name, update) => {
    const before = recognizer.calls;
    const r = await deliver(app, update);
    expect(r.status).toBe(400);
    const { error } = r.json as { error: { code: string; message: string } };
    expect(error.code).toBe('invalid_update');
    expect(error.message).toMatch(/^(message|callback_query)\.[a-z_.0-9]+: /);
    expect(recognizer.calls).toBe(before);
  });

  it('still answers a well-formed update after all that', async () => {
    expect((await deliver(app, message(3100, { text: '你好' }))).status).toBe(200);
    await fake.waitFor((calls) => calls.some((c) => /您好/.test(c.params.text ?? '')));
  });
});
