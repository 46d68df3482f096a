/**
 * The Mini Program channel end to end: the real app on a free port, WeChat's API as a local fake. Every
 * push is answered "success" and the customer's answer arrives through the customer-service message API;
 * both data formats (JSON, XML) in both modes (plaintext, safe mode) are exercised.
 */
import { MINIPROGRAM_INBOX } from '../../../adapters/miniprogram';
import { WeChatCipher } from '../../../adapters/wechatKit/wechatCrypto';
import { ScriptedRecognizer } from '../../helpers/scriptedRecognizer';
import { RunningApp, startTestApp } from '../../helpers/testApp';
import { waitUntil } from '../contract/channelDriver';
import { FakeMiniProgramApi, startFakeMiniProgramApi } from './fakeMiniProgramApi';
import { encode, enterPush, Format, imagePush, MP_AES_KEY, MP_APP_ID, MP_APP_SECRET, mpEnv, msgId, pushTo, signedQuery, textPush, voicePush } from './miniProgramTestKit';

const errorOf = (text: string) => (JSON.parse(text) as { error: { code: string } }).error.code;

describe.each([
  ['plaintext', false],
  ['safe mode', true],
] as const)('Mini Program channel, %s', (_mode, safe) => {
  let app: RunningApp;
  let fake: FakeMiniProgramApi;
  let recognizer: ScriptedRecognizer;
  beforeAll(async () => {
    fake = await startFakeMiniProgramApi(MP_APP_ID, MP_APP_SECRET);
    recognizer = new ScriptedRecognizer({ 你好: 'greeting', hello: 'greeting' });
    app = await startTestApp(mpEnv(fake.url, safe ? { MINIPROGRAM_ENCODING_AES_KEY: MP_AES_KEY } : {}), { recognizer });
  });
  afterAll(async () => {
    await app.close(1000);
    await fake.close();
  });

  const done = (key: string) => waitUntil(`Mini Program message ${key}`, async () => (await app.store.collection<{ _id: string; status: string }>(MINIPROGRAM_INBOX).findOne({ _id: key }))?.status === 'done');

  it.each(['json', 'xml'] as Format[])('%s: a text gets "success" at once and the bot’s answer through the customer-service API', async (format) => {
    const openid = `mp-text-${format}-${safe}`;
    const r = await pushTo(app.url, textPush(openid, '你好'), { format, safe });
    expect(r).toEqual({ status: 200, text: 'success' });
    const [sent] = await fake.waitForSends(openid, 1);
    expect(sent.body).toMatchObject({ touser: openid, msgtype: 'text', text: { content: expect.stringMatching(/您好/) } });
    expect(await app.directory.find({ channelId: 'miniprogram', userId: openid })).toBeDefined();
  });

  it.each(['json', 'xml'] as Format[])('%s: a retried message is answered once and the bot runs once', async (format) => {
    const openid = `mp-retry-${format}-${safe}`;
    const push = textPush(openid, '你好');
    const before = recognizer.calls;
    const [first, retry] = await Promise.all([pushTo(app.url, push, { format, safe }), pushTo(app.url, push, { format, safe })]);
    expect([first.text, retry.text]).toEqual(['success', 'success']);
    await done(`m:${push.MsgId}`);
    expect(fake.sendsTo(openid)).toHaveLength(1);
    expect(recognizer.calls).toBe(before + 1);
  });

  it('keeps a MsgId beyond 2^53 exact (JSON numbers are not rounded)', async () => {
    const openid = `mp-bigid-${safe}`;
    const id = msgId();
    const body = encode(textPush(openid, '你好', id), 'json').replace(`"MsgId":"${id}"`, `"MsgId":${id}`);
    expect((await pushTo(app.url, undefined, { body, safe })).text).toBe('success');
    await done(`m:${id}`);
    expect(fake.sendsTo(openid)).toHaveLength(1);
  });

  it('refuses a wrong signature with 401 and runs nothing', async () => {
    const before = recognizer.calls;
    const r = await pushTo(app.url, textPush(`mp-forged-${safe}`, '你好'), { safe, token: 'wrongtoken' });
    expect(r.status).toBe(401);
    expect(errorOf(r.text)).toBe('bad_signature');
    expect(recognizer.calls).toBe(before);
  });

  it('answers malformed bodies and incomplete messages with 400', async () => {
    for (const [body, format] of [
      ['{"ToUserName": ', 'json'],
      ['<xml><Content>hi</xml>', 'xml'],
      [JSON.stringify({ MsgType: 'text', Content: 'hi' }), 'json'],
      ['{"__proto__": {"x": 1}, "ToUserName": "gh_a"}', 'json'],
    ] as const) {
      const r = await pushTo(app.url, undefined, { body, format, safe });
      expect(r.status).toBe(400);
    }
  });

  it('welcomes a customer who opens the customer-service chat (user_enter_tempsession)', async () => {
    const openid = `mp-enter-${safe}`;
    expect((await pushTo(app.url, enterPush(openid), { safe })).text).toBe('success');
    const [sent] = await fake.waitForSends(openid, 1);
    expect(sent.body.text.content).toMatch(/您好|欢迎/);
  });

  it('answers a voice by WeChat’s recognition, and asks to type when there is none and no transcriber', async () => {
    const heard = `mp-voice-${safe}`;
    await pushTo(app.url, voicePush(heard, '你好'), { format: 'xml', safe });
    expect((await fake.waitForSends(heard, 1))[0].body.text.content).toMatch(/您好/);
    const unheard = `mp-voice-unheard-${safe}`;
    const before = recognizer.calls;
    await pushTo(app.url, voicePush(unheard, undefined), { safe });
    expect((await fake.waitForSends(unheard, 1))[0].body.text.content).toMatch(/打字/);
    expect(recognizer.calls).toBe(before);
  });

  it('answers a video politely without running the bot', async () => {
    const openid = `mp-video-${safe}`;
    const before = recognizer.calls;
    await pushTo(app.url, { ...textPush(openid, 'x'), MsgType: 'video', Content: '' }, { safe });
    expect((await fake.waitForSends(openid, 1))[0].body.text.content).toMatch(/文字或图片/);
    expect(recognizer.calls).toBe(before);
  });

  it('reads a picture the customer sent through media/get, within the size limit', async () => {
    fake.media.set('pic-1', Buffer.from('jpeg-bytes-of-a-screenshot'));
    const adapter = app.channels.miniprogram!.adapter;
    const openid = `mp-image-${safe}`;
    expect((await pushTo(app.url, imagePush(openid, 'pic-1'), { safe })).text).toBe('success');
    expect((await adapter.readAttachment({ contentType: 'image/jpeg', name: 'pic-1' }, 1024))?.toString()).toBe('jpeg-bytes-of-a-screenshot');
    expect(await adapter.readAttachment({ contentType: 'image/jpeg', name: 'pic-1' }, 8)).toBeUndefined();
    // a PicUrl not served by WeChat is never fetched
    expect(await adapter.readAttachment({ contentType: 'image/jpeg', contentUrl: `${fake.url}/cgi-bin/media/get` }, 1024)).toBeUndefined();
  });

  it('counts an accepted subscription popup as a consent for one campaign message', async () => {
    const openid = `mp-consent-${safe}`;
    await pushTo(app.url, textPush(openid, '你好'), { safe });
    await fake.waitForSends(openid, 1);
    const customerId = (await app.directory.find({ channelId: 'miniprogram', userId: openid }))!;
    const popup = {
      ToUserName: 'gh_mini_account',
      FromUserName: openid,
      CreateTime: Math.floor(Date.now() / 1000),
      MsgType: 'event',
      Event: 'subscribe_msg_popup_event',
      List: [
        { TemplateId: 'tpl-accepted', SubscribeStatusString: 'accept', PopupScene: '0' },
        { TemplateId: 'tpl-rejected', SubscribeStatusString: 'reject', PopupScene: '0' },
      ],
    };
    expect((await pushTo(app.url, popup as never, { safe })).text).toBe('success');
    await done(`e:${openid}:${popup.CreateTime}:subscribe_msg_popup_event`);
    expect(await app.outreach.consents.remaining(customerId, 'tpl-accepted')).toBe(1);
    expect(await app.outreach.consents.remaining(customerId, 'tpl-rejected')).toBe(0);
  });
});

