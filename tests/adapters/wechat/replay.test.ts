/**
 * Replays of a signed WeChat request. In plaintext mode the signature covers only (token, timestamp,
 * nonce), not the body: one logged URL would let anyone post as any openid. The timestamp must be
 * within ±5 minutes and a (timestamp, nonce, signature) is accepted for one body only, remembered in the
 * store so the rule holds across instances. WeChat's own retry (same request, same body) is still
 * answered once, through the MsgId de-duplication.
 */
import express from 'restify';
import { registerWeChatChannel } from '../../../adapters/wechat';
import { WeChatCipher, wechatSignature } from '../../../adapters/wechatKit/wechatCrypto';
import { parseWeChatXml } from '../../../adapters/wechatKit/wechatXml';
import type { Logger } from '../../../platform/logger';
import { EmbeddedStore } from '../../../storage';
import { ScriptedRecognizer } from '../../helpers/scriptedRecognizer';
import { RunningApp, startTestApp } from '../../helpers/testApp';
import * as samples from './samplePayloads';
import { APP_ID, APP_SECRET, freshNonce, nowSeconds, plaintextEnv, push, signedQuery, TOKEN, withText } from './wechatTestKit';

const errorCode = (text: string) => (JSON.parse(text) as { error: { code: string; message: string } }).error;

