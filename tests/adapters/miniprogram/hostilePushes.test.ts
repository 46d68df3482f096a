/**
 * Generated hostile input behind a valid signature: any JSON value, any text, pushes with fields of the
 * wrong shape, and any login body are a 2xx or a 4xx naming the problem — never a 500, never a polluted
 * Object.prototype, and the app keeps answering.
 */
import fc from 'fast-check';
import { ScriptedRecognizer } from '../../helpers/scriptedRecognizer';
import { RunningApp, startTestApp } from '../../helpers/testApp';
import { FakeMiniProgramApi, startFakeMiniProgramApi } from './fakeMiniProgramApi';
import { MP_APP_ID, MP_APP_SECRET, mpEnv, pushTo, textPush } from './miniProgramTestKit';

describe('Mini Program hostile pushes and login bodies', () => {
  let app: RunningApp;
  let fake: FakeMiniProgramApi;
  beforeAll(async () => {
    fake = await startFakeMiniProgramApi(MP_APP_ID, MP_APP_SECRET);
    app = await startTestApp(mpEnv(fake.url), { recognizer: new ScriptedRecognizer({ 你好: 'greeting' }) });
  });
  afterAll(async () => {
    await app.close(1000);
    await fake.close();
  });

  const neverFails = (status: number) => expect(status === 200 || (status >= 400 && status < 500)).toBe(true);

  it('any JSON value or text as a signed push: 200 or 4xx', async () => {
    const bodies = fc.oneof(
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.string({ maxLength: 300 }),
      fc.string({ maxLength: 200 }).map((s) => `<xml>${s}</xml>`),
      // a well-formed push with one field replaced by anything
      fc.tuple(fc.constantFrom('ToUserName', 'FromUserName', 'CreateTime', 'MsgType', 'MsgId', 'Content', 'PagePath', 'List', '__proto__'), fc.jsonValue()).map(([key, value]) =>
        JSON.stringify({ ...textPush('mp-fuzz', '你好'), [key]: value }),
      ),
    );
    await fc.assert(
      fc.asyncProperty(bodies, fc.constantFrom('json', 'xml') as fc.Arbitrary<'json' | 'xml'>, async (body, format) => {
        neverFails((await pushTo(app.url, undefined, { body, format })).status);
      }),
      { numRuns: 150 },
    );
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect((await pushTo(app.url, textPush('mp-after-fuzz', '你好'))).text).toBe('success');
    await fake.waitForSends('mp-after-fuzz', 1);
  });

  it('any login body: 4xx naming the problem, never a 500', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue(), fc.record({ code: fc.jsonValue(), phoneCode: fc.jsonValue() }, { requiredKeys: [] })), async (body) => {
        const r = await app.post('/api/miniprogram/login', JSON.stringify(body));
        neverFails(r.status);
        if (r.status !== 200) expect(r.json.error.code).toEqual(expect.any(String));
      }),
      { numRuns: 100 },
    );
  });
});
