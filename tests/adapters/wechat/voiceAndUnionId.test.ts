/**
 * The Official Account's issue-14 additions end to end (the real app, WeChat and an OpenAI-compatible
 * transcription endpoint as local fakes): voice WeChat did not recognise is downloaded and transcribed,
 * or answered with "please type"; the customer's unionid (user/info) joins them to the same person on
 * another channel before their turn.
 */
import { UNIONID_COLLECTION } from '../../../adapters/wechat/unionIds';
import { parseWeChatXml } from '../../../adapters/wechatKit/wechatXml';
import { ScriptedRecognizer } from '../../helpers/scriptedRecognizer';
import { ADMIN_TOKEN, RunningApp, startTestApp } from '../../helpers/testApp';
import { FakeTranscriptionApi, startFakeTranscriptionApi } from '../../platform/fakeTranscriptionApi';
import { FakeWeChatApi, startFakeWeChatApi } from './fakeWeChatApi';
import * as samples from './samplePayloads';
import { APP_ID, APP_SECRET, plaintextEnv, push, withText } from './wechatTestKit';

/** A voice push WeChat did not recognise, from `openid`, with its own MsgId and MediaId. */
const voice = (openid: string, msgId: string, mediaId: string) =>
  samples.voiceWithoutRecognition.replace('oia2TjjewbmiOUlr6X-1crbLOvLw', openid).replace('1234567890123458', msgId).replace('media_id_2', mediaId);

