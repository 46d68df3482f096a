/**
 * Linking in conversation: a customer starts the needs-discovery questions on one channel (app, WeChat,
 * web chat over Direct Line), asks for a code there, sends it on Telegram, and answers the pending
 * question on Telegram — one customer, one dialog, one profile.
 */
import { ScriptedRecognizer } from '../../helpers/scriptedRecognizer';
import { RunningApp, startTestApp } from '../../helpers/testApp';
import { BOT_TOKEN, deliver, SECRET } from '../../adapters/telegram/telegramHelpers';
import { FakeBotApi, startFakeBotApi } from '../../adapters/telegram/fakeBotApi';
import { textUpdate } from '../../adapters/telegram/sampleUpdates';
import { wechatSignature } from '../../../adapters/wechatKit/wechatCrypto';
import { parseWeChatXml } from '../../../adapters/wechatKit/wechatXml';

describe('linking identities across channels by code', () => {
  let app: RunningApp;
  let fake: FakeBotApi;
  let updateId = 5000;
  beforeAll(async () => {
    fake = await startFakeBotApi(BOT_TOKEN);
    app = await startTestApp(
      { TELEGRAM_BOT_TOKEN: BOT_TOKEN, TELEGRAM_WEBHOOK_SECRET: SECRET, TELEGRAM_API_ROOT: fake.url },
      { recognizer: new ScriptedRecognizer({ 推荐: 'recommendation', 你好: 'greeting', hello: 'greeting' }) },
    );
  });
  afterAll(async () => {
    await app.close(1000);
    await fake.close();
  });

  /** one Telegram message from user `id`; resolves with the texts the bot sent back */
  async function telegram(id: number, text: string, languageCode = 'zh-hans'): Promise<string[]> {
    const seen = fake.calls.length;
    const r = await deliver(app, textUpdate(++updateId, text, { id, first_name: 'T', language_code: languageCode }, { id, type: 'private' }));
    expect(r.status).toBe(200);
    const calls = await fake.waitFor((all) => all.length > seen);
    await new Promise((res) => setTimeout(res, 50));
    return calls.slice(seen).map((c) => String(c.params.text ?? c.params.caption ?? ''));
  }

  const codeIn = (reply: string) => /(\d{6})/.exec(reply)?.[1] ?? '';

  it('continues the app conversation on Telegram after linking, with the same dialog and profile', async () => {
    expect((await app.say('zhao', '推荐'))[0]).toMatch(/肤质/);
    const [offer] = await app.say('zhao', '绑定');
    const code = codeIn(offer);
    expect(code).toMatch(/^\d{6}$/);
    expect(offer).toMatch(/10 分钟/);

    const [linked] = await telegram(777, code);
    expect(linked).toMatch(/绑定成功/);

    // the pending skin-type question is answered on Telegram and the flow moves on
    const [next] = await telegram(777, '干皮');
    expect(next).toMatch(/改善/);
    // the same customer on the app channel: the profile knows the skin type from Telegram
    const finish = await app.say('zhao', '保湿');
    expect(finish.join('\n')).toMatch(/干皮，想要保湿/);
    expect(await app.directory.find({ channelId: 'telegram', userId: '777' })).toBe(await app.directory.find({ channelId: 'app', userId: 'zhao' }));
  });

  it('accepts "绑定 123456" and answers in English to an English request', async () => {
    const [offer] = await app.say('amy', 'link my account');
    expect(offer).toMatch(/Your link code is \d{6}/);
    const [linked] = await telegram(778, `绑定 ${codeIn(offer)}`);
    expect(linked).toMatch(/绑定成功/);
    expect(await app.directory.find({ channelId: 'telegram', userId: '778' })).toBe(await app.directory.find({ channelId: 'app', userId: 'amy' }));
  });

  it('links a Telegram user who had already talked to the bot, and keeps the code owner dialog', async () => {
    expect((await telegram(781, '推荐'))[0]).toMatch(/肤质/); // a dialog of their own, soon merged away
    expect((await app.say('eve', '推荐'))[0]).toMatch(/肤质/);
    expect((await app.say('eve', '油皮'))[0]).toMatch(/改善/);
    const [offer] = await app.say('eve', '绑定');
    expect((await telegram(781, codeIn(offer)))[0]).toMatch(/绑定成功/);
    // the owner's pending question (concern) is what Telegram answers now
    expect((await telegram(781, '美白')).join('\n')).toMatch(/油皮，想要美白/);
  });

  it('refuses a used, wrong or own code, and does not link', async () => {
    const [offer] = await app.say('bo', '绑定账号');
    const code = codeIn(offer);
    expect((await app.say('bo', code))[0]).toMatch(/另一个渠道/);
    expect((await telegram(779, code))[0]).toMatch(/绑定成功/);
    expect((await telegram(780, code))[0]).toMatch(/不正确或已过期/);
    expect(await app.directory.find({ channelId: 'telegram', userId: '780' })).not.toBe(await app.directory.find({ channelId: 'app', userId: 'bo' }));
  });

  it('stops issuing codes after 5 an hour', async () => {
    for (let i = 0; i < 5; i++) expect((await app.say('cai', '绑定'))[0]).toMatch(/\d{6}/);
    expect((await app.say('cai', '绑定'))[0]).toMatch(/太频繁/);
  });

  it('leaves a bare 6-digit answer to a waiting dialog when it is not a code', async () => {
    expect((await app.say('dan', '推荐'))[0]).toMatch(/肤质/);
    const replies = await app.say('dan', '200000');
    expect(replies.join('\n')).not.toMatch(/绑定码/);
  });
});

