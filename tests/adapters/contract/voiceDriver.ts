/**
 * Voice on /api/voice/twilio, placed by the local Twilio stand-in (tests/adapters/voice/fakeTwilio.ts):
 * each user is one caller with a number of their own, their first message starts a call (the greeting is
 * not part of the reply), and what they say is speech Twilio recognised. A Reply is what the caller
 * heard: each spoken answer is one reply; a sentence that is a product and its price is that reply's
 * card (how a caller perceives a card on the phone); "按1，…；按2，…" / "Press 1 for …" are its choices.
 */
import { callerUserId } from '../../../adapters/voice';
import type { EncryptingStore } from '../../../storage/encryption';
import type { RunningApp } from '../../helpers/testApp';
import { Heard, TwilioCall, voiceEnv } from '../voice/fakeTwilio';
import { ChannelDriver, numericId, Reply } from './channelDriver';

const CARD_SENTENCE = /^(.+?)[，,] ?\d+(?:\.\d+)? ?(?:元|yuan)[。.]$/;
const CHOICE = /(?:按(\d)，([^；。]+))|(?:[Pp]ress (\d) for ([^;.]+))/g;

/** what a caller heard, as the contract reads replies */
export function fromHeard(heard: Heard): Reply[] {
  const replies: Reply[] = [];
  for (const { text } of heard.says) {
    const card = CARD_SENTENCE.exec(text);
    const choices = [...text.matchAll(CHOICE)].map((m) => (m[2] ?? m[4]).trim());
    const last = replies[replies.length - 1];
    if (card && last) (last.cards ??= []).push({ kind: 'spoken', title: card[1], text });
    else if (choices.length > 0 && last) last.choices = choices;
    else replies.push({ text });
  }
  return replies;
}

/** a mainland mobile number of the user's own */
const phoneOf = (userId: string) => `+861${String(3_000_000_000 + (numericId(userId) % 1_000_000_000)).slice(0, 10)}`;

export function voiceDriver(): ChannelDriver {
  let app: RunningApp;
  const calls = new Map<string, TwilioCall>();
  /** the user's call in progress, dialled afresh when there is none (or the last one hung up) */
  const callOf = async (userId: string): Promise<TwilioCall> => {
    const current = calls.get(userId);
    if (current?.last && current.last.gather) return current;
    const call = new TwilioCall(app, phoneOf(userId));
    const greeting = await call.start();
    if (greeting.status !== 200) throw new Error(`/api/voice/twilio answered ${greeting.status}: ${greeting.body}`);
    calls.set(userId, call);
    return call;
  };
  const heard = async (userId: string, act: (call: TwilioCall) => Promise<Heard>): Promise<Reply[]> => {
    const answer = await act(await callOf(userId));
    if (answer.status !== 200) throw new Error(`/api/voice/twilio answered ${answer.status}: ${answer.body}`);
    return fromHeard(answer);
  };
  return {
    name: 'voice',
    channelId: 'voice',
    start: async () => undefined,
    env: () => voiceEnv(),
    attach: (running) => (app = running),
    say: (userId, text) => heard(userId, (call) => call.speak(text)),
    // what a phone cannot pass on: sound the recogniser could not make into words
    sendUnsupported: (userId) => heard(userId, (call) => call.speak('…', 0.05)),
    channelUserId: (userId) => callerUserId(phoneOf(userId), (text) => (app.store as EncryptingStore).cipher.lookupHash(text)),
    proactive: 'a phone call is request/response: nothing can be said into a call without a pending Twilio webhook, and the bot does not place calls',
    stop: async () => undefined,
  };
}