describe('WeChat replay protection (plaintext mode)', () => {
  let app: RunningApp;
  let recognizer: ScriptedRecognizer;
  const store = new EmbeddedStore(null);
  beforeAll(async () => {
    recognizer = new ScriptedRecognizer({ 你好: 'greeting' });
    app = await startTestApp(plaintextEnv('http://127.0.0.1:9'), { store, recognizer });
  });
  afterAll(() => app.close(1000));

  it('refuses a timestamp more than 5 minutes old or ahead with 401 stale_timestamp, and runs nothing', async () => {
    const before = recognizer.calls;
    // each stamp is taken just before its request and 30 s past the window, so a slow machine cannot
    // carry a "too new" stamp back inside the window while the previous request runs
    for (const skew of [-330, 330, null]) {
      const ts = skew === null ? 1700000000 : Number(nowSeconds()) + skew;
      const r = await push(app, withText('你好', String(800000 + ts % 1000), 'openidStale'), signedQuery(TOKEN, {}, String(ts)));
      expect(r.status).toBe(401);
      expect(errorCode(r.text)).toMatchObject({ code: 'stale_timestamp', message: expect.stringMatching(/5 minutes/) });
    }
    expect(recognizer.calls).toBe(before);
    const fresh = await push(app, withText('你好', '800100', 'openidStale'), signedQuery(TOKEN, {}, String(Number(nowSeconds()) - 200)));
    expect(parseWeChatXml(fresh.text).Content).toMatch(/您好/);
  });

  it('refuses a logged signed URL reused with another body with 403 replayed_request', async () => {
    const query = signedQuery(TOKEN);
    const first = await push(app, withText('你好', '800200', 'openidVictim'), query);
    expect(parseWeChatXml(first.text).Content).toMatch(/您好/);
    const before = recognizer.calls;
    const forged = await push(app, withText('你好', '800201', 'openidSomeoneElse'), query);
    expect(forged.status).toBe(403);
    expect(errorCode(forged.text)).toMatchObject({ code: 'replayed_request', message: expect.stringMatching(/already used/) });
    expect(recognizer.calls).toBe(before);
  });

  it('refuses the reuse on another instance sharing the store', async () => {
    const other = await startTestApp(plaintextEnv('http://127.0.0.1:9'), { store, recognizer });
    try {
      const query = signedQuery(TOKEN);
      expect((await push(app, withText('你好', '800300', 'openidOne'), query)).status).toBe(200);
      expect((await push(other, withText('你好', '800301', 'openidTwo'), query)).status).toBe(403);
    } finally {
      await other.server.close();
    }
  });

  it("still answers WeChat's own retry (same request, same body) once", async () => {
    const before = recognizer.calls;
    const query = signedQuery(TOKEN);
    const message = withText('你好', '800400', 'openidRetried');
    expect(parseWeChatXml((await push(app, message, query)).text).Content).toMatch(/您好/);
    const retry = await push(app, message, query);
    expect(retry.status).toBe(200);
    expect(retry.text).toBe('success');
    expect(recognizer.calls).toBe(before + 1);
  });

  it('keeps the URL verification working, within the window', async () => {
    const ok = await fetch(`${app.url}/api/wechat?${signedQuery(TOKEN, { echostr: '987654321' })}`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('987654321');
    const stale = await fetch(`${app.url}/api/wechat?${signedQuery(TOKEN, { echostr: '987654321' }, '1409735669')}`);
    expect(stale.status).toBe(401);
  });
});

describe('WeChat replay protection (safe mode)', () => {
  const s = samples.safeMode;
  it('refuses a correctly signed and encrypted message whose timestamp is outside the window', async () => {
    const app = await startTestApp(
      { WECHAT_TOKEN: s.token, WECHAT_APP_ID: s.appId, WECHAT_APP_SECRET: APP_SECRET, WECHAT_ENCODING_AES_KEY: s.encodingAesKey, WECHAT_API_BASE: 'http://127.0.0.1:9' },
      { recognizer: new ScriptedRecognizer({ 你好: 'greeting' }) },
    );
    try {
      const body = `<xml><ToUserName><![CDATA[${s.account}]]></ToUserName><Encrypt><![CDATA[${s.encrypt}]]></Encrypt></xml>`;
      // the documented sample, exactly as WeChat signed it in 2014
      const old = signedQuery(s.token, { encrypt_type: 'aes', msg_signature: s.msgSignature }, s.timestamp, s.nonce);
      const r = await push(app, body, old);
      expect(r.status).toBe(401);
      expect(errorCode(r.text).code).toBe('stale_timestamp');
      // the same ciphertext signed now is accepted, once per (timestamp, nonce, signature)
      const ts = nowSeconds();
      const nonce = freshNonce();
      const now = signedQuery(s.token, { encrypt_type: 'aes', msg_signature: wechatSignature(s.token, ts, nonce, s.encrypt) }, ts, nonce);
      expect((await push(app, body, now)).status).toBe(200);
      const other = new WeChatCipher(s.encodingAesKey, s.appId).encrypt(withText('你好', '800500', 'openidSafe'));
      const forged = `<xml><ToUserName><![CDATA[${s.account}]]></ToUserName><Encrypt><![CDATA[${other}]]></Encrypt></xml>`;
      expect((await push(app, forged, now)).status).toBe(401); // msg_signature covers the ciphertext
    } finally {
      await app.close(1000);
    }
  });
});

describe('WeChat plaintext mode in production', () => {
  const run = (production: boolean, encodingAesKey?: string) => {
    const warnings: string[] = [];
    const logger = { warn: (_o: unknown, msg?: string) => warnings.push(String(msg ?? _o)), info: () => undefined, error: () => undefined } as unknown as Logger;
    const server = express.createServer();
    registerWeChatChannel(server, {
      token: TOKEN,
      appId: APP_ID,
      appSecret: APP_SECRET,
      encodingAesKey,
      apiBase: 'http://127.0.0.1:9',
      replyDeadlineMs: 4500,
      production,
      logger,
      store: new EmbeddedStore(null),
      bot: { run: async () => undefined, handleTurnError: async () => undefined },
    });
    return warnings;
  };

  it('warns loudly at startup, naming WECHAT_ENCODING_AES_KEY, unless safe mode is on', () => {
    expect(run(true).join('\n')).toMatch(/WECHAT_ENCODING_AES_KEY/);
    expect(run(true, samples.safeMode.encodingAesKey)).toHaveLength(0);
    expect(run(false)).toHaveLength(0);
  });
});
