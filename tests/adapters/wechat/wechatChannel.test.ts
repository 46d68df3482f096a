/** The WeChat channel end to end: the real app on a free port, WeChat's API as a local fake. */
import { WeChatCipher, wechatSignature } from '../../../adapters/wechatKit/wechatCrypto';
import { parseWeChatXml } from '../../../adapters/wechatKit/wechatXml';
import { EmbeddedStore } from '../../../storage';
import { ScriptedRecognizer } from '../../helpers/scriptedRecognizer';
import { RunningApp, startTestApp } from '../../helpers/testApp';
import { FakeWeChatApi, startFakeWeChatApi } from './fakeWeChatApi';
import * as samples from './samplePayloads';
import { APP_ID, APP_SECRET, freshNonce, nowSeconds, push, signedQuery, TOKEN, withText } from './wechatTestKit';

describe('WeChat channel, plaintext mode', () => {
  let app: RunningApp;
  let fake: FakeWeChatApi;
  let recognizer: ScriptedRecognizer;
  beforeAll(async () => {
    fake = await startFakeWeChatApi(APP_ID, APP_SECRET);
    recognizer = new ScriptedRecognizer({ 你好: 'greeting', 推荐: 'recommendation', 慢: { intent: 'greeting' } });
    app = await startTestApp(
      { WECHAT_TOKEN: TOKEN, WECHAT_APP_ID: APP_ID, WECHAT_APP_SECRET: APP_SECRET, WECHAT_API_BASE: fake.url, WECHAT_REPLY_DEADLINE_MS: '300' },
      { recognizer: slowFor('慢', 600, recognizer) },
    );
  });
  afterAll(async () => {
    await app.close(1000);
    await fake.close();
  });

  it('answers the URL verification with echostr, and 401 for a wrong signature', async () => {
    const ok = await fetch(`${app.url}/api/wechat?${signedQuery(TOKEN, { echostr: '1234567890' })}`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('1234567890');
    const bad = await fetch(`${app.url}/api/wechat?${signedQuery('wrongtoken', { echostr: '1234567890' })}`);
    expect(bad.status).toBe(401);
  });

  it('answers the documented text message with a passive XML reply from the bot', async () => {
    const r = await push(app, samples.documentedText);
    expect(r.status).toBe(200);
    expect(r.type).toMatch(/xml/);
    const reply = parseWeChatXml(r.text);
    expect(reply).toMatchObject({ ToUserName: 'oia2TjjewbmiOUlr6X-1crbLOvLw', FromUserName: 'gh_7f083739789a', MsgType: 'text' });
    expect(reply.Content).toMatch(/您好/);
  });

  it('renders a choice prompt as a numbered list, and accepts the number as the answer', async () => {
    const ask = parseWeChatXml((await push(app, withText('推荐', '900001', 'openidList'))).text);
    expect(ask.Content).toMatch(/肤质[\s\S]*1\. 干皮\n2\. 油皮/);
    const next = parseWeChatXml((await push(app, withText('2', '900002', 'openidList'))).text);
    expect(next.Content).toMatch(/改善/);
  });

  it('refuses a bad signature with 401 and runs nothing', async () => {
    const before = recognizer.calls;
    const r = await push(app, withText('你好', '900010'), signedQuery('wrongtoken'));
    expect(r.status).toBe(401);
    expect(JSON.parse(r.text).error.code).toBe('bad_signature');
    const missing = await push(app, withText('你好', '900011'), 'timestamp=1&nonce=2');
    expect(missing.status).toBe(401);
    expect(recognizer.calls).toBe(before);
  });

  it('answers malformed XML and incomplete messages with 400', async () => {
    expect((await push(app, '<xml><Content>hi</xml>')).status).toBe(400);
    expect((await push(app, '<xml><MsgType>text</MsgType></xml>')).status).toBe(400);
    const huge = await push(app, withText('x'.repeat(70 * 1024), '900012'));
    expect(huge.status).toBe(413);
  });

  it('answers a retried MsgId once: the retry gets "success" and the bot runs once', async () => {
    const before = recognizer.calls;
    const first = await push(app, withText('你好', '900020', 'openidRetry'));
    const retry = await push(app, withText('你好', '900020', 'openidRetry'));
    expect(parseWeChatXml(first.text).Content).toMatch(/您好/);
    expect(retry.text).toBe('success');
    expect(recognizer.calls).toBe(before + 1);
  });

  it('delivers a slow turn through the customer-service API, once, even when WeChat retries meanwhile', async () => {
    const sentBefore = fake.sends.length;
    const before = recognizer.calls;
    const message = withText('慢', '900030', 'openidSlow');
    const [first, retry] = await Promise.all([push(app, message), new Promise((r) => setTimeout(r, 100)).then(() => push(app, message))]);
    expect(first.text).toBe('success');
    expect(retry.text).toBe('success');
    const sends = await fake.waitForSends(sentBefore + 1);
    await new Promise((r) => setTimeout(r, 700)); // nothing more arrives
    expect(fake.sends.length).toBe(sentBefore + 1);
    expect(sends[sentBefore].body).toMatchObject({ touser: 'openidSlow', msgtype: 'text', text: { content: expect.stringMatching(/您好/) } });
    expect(recognizer.calls).toBe(before + 1);
  });

  it('reuses the access token, and fetches a new one when WeChat says it is invalid (40001)', async () => {
    const sentBefore = fake.sends.length;
    await push(app, withText('慢', '900039', 'openidToken0'));
    await fake.waitForSends(sentBefore + 1);
    const tokensBefore = fake.tokenRequests;
    expect(tokensBefore).toBeGreaterThanOrEqual(1);
    await push(app, withText('慢', '900040', 'openidToken1'));
    await fake.waitForSends(sentBefore + 2);
    expect(fake.tokenRequests).toBe(tokensBefore); // cached
    fake.rejectNextSendsWithInvalidToken(1);
    await push(app, withText('慢', '900041', 'openidToken2'));
    const sends = await fake.waitForSends(sentBefore + 3);
    expect(fake.tokenRequests).toBe(tokensBefore + 1);
    expect(sends[sentBefore + 2].body.touser).toBe('openidToken2');
  });

  it('welcomes a new follower, treats a menu CLICK as its key, and answers voice by its recognition', async () => {
    expect(parseWeChatXml((await push(app, samples.subscribe)).text).Content).toMatch(/智能客服/);
    expect(parseWeChatXml((await push(app, samples.menuClick.replace('oia2TjjewbmiOUlr6X-1crbLOvLw', 'openidMenu'))).text).Content).toMatch(/肤质/);
    expect(parseWeChatXml((await push(app, samples.voiceWithRecognition.replace('oia2TjjewbmiOUlr6X-1crbLOvLw', 'openidVoice'))).text).Content).toMatch(/肤质/);
    expect((await push(app, samples.unsubscribe)).text).toBe('success');
  });

  it('answers a video or a voice without recognition politely, without running the bot', async () => {
    const before = recognizer.calls;
    expect(parseWeChatXml((await push(app, samples.video)).text).Content).toMatch(/文字或图片/);
    expect(parseWeChatXml((await push(app, samples.voiceWithoutRecognition)).text).Content).toMatch(/打字/);
    expect(recognizer.calls).toBe(before);
  });
});

describe('WeChat channel, safe mode (AES)', () => {
  let app: RunningApp;
  let fake: FakeWeChatApi;
  const s = samples.safeMode;
  beforeAll(async () => {
    fake = await startFakeWeChatApi(s.appId, APP_SECRET);
    app = await startTestApp(
      { WECHAT_TOKEN: s.token, WECHAT_APP_ID: s.appId, WECHAT_APP_SECRET: APP_SECRET, WECHAT_ENCODING_AES_KEY: s.encodingAesKey, WECHAT_API_BASE: fake.url },
      { recognizer: new ScriptedRecognizer({ 你好: 'greeting' }) },
    );
  });
  afterAll(async () => {
    await app.close(1000);
    await fake.close();
  });

  // the documented ciphertext, signed now (the sample's own 2014 timestamp is outside the replay window;
  // wechatCrypto.test.ts checks the documented msg_signature itself)
  const sampleQuery = (msgSignature?: string) => {
    const ts = nowSeconds();
    const nonce = freshNonce();
    return signedQuery(s.token, { encrypt_type: 'aes', msg_signature: msgSignature ?? wechatSignature(s.token, ts, nonce, s.encrypt) }, ts, nonce);
  };
  const sampleBody = `<xml><ToUserName><![CDATA[${s.account}]]></ToUserName><Encrypt><![CDATA[${s.encrypt}]]></Encrypt></xml>`;

  it('answers the documented encrypted sample with an encrypted, signed passive reply', async () => {
    const r = await push(app, sampleBody, sampleQuery());
    expect(r.status).toBe(200);
    const envelope = parseWeChatXml(r.text);
    const encrypted = String(envelope.Encrypt);
    expect(envelope.MsgSignature).toBe(wechatSignature(s.token, String(envelope.TimeStamp), String(envelope.Nonce), encrypted));
    const reply = parseWeChatXml(new WeChatCipher(s.encodingAesKey, s.appId).decrypt(encrypted));
    expect(reply).toMatchObject({ ToUserName: s.openid, FromUserName: s.account, MsgType: 'text' });
    expect(String(reply.Content)).toMatch(/Sorry|抱歉/); // "abcdteT" is not something the bot knows
  });

  it('refuses a wrong msg_signature with 401, and a plaintext message with 400', async () => {
    expect((await push(app, sampleBody, sampleQuery('0'.repeat(40)))).status).toBe(401);
    expect((await push(app, samples.documentedText, signedQuery(s.token))).status).toBe(400);
  });

  it('refuses a message encrypted for another app id with 401, and garbage ciphertext with 400', async () => {
    const foreign = new WeChatCipher(s.encodingAesKey, 'wx0000000000000000').encrypt(withText('你好', '900200'));
    const garbage = 'AAAA' + s.encrypt.slice(4);
    for (const [encrypt, status] of [[foreign, 401], [garbage, 400]] as const) {
      const ts = nowSeconds();
      const query = signedQuery(s.token, { encrypt_type: 'aes', msg_signature: wechatSignature(s.token, ts, 'n2', encrypt) }, ts, 'n2');
      const r = await push(app, `<xml><ToUserName><![CDATA[gh_x]]></ToUserName><Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`, query);
      expect(r.status).toBe(status);
    }
  });

  it('answers our own encrypted Chinese message', async () => {
    const cipher = new WeChatCipher(s.encodingAesKey, s.appId);
    const encrypt = cipher.encrypt(withText('你好', '900100', 'openidSafe'));
    const ts = nowSeconds();
    const query = signedQuery(s.token, { encrypt_type: 'aes', msg_signature: wechatSignature(s.token, ts, 'n1', encrypt) }, ts, 'n1');
    const r = await push(app, `<xml><ToUserName><![CDATA[gh_x]]></ToUserName><Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`, query);
    const reply = parseWeChatXml(cipher.decrypt(String(parseWeChatXml(r.text).Encrypt)));
    expect(reply.Content).toMatch(/您好/);
  });
});

describe('WeChat channel switched off', () => {
  it('has no /api/wechat route without WECHAT_TOKEN', async () => {
    const app = await startTestApp({}, { recognizer: new ScriptedRecognizer() });
    try {
      const r = await push(app, samples.documentedText);
      expect([404, 405]).toContain(r.status);
    } finally {
      await app.close(1000);
    }
  });
});

/** The recognizer, slowed down for one text (a turn that misses WeChat's deadline). */
function slowFor(text: string, delayMs: number, inner: ScriptedRecognizer) {
  return {
    async recognize(t: string) {
      if (t === text) await new Promise((r) => setTimeout(r, delayMs));
      return inner.recognize(t);
    },
    get calls() {
      return inner.calls;
    },
  } as unknown as ScriptedRecognizer & { recognize: ScriptedRecognizer['recognize'] };
}

describe('WeChat channel on two instances sharing one store', () => {
  it('runs a message once when WeChat retries it on the other instance', async () => {
    const store = new EmbeddedStore(null);
    const recognizer = new ScriptedRecognizer({ 你好: 'greeting' });
    const env = { WECHAT_TOKEN: TOKEN, WECHAT_APP_ID: APP_ID, WECHAT_APP_SECRET: APP_SECRET, WECHAT_API_BASE: 'http://127.0.0.1:9' };
    const a = await startTestApp(env, { store, recognizer });
    const b = await startTestApp(env, { store, recognizer });
    try {
      const first = await push(a, withText('你好', '990001', 'openidTwo'));
      const retry = await push(b, withText('你好', '990001', 'openidTwo'));
      expect(parseWeChatXml(first.text).Content).toMatch(/您好/);
      expect(retry.text).toBe('success');
      expect(recognizer.calls).toBe(1);
    } finally {
      await a.close(1000);
      await b.close(1000).catch(() => undefined); // the shared store is already closed by a
    }
  });
});