describe('Mini Program channel, URL verification and safe-mode envelope', () => {
  let app: RunningApp;
  let fake: FakeMiniProgramApi;
  beforeAll(async () => {
    fake = await startFakeMiniProgramApi(MP_APP_ID, MP_APP_SECRET);
    app = await startTestApp(mpEnv(fake.url, { MINIPROGRAM_ENCODING_AES_KEY: MP_AES_KEY }), { recognizer: new ScriptedRecognizer({ 你好: 'greeting' }) });
  });
  afterAll(async () => {
    await app.close(1000);
    await fake.close();
  });

  it('echoes echostr for a good signature and answers 401 for a wrong one', async () => {
    const ok = await fetch(`${app.url}/api/miniprogram?${new URLSearchParams(signedQuery(undefined, { echostr: 'echo-123' }))}`);
    expect([ok.status, await ok.text()]).toEqual([200, 'echo-123']);
    const bad = await fetch(`${app.url}/api/miniprogram?${new URLSearchParams(signedQuery('wrongtoken', { echostr: 'echo-123' }))}`);
    expect(bad.status).toBe(401);
  });

  it('refuses a plaintext push in safe mode (400) and a wrong msg_signature (401)', async () => {
    expect((await pushTo(app.url, textPush('mp-plain-in-safe', '你好'))).status).toBe(400);
    const encrypted = new WeChatCipher(MP_AES_KEY, MP_APP_ID).encrypt(JSON.stringify(textPush('mp-forged-body', '你好')));
    const q = new URLSearchParams({ ...signedQuery(), encrypt_type: 'aes', msg_signature: 'f'.repeat(40) });
    const r = await fetch(`${app.url}/api/miniprogram?${q}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ToUserName: 'gh_mini_account', Encrypt: encrypted }) });
    expect(r.status).toBe(401);
    expect(fake.sendsTo('mp-forged-body')).toHaveLength(0);
  });
});
