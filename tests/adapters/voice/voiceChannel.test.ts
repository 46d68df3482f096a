/**
 * Phone calls on /api/voice/twilio against the real app (real NLU, demo store), placed by the local
 * Twilio stand-in: signatures, the greeting, a spoken turn, a key that picks the choice read out, silence,
 * the transfer to the human line, and the caller's number linking to the customer who proved it elsewhere.
 */
import { OrderService } from '../../../services/orders';
import { demoOrders } from '../../../services/orders/demo/demoOrders';
import { ADMIN_TOKEN, RunningApp, startTestApp } from '../../helpers/testApp';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { AUTH_TOKEN, newCallSid, postAsTwilio, spoken, TwilioCall, voiceEnv, WEBHOOK } from './fakeTwilio';

const HUMAN_LINE = '+862160001234';
let app: RunningApp;
beforeAll(async () => {
  app = await startTestApp({ DEMO_DATA: 'true', ...voiceEnv({ VOICE_HUMAN_NUMBER: HUMAN_LINE }) });
}, 60_000);
afterAll(() => app.close(1000));

let caller = 13800000100;
const nextNumber = () => `+86${++caller}`;
const call = () => new TwilioCall(app, nextNumber());
const callSpeaking = async (...utterances: string[]) => {
  const c = call();
  await c.start();
  for (const u of utterances) await c.speak(u);
  return c;
};

describe('signature', () => {
  const start = () => ({ CallSid: newCallSid(), From: nextNumber(), To: '+862161234567', CallStatus: 'ringing' });

  it('a call Twilio signed is greeted, in Chinese by default, and listened to for speech and keys', async () => {
    const heard = await call().start();
    expect(heard.status).toBe(200);
    expect(heard.says[0]).toEqual({ text: expect.stringMatching(/^您好，欢迎致电/), language: 'zh-CN' });
    expect(heard.says[1]).toEqual({ text: 'For English, press 9.', language: 'en-US' });
    expect(heard.gather).toMatchObject({ input: 'speech dtmf', language: 'cmn-Hans-CN', speechTimeout: 'auto', action: `${WEBHOOK}?language=zh-CN`, numDigits: '1' });
    expect(heard.redirect).toBe(`${WEBHOOK}?language=zh-CN&event=silence`);
  });

  it('a forged, re-signed or tampered request is refused with 403 and nothing is said', async () => {
    const params = start();
    const forged = await postAsTwilio(app, WEBHOOK, params, { signature: 'bm90IGEgc2lnbmF0dXJl' });
    const otherToken = await postAsTwilio(app, WEBHOOK, params, { authToken: 'ffffffffffffffffffffffffffffffff' });
    const missing = await postAsTwilio(app, WEBHOOK, params, { signature: '' });
    // signed for one caller, sent with another number: the signature covers every parameter
    const tampered = await postAsTwilio(app, WEBHOOK, params, { body: new URLSearchParams({ ...params, From: '+8613911112222' }).toString() });
    // signed for English, sent to the Chinese URL: the signature covers the query too
    const otherUrl = await postAsTwilio(app, `${WEBHOOK}?language=zh-CN`, params, { signature: getExpectedTwilioSignature(AUTH_TOKEN, `${WEBHOOK}?language=en-US`, params) });
    for (const r of [forged, otherToken, missing, tampered]) {
      expect(r.status).toBe(403);
      expect(JSON.parse(r.body)).toEqual({ error: { code: 'bad_signature', message: expect.any(String) } });
      expect(r.says).toEqual([]);
    }
    expect(otherUrl.status).toBe(403);
  });

  it('malformed requests are a 400 naming what is wrong, signed or not', async () => {
    const noSid = await postAsTwilio(app, WEBHOOK, { From: nextNumber(), CallStatus: 'ringing' });
    expect(noSid.status).toBe(400);
    expect(JSON.parse(noSid.body).error).toEqual({ code: 'invalid_request', message: expect.stringMatching(/CallSid/) });
    const badQuery = await postAsTwilio(app, `${WEBHOOK}?language=fr-FR`, start());
    expect(badQuery.status).toBe(400);
    expect(JSON.parse(badQuery.body).error.code).toBe('invalid_query');
    const json = await postAsTwilio(app, WEBHOOK, start(), { contentType: 'application/json', body: '{}' });
    expect(json.status).toBe(400);
    expect(JSON.parse(json.body).error.code).toBe('unsupported_content_type');
    const badDigits = await postAsTwilio(app, WEBHOOK, { ...start(), Digits: '12<script>' });
    expect(badDigits.status).toBe(400);
  });
});