describe('linking WeChat and Telegram', () => {
  it('continues a dialog started on WeChat on Telegram', async () => {
    const fake = await startFakeBotApi(BOT_TOKEN);
    const token = 'wxtoken123';
    const app = await startTestApp(
      {
        TELEGRAM_BOT_TOKEN: BOT_TOKEN,
        TELEGRAM_WEBHOOK_SECRET: SECRET,
        TELEGRAM_API_ROOT: fake.url,
        WECHAT_TOKEN: token,
        WECHAT_APP_ID: 'wx1234567890abcdef',
        WECHAT_APP_SECRET: 'secret-0123456789',
        WECHAT_API_BASE: 'http://127.0.0.1:9', // not called: every answer here is passive
      },
      { recognizer: new ScriptedRecognizer({ 推荐: 'recommendation' }) },
    );
    try {
      let msgId = 7000;
      const wechat = async (text: string) => {
        // a fresh timestamp and nonce per message: the route refuses stale and replayed signatures
        const [timestamp, nonce] = [String(Math.floor(Date.now() / 1000)), `n${msgId + 1}`];
        const q = new URLSearchParams({ signature: wechatSignature(token, timestamp, nonce), timestamp, nonce });
        const body = `<xml><ToUserName><![CDATA[gh_shop]]></ToUserName><FromUserName><![CDATA[oWeChatUser1]]></FromUserName><CreateTime>${timestamp}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${text}]]></Content><MsgId>${++msgId}</MsgId></xml>`;
        const res = await fetch(`${app.url}/api/wechat?${q}`, { method: 'POST', body });
        return String(parseWeChatXml(await res.text()).Content);
      };
      expect(await wechat('推荐')).toMatch(/肤质/);
      const code = /(\d{6})/.exec(await wechat('绑定'))?.[1] ?? '';
      expect(code).toMatch(/^\d{6}$/);
      await deliver(app, textUpdate(9001, code, { id: 901, first_name: 'W', language_code: 'zh-hans' }, { id: 901, type: 'private' }));
      await fake.waitFor((calls) => calls.some((c) => /绑定成功/.test(c.params.text)));
      await deliver(app, textUpdate(9002, '油皮', { id: 901, first_name: 'W', language_code: 'zh-hans' }, { id: 901, type: 'private' }));
      const calls = await fake.waitFor((all) => all.length >= 2);
      expect(calls[1].params.text).toMatch(/改善/);
      expect(await app.directory.find({ channelId: 'telegram', userId: '901' })).toBe(await app.directory.find({ channelId: 'wechat', userId: 'oWeChatUser1' }));
    } finally {
      await app.close(1000);
      await fake.close();
    }
  });
});

describe('linking web chat (Direct Line) and Telegram', () => {
  const DL_SECRET = 'directline-secret-for-tests-0123456789abcdef';

  it('continues a dialog started in web chat on Telegram, with the same dialog and profile', async () => {
    const fake = await startFakeBotApi(BOT_TOKEN);
    const app = await startTestApp(
      { TELEGRAM_BOT_TOKEN: BOT_TOKEN, TELEGRAM_WEBHOOK_SECRET: SECRET, TELEGRAM_API_ROOT: fake.url, DIRECTLINE_SECRET: DL_SECRET },
      { recognizer: new ScriptedRecognizer({ 推荐: 'recommendation' }) },
    );
    try {
      const dl = async (method: string, path: string, auth: string, body?: unknown) => {
        const res = await fetch(`${app.url}/v3/directline${path}`, {
          method,
          headers: { authorization: `Bearer ${auth}`, ...(body ? { 'content-type': 'application/json' } : {}) },
          body: body ? JSON.stringify(body) : undefined,
        });
        const text = await res.text();
        return { status: res.status, json: text ? JSON.parse(text) : undefined };
      };
      const started = await dl('POST', '/conversations', DL_SECRET, { user: { id: 'web-visitor-1' } });
      expect(started.status).toBe(201);
      const { conversationId, token } = started.json as { conversationId: string; token: string };
      let watermark: string | undefined;
      /** says `text` in web chat and waits for the bot's reply matching `expected` */
      const web = async (text: string, expected: RegExp): Promise<string> => {
        const posted = await dl('POST', `/conversations/${conversationId}/activities`, token, { type: 'message', from: { id: 'web-visitor-1' }, text });
        expect(posted.status).toBe(200);
        const deadline = Date.now() + 5000;
        for (;;) {
          const page = await dl('GET', `/conversations/${conversationId}/activities${watermark ? `?watermark=${watermark}` : ''}`, token);
          watermark = page.json.watermark;
          const replies = (page.json.activities as { type: string; text?: string; from: { role?: string; id: string } }[])
            .filter((a) => a.type === 'message' && a.from.id !== 'web-visitor-1')
            .map((a) => a.text ?? '');
          const hit = replies.find((r) => expected.test(r));
          if (hit) return hit;
          if (Date.now() > deadline) throw new Error(`web chat: no reply matching ${expected}; got ${JSON.stringify(replies)}`);
          await new Promise((r) => setTimeout(r, 20));
        }
      };
      await web('推荐', /肤质/);
      const code = /(\d{6})/.exec(await web('绑定', /绑定码/))?.[1] ?? '';
      const tgUser = { id: 902, first_name: 'W', language_code: 'zh-hans' };
      const tgChat = { id: 902, type: 'private' };
      await deliver(app, textUpdate(9101, code, tgUser, tgChat));
      await fake.waitFor((calls) => calls.some((c) => /绑定成功/.test(c.params.text)));
      await deliver(app, textUpdate(9102, '干皮', tgUser, tgChat));
      await fake.waitFor((calls) => calls.some((c) => /改善/.test(c.params.text)));
      // back in web chat, the same customer: the concern answer finishes the skin type given on Telegram
      await web('保湿', /干皮，想要保湿/);
    } finally {
      await app.close(1000);
      await fake.close();
    }
  });
});
