/**
 * Hostile XML behind a valid signature: prototype-named elements, absurd nesting and elements of the
 * wrong shape are a 400 that says what is wrong — never a 500, never a failed turn, never a polluted
 * Object.prototype.
 */
import { WeChatCipher, wechatSignature } from '../../../adapters/wechatKit/wechatCrypto';
import { ScriptedRecognizer } from '../../helpers/scriptedRecognizer';
import { RunningApp, startTestApp } from '../../helpers/testApp';
import * as samples from './samplePayloads';
import { freshNonce, nowSeconds, plaintextEnv, push, signedQuery, withText } from './wechatTestKit';

const inside = (extra: string, msgId: string) => withText('你好', msgId, 'openidHostile').replace('</xml>', `${extra}</xml>`);
const deep = (depth: number) => '<a>'.repeat(depth) + 'x' + '</a>'.repeat(depth);

const hostile: [string, string][] = [
  ['a <constructor> element', inside('<constructor>x</constructor>', '700001')],
  ['a <__proto__> element', inside('<__proto__><polluted>yes</polluted></__proto__>', '700002')],
  ['a <prototype> element', inside('<prototype>x</prototype>', '700003')],
  ['8,000-deep nesting', inside(deep(8000), '700004')],
  ['8,000-deep nesting as the whole body', `<xml>${deep(8000)}</xml>`],
  ['a nested element where text belongs', withText('你好', '700005', 'openidHostile').replace('<![CDATA[你好]]>', '<b>你好</b>')],
  ['a repeated Content', inside('<Content>again</Content>', '700006')],
  ['a non-numeric CreateTime', withText('你好', '700007', 'openidHostile').replace('1348831860', 'yesterday')],
];

describe('WeChat hostile XML with a valid signature', () => {
  let app: RunningApp;
  let recognizer: ScriptedRecognizer;
  beforeAll(async () => {
    recognizer = new ScriptedRecognizer({ 你好: 'greeting' });
    app = await startTestApp(plaintextEnv('http://127.0.0.1:9'), { recognizer });
  });
  afterAll(() => app.close(1000));

  it.each(hostile)('answers %s with a 400 naming the problem, and runs nothing', async (_name, body) => {
    const before = recognizer.calls;
    const r = await push(app, body);
    expect(r.status).toBe(400);
    const { error } = JSON.parse(r.text) as { error: { code: string; message: string } };
    expect(['malformed_xml', 'invalid_message']).toContain(error.code);
    expect(error.message.length).toBeGreaterThan(5);
    expect(recognizer.calls).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('WeChat hostile XML inside a valid safe-mode envelope', () => {
  const s = samples.safeMode;
  it('answers a prototype element or deep nesting in the decrypted message with 400', async () => {
    const app = await startTestApp(
      { WECHAT_TOKEN: s.token, WECHAT_APP_ID: s.appId, WECHAT_APP_SECRET: 'secret-0123456789', WECHAT_ENCODING_AES_KEY: s.encodingAesKey, WECHAT_API_BASE: 'http://127.0.0.1:9' },
      { recognizer: new ScriptedRecognizer() },
    );
    try {
      const cipher = new WeChatCipher(s.encodingAesKey, s.appId);
      // 2,000 deep: 8,000 would pass the 64 KB body limit once encrypted (a 413 before any parsing)
      for (const inner of [inside('<__proto__>x</__proto__>', '700101'), inside(deep(2000), '700102')]) {
        const encrypt = cipher.encrypt(inner);
        const ts = nowSeconds();
        const nonce = freshNonce();
        const query = signedQuery(s.token, { encrypt_type: 'aes', msg_signature: wechatSignature(s.token, ts, nonce, encrypt) }, ts, nonce);
        const r = await push(app, `<xml><ToUserName><![CDATA[gh_x]]></ToUserName><Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`, query);
        expect(r.status).toBe(400);
      }
    } finally {
      await app.close(1000);
    }
  });
});