describe('a conversation by voice', () => {
  it('speech → the bot’s question read out with at most three keyed choices', async () => {
    const c = await callSpeaking('推荐一款保湿面霜');
    const heard = c.last!;
    expect(spoken(heard)).toMatch(/肤质/);
    expect(spoken(heard)).toContain('按1，干皮；按2，油皮；按3，混合皮。');
    expect(spoken(heard)).not.toMatch(/按4/);
    expect(heard.gather).toMatchObject({ numDigits: '1', language: 'cmn-Hans-CN' });
  });

  it('DTMF 2 picks the second choice read out last turn', async () => {
    const c = await callSpeaking('推荐一款保湿面霜');
    const heard = await c.press('2');
    expect(spoken(heard)).toMatch(/记下啦：油皮/);
    expect(spoken(heard)).toMatch(/预算/);
  });

  it('a key that is not an option says so and reads the choices again', async () => {
    const c = await callSpeaking('推荐一款保湿面霜');
    const heard = await c.press('7');
    expect(spoken(heard)).toMatch(/没有这个选项/);
    expect(spoken(heard)).toContain('按1，干皮');
  });

  it('recommendations: each product one sentence with its price in yuan, no links, no ¥', async () => {
    const c = await callSpeaking('推荐一款保湿面霜', '干皮', '300以内');
    const heard = await c.speak('滋润');
    const text = spoken(heard);
    expect(text).toMatch(/为您挑了 3 款/);
    expect(heard.says.filter((s) => /，\d+元。$/.test(s.text))).toHaveLength(3);
    expect(text).not.toMatch(/https?:|¥|了解这款/);
    expect(text).toMatch(/按1，了解一下/);
  });

  it('English speech → English answer, and the next speech is recognised in English', async () => {
    const c = await callSpeaking('hello');
    expect(c.last!.says.every((s) => s.language === 'en-US')).toBe(true);
    expect(spoken(c.last!)).toMatch(/Hello/);
    expect(c.last!.gather).toMatchObject({ language: 'en-US', action: `${WEBHOOK}?language=en-US` });
  });

  it('9 at the greeting switches the call to English', async () => {
    const c = call();
    await c.start();
    const heard = await c.press('9');
    expect(heard.says[0]).toEqual({ text: expect.stringMatching(/^Hello, thank you for calling/), language: 'en-US' });
    expect(heard.gather?.language).toBe('en-US');
  });

  it('noise (low confidence) → asked to say it again', async () => {
    const c = call();
    await c.start();
    const heard = await c.speak('嗯啊', 0.1);
    expect(spoken(heard)).toMatch(/没听清楚/);
    expect(heard.gather).toBeDefined();
  });

  it('silence once → asked again; twice → goodbye and the call ends', async () => {
    const c = await callSpeaking('推荐一款保湿面霜');
    const first = await c.silence();
    expect(spoken(first)).toMatch(/您还在吗/);
    expect(spoken(first)).toContain('按1，干皮');
    expect(first.hangup).toBe(false);
    const second = await c.silence();
    expect(spoken(second)).toMatch(/再见/);
    expect(second.hangup).toBe(true);
    expect(second.gather).toBeUndefined();
  });

  it('speaking in between starts the silence count again', async () => {
    const c = call();
    await c.start();
    await c.silence();
    await c.speak('你好');
    const heard = await c.silence();
    expect(heard.hangup).toBe(false);
  });
});

describe('handoff', () => {
  it('asking for a person → told, then dialled through to the human line', async () => {
    const c = await callSpeaking('转人工');
    expect(c.last!.dial).toBe(HUMAN_LINE);
    expect(spoken(c.last!)).toMatch(/正在为您转接人工客服/);
    expect(c.last!.gather).toBeUndefined();
  });

  it('0 goes to a person from anywhere in the call', async () => {
    const c = call();
    await c.start();
    const heard = await c.press('0');
    expect(heard.dial).toBe(HUMAN_LINE);
  });
});

describe('who is calling', () => {
  it('the caller’s number joins the customer who verified that phone elsewhere: their orders, their history', async () => {
    const owner = await app.verified.attach({ channelId: 'app', userId: 'voice-phone-owner' }, { kind: 'phone', value: '13912345678' });
    await new OrderService(app.store).insert(demoOrders(owner).map((o) => ({ ...o, _id: `7301${o._id.slice(4)}` })));
    const c = new TwilioCall(app, '+8613912345678');
    await c.start();
    const heard = await c.speak('我的快递到哪了');
    expect(spoken(heard)).toMatch(/7 3 0 1、0 0 0 0、0 0 0 0、0 1 0 3/);
    const customer = await app.get(`/api/admin/customers/${owner}`, { authorization: `Bearer ${ADMIN_TOKEN}` });
    const identities: { channelId: string; userId: string }[] = customer.json.identities;
    const voice = identities.filter((i) => i.channelId === 'voice');
    expect(voice).toHaveLength(1);
    expect(JSON.stringify(customer.json)).not.toMatch(/13912345678/);
  });

  it('a withheld number is this call only: it is not linked to anyone and hears no one’s orders', async () => {
    const c = new TwilioCall(app, 'anonymous');
    await c.start();
    const heard = await c.speak('我的快递到哪了');
    expect(spoken(heard)).not.toMatch(/7 3 0 1/);
    const found = await app.get(`/api/admin/customers?channelId=voice&userId=${encodeURIComponent(`call:${c.callSid}`)}`, { authorization: `Bearer ${ADMIN_TOKEN}` });
    expect(found.json.items).toHaveLength(1);
    expect(found.json.items[0].identities).toHaveLength(1);
  });
});
