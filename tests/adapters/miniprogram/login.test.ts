/**
 * POST /api/miniprogram/login and unionid pushes: the proofs WeChat's servers give (the unionid behind a
 * wx.login code, the number behind the phone button's code, a signed push's UnionId) make the Mini Program
 * customer the same person as on the Official Account or any channel with that verified phone — their
 * history carries on. Nothing identifying comes back to the caller.
 */
import { ScriptedRecognizer } from '../../helpers/scriptedRecognizer';
import { RunningApp, startTestApp } from '../../helpers/testApp';
import { FakeMiniProgramApi, startFakeMiniProgramApi } from './fakeMiniProgramApi';
import { MP_APP_ID, MP_APP_SECRET, mpEnv, pushTo, textPush } from './miniProgramTestKit';

describe('Mini Program login and identity', () => {
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

  const mp = (openid: string) => app.directory.find({ channelId: 'miniprogram', userId: openid });
  const login = (body: unknown) => app.post('/api/miniprogram/login', body);

  it('a login code whose unionid is known from the Official Account makes both one customer', async () => {
    const oaCustomer = await app.verified.attach({ channelId: 'wechat', userId: 'oa-openid-1' }, { kind: 'unionid', value: 'union-1' });
    fake.loginCodes.set('code-1', { openid: 'mp-openid-1', unionid: 'union-1' });
    const r = await login({ code: 'code-1' });
    expect(r).toEqual({ status: 200, json: { linked: ['unionid'] } });
    expect(await mp('mp-openid-1')).toBe(oaCustomer);
    expect(JSON.stringify(r.json)).not.toMatch(/mp-openid-1|union-1/);
  });

  it('a customer who chatted in the Mini Program first keeps the history when the Official Account joins later', async () => {
    await pushTo(app.url, textPush('mp-openid-2', '你好'));
    await fake.waitForSends('mp-openid-2', 1);
    const mpCustomer = await mp('mp-openid-2');
    fake.loginCodes.set('code-2', { openid: 'mp-openid-2', unionid: 'union-2' });
    await login({ code: 'code-2' });
    expect(await app.verified.attach({ channelId: 'wechat', userId: 'oa-openid-2' }, { kind: 'unionid', value: 'union-2' })).toBe(mpCustomer);
  });

  it('the phone button’s number joins the customer with that verified phone elsewhere, and is never echoed', async () => {
    const caller = await app.verified.attach({ channelId: 'voice', userId: 'caller-hash-3' }, { kind: 'phone', value: '+8613900001234' });
    fake.loginCodes.set('code-3', { openid: 'mp-openid-3' });
    fake.phoneCodes.set('phone-3', { purePhoneNumber: '13900001234', countryCode: '86' });
    const r = await login({ code: 'code-3', phoneCode: 'phone-3' });
    expect(r).toEqual({ status: 200, json: { linked: ['phone'] } });
    expect(JSON.stringify(r.json)).not.toMatch(/1390000|mp-openid-3/);
    expect(await mp('mp-openid-3')).toBe(caller);
  });

  it('a push carrying UnionId (signed by WeChat) joins the customer before the turn', async () => {
    const oaCustomer = await app.verified.attach({ channelId: 'wechat', userId: 'oa-openid-4' }, { kind: 'unionid', value: 'union-4' });
    await pushTo(app.url, { ...textPush('mp-openid-4', '你好'), UnionId: 'union-4' }, { format: 'xml' });
    await fake.waitForSends('mp-openid-4', 1);
    expect(await mp('mp-openid-4')).toBe(oaCustomer);
  });

  it('answers codes WeChat refuses with 400 naming the reason, and bad bodies with 400', async () => {
    expect(await login({ code: 'never-issued' })).toMatchObject({ status: 400, json: { error: { code: 'invalid_code' } } });
    fake.loginCodes.set('code-5', { openid: 'mp-openid-5' });
    expect((await login({ code: 'code-5' })).status).toBe(200);
    expect(await login({ code: 'code-5' })).toMatchObject({ status: 400, json: { error: { code: 'code_used' } } });
    fake.loginCodes.set('code-6', { openid: 'mp-openid-6' });
    expect(await login({ code: 'code-6', phoneCode: 'bad-phone-code' })).toMatchObject({ status: 400, json: { error: { code: 'invalid_code' } } });
    for (const body of [{}, { code: '' }, { code: 'a b' }, { code: 'x', openid: 'spoofed' }, 'not json']) {
      const r = await login(body);
      expect(r.status).toBe(400);
      expect(r.json.error.code).toEqual(expect.any(String));
    }
  });
});