describe('WeChat Official Account: voice transcription and unionid', () => {
  let app: RunningApp;
  let wechat: FakeWeChatApi;
  let asr: FakeTranscriptionApi;
  let recognizer: ScriptedRecognizer;
  beforeAll(async () => {
    wechat = await startFakeWeChatApi(APP_ID, APP_SECRET);
    // the fake "hears" the uploaded bytes as text
    asr = await startFakeTranscriptionApi('asr-key');
    recognizer = new ScriptedRecognizer({ 推荐: 'recommendation', 你好: 'greeting' });
    app = await startTestApp(
      { ...plaintextEnv(wechat.url), TRANSCRIPTION_BASE_URL: asr.url, TRANSCRIPTION_API_KEY: 'asr-key', WECHAT_REPLY_DEADLINE_MS: '4000' },
      { recognizer },
    );
  });
  afterAll(async () => {
    await app.close(1000);
    await Promise.all([wechat.close(), asr.close()]);
  });

  it('transcribes a voice without Recognition: media/get, a multipart upload, then a normal turn', async () => {
    const amr = Buffer.concat([Buffer.from('推荐')]);
    wechat.media.set('voice-1', { type: 'audio/amr', bytes: amr });
    const r = await push(app, voice('openidVoice1', '700001', 'voice-1'));
    expect(parseWeChatXml(r.text).Content).toMatch(/肤质/);
    expect(wechat.mediaRequests).toContain('voice-1');
    const upload = asr.uploads.at(-1)!;
    expect(upload.fileName).toBe('voice.amr');
    expect(upload.audio.equals(amr)).toBe(true);
    expect(upload.fields.model).toBe('whisper-1');
    expect(upload.authorization).toBe('Bearer asr-key');
  });

  it('asks the customer to type when nothing was heard, the media is gone, or the endpoint fails — without running the bot', async () => {
    wechat.media.set('voice-silent', { type: 'audio/amr', bytes: Buffer.from('   ') });
    const before = recognizer.calls;
    expect(parseWeChatXml((await push(app, voice('openidVoice2', '700002', 'voice-silent'))).text).Content).toMatch(/打字/);
    expect(parseWeChatXml((await push(app, voice('openidVoice2', '700003', 'voice-expired'))).text).Content).toMatch(/打字/);
    wechat.media.set('voice-3', { type: 'audio/amr', bytes: Buffer.from('推荐') });
    asr.failNext(500);
    expect(parseWeChatXml((await push(app, voice('openidVoice2', '700004', 'voice-3'))).text).Content).toMatch(/打字/);
    expect(recognizer.calls).toBe(before);
  });

  it('joins the WeChat customer to the person with the same unionid before the turn: the conversation carries on', async () => {
    // the same person proved the unionid on another channel (the Mini Program's login does this)
    const customerId = await app.verified.attach({ channelId: 'app', userId: 'appUnion1' }, { kind: 'unionid', value: 'o6_bmasdasdsad6_2sgVt7hMZOPfL' });
    expect((await app.say('appUnion1', '推荐')).join('\n')).toMatch(/肤质/);
    wechat.unionIds.set('openidUnion1', 'o6_bmasdasdsad6_2sgVt7hMZOPfL');
    const r = await push(app, withText('油皮', '700010', 'openidUnion1'));
    expect(parseWeChatXml(r.text).Content).toMatch(/改善/); // the skin-type question asked in the app is answered here
    expect(await app.directory.find({ channelId: 'wechat', userId: 'openidUnion1' })).toBe(customerId);
    // asked once: the next message needs no lookup; the store remembers the check, not the unionid
    await push(app, withText('你好', '700011', 'openidUnion1'));
    expect(wechat.userInfoRequests.filter((o) => o === 'openidUnion1')).toHaveLength(1);
    const checked = await app.store.collection(UNIONID_COLLECTION).findOne({ _id: 'openidUnion1' });
    expect(checked).toMatchObject({ hasUnionId: true });
    expect(JSON.stringify(checked)).not.toContain('o6_bmasdasdsad6_2sgVt7hMZOPfL');
  });

  it('the lookup kept for a customer’s openid is in their export and gone with their erasure', async () => {
    await push(app, withText('你好', '700040', 'openidErase1'));
    const customerId = (await app.directory.find({ channelId: 'wechat', userId: 'openidErase1' }))!;
    const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
    const exported = await app.get(`/api/admin/customers/${customerId}/export`, admin);
    expect(exported.status).toBe(200);
    expect(exported.json.wechatUnionIdChecks).toEqual([expect.objectContaining({ _id: 'openidErase1', hasUnionId: false })]);
    const erased = await app.request('DELETE', `/api/admin/customers/${customerId}`, undefined, admin);
    expect(erased.status).toBe(200);
    expect(await app.store.collection(UNIONID_COLLECTION).findOne({ _id: 'openidErase1' })).toBeNull();
  });

  it('keeps a customer without a unionid on their own, asked once', async () => {
    await push(app, withText('你好', '700020', 'openidNoUnion'));
    await push(app, withText('你好', '700021', 'openidNoUnion'));
    expect(wechat.userInfoRequests.filter((o) => o === 'openidNoUnion')).toHaveLength(1);
    const own = await app.directory.find({ channelId: 'wechat', userId: 'openidNoUnion' });
    expect(own).toBeDefined();
    expect(await app.directory.find({ channelId: 'app', userId: 'appUnion1' })).not.toBe(own);
  });

  it('does not hold the reply for a slow user/info: the late unionid is attached before the next turn', async () => {
    const customerId = await app.verified.attach({ channelId: 'app', userId: 'appUnion2' }, { kind: 'unionid', value: 'union-slow-2' });
    wechat.unionIds.set('openidUnion2', 'union-slow-2');
    const gate = wechat.holdUserInfo();
    const first = await push(app, withText('你好', '700030', 'openidUnion2'));
    expect(parseWeChatXml(first.text).Content).toMatch(/您好/); // answered passively, within WeChat's 5 s
    expect(await app.directory.find({ channelId: 'wechat', userId: 'openidUnion2' })).not.toBe(customerId);
    gate.release();
    await push(app, withText('你好', '700031', 'openidUnion2'));
    expect(await app.directory.find({ channelId: 'wechat', userId: 'openidUnion2' })).toBe(customerId);
  });
});
