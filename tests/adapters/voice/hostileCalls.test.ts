/**
 * Generated hostile requests on /api/voice/twilio (fast-check): correctly signed form bodies with odd
 * keys, values, sizes and queries, unsigned ones, and bodies that are not forms at all. Each must get a
 * 2xx (TwiML) or a 4xx (JSON error) — never a 5xx — and the server keeps answering.
 */
import fc from 'fast-check';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { AUTH_TOKEN, newCallSid, spoken, TwilioCall, WEBHOOK } from './fakeTwilio';
import { startVoice } from './voiceHarness';

const twilioValue = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('', 'anonymous', '+8613800138000', '+266696687', '0.1', '1', '#', '*', '12#', 'NaN', '-1', '2'), fc.string({ unit: 'grapheme', maxLength: 200 }));
const params = fc.record(
  {
    CallSid: fc.oneof(fc.constant(undefined), fc.constant('valid'), fc.string({ maxLength: 40 })),
    From: twilioValue,
    SpeechResult: twilioValue,
    Confidence: twilioValue,
    Digits: twilioValue,
    extra: fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), fc.string({ maxLength: 20 }), { maxKeys: 4 }),
  },
  { requiredKeys: [] },
);
const query = fc.constantFrom('', '?language=zh-CN', '?language=en-US&event=silence', '?language=xx', '?event=nope', '?language=zh-CN&language=en-US', '?%zz');

it('2xx or 4xx, never 5xx, for generated Twilio requests', async () => {
  const voice = await startVoice(async (context) => void (await context.sendActivity({ type: 'message', text: '好的，¥99 🎉 https://x.example', suggestedActions: { actions: [{ type: 'imBack', title: 'A', value: 'A' }], to: [] } })));
  const statuses = new Map<number, number>();
  try {
    const c = new TwilioCall(voice, '+8613800138000');
    await c.start();
    expect(spoken(await c.speak('你好'))).toContain('好的，99元');
    await fc.assert(
      fc.asyncProperty(params, query, fc.boolean(), fc.boolean(), async (p, q, signed, form) => {
        const { extra = {}, ...known } = p;
        const fields: Record<string, string> = { ...extra };
        for (const [k, v] of Object.entries(known)) if (v !== undefined) fields[k] = k === 'CallSid' && v === 'valid' ? newCallSid() : String(v);
        const url = `${WEBHOOK}${q}`;
        const body = form ? new URLSearchParams(fields).toString() : JSON.stringify(fields);
        const res = await fetch(voice.url + url.slice(WEBHOOK.length - '/api/voice/twilio'.length), {
          method: 'POST',
          headers: { 'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json', 'x-twilio-signature': signed ? getExpectedTwilioSignature(AUTH_TOKEN, url, fields) : 'x' },
          body,
        });
        await res.text();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        return res.status < 500;
      }),
      { numRuns: 300 },
    );
    expect((await fetch(`${voice.url}/healthz`)).status).toBe(200);
    // the generator reaches the signature check and the validation alike (a turn, at times: not counted on)
    expect(statuses.get(403)).toBeGreaterThan(0);
    expect(statuses.get(400)).toBeGreaterThan(0);
  } finally {
    await voice.close();
  }
}, 60_000);
