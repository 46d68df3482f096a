/**
 * A local stand-in for Twilio's side of a phone call: it posts to the bot's webhook what Twilio posts
 * (form-encoded call parameters, signed with the twilio package's own signature function over the
 * public URL), reads the TwiML answer like Twilio would (what is said, in which language, where the
 * next <Gather> posts, <Redirect>, <Dial>, <Hangup>) and follows it: speech and keys go to the Gather's
 * action, silence to the Redirect. Nothing leaves 127.0.0.1.
 */
import crypto from 'node:crypto';
import { XMLParser } from 'fast-xml-parser';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';

export const AUTH_TOKEN = '5f1a0c3e9b7d42a8c6e0f4b2d8a1c7e3';
export const PUBLIC_URL = 'https://voice.shop.example';
export const WEBHOOK = `${PUBLIC_URL}/api/voice/twilio`;
export const STORE_NUMBER = '+862161234567';

/** where the bot listens (a RunningApp, or a bare server in route tests) */
export interface Reachable {
  url: string;
}

export const voiceEnv = (extra: Record<string, string> = {}): Record<string, string> => ({ TWILIO_AUTH_TOKEN: AUTH_TOKEN, VOICE_PUBLIC_URL: PUBLIC_URL, ...extra });

export interface Heard {
  status: number;
  /** every <Say>, in order, with its language */
  says: { text: string; language?: string }[];
  gather?: Record<string, string>;
  redirect?: string;
  dial?: string;
  hangup: boolean;
  /** the raw body (TwiML, or the JSON error) */
  body: string;
}

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, trimValues: true });

type Node = Record<string, any> & { ':@'?: Record<string, string> };
const nameOf = (node: Node) => Object.keys(node).find((k) => k !== ':@')!;
const textOf = (children: Node[]) => children.map((c) => c['#text'] ?? '').join('');

/** What the caller hears and what Twilio does next, read from a TwiML document. */
export function readTwiml(status: number, body: string): Heard {
  const heard: Heard = { status, says: [], hangup: false, body };
  if (status !== 200) return heard;
  const [response] = (parser.parse(body) as Node[]).filter((n) => nameOf(n) === 'Response');
  const walk = (nodes: Node[]) => {
    for (const node of nodes) {
      const name = nameOf(node);
      const attrs = node[':@'] ?? {};
      if (name === 'Say') heard.says.push({ text: textOf(node.Say), language: attrs.language });
      if (name === 'Gather') {
        heard.gather = attrs;
        walk(node.Gather);
      }
      if (name === 'Redirect') heard.redirect = textOf(node.Redirect);
      if (name === 'Dial') heard.dial = textOf(node.Dial);
      if (name === 'Hangup') heard.hangup = true;
    }
  };
  walk(response.Response);
  return heard;
}

/** Posts to the bot as Twilio would post to `publicUrl`; `signature` overrides the real one. */
export async function postAsTwilio(app: Reachable, publicUrl: string, params: Record<string, string>, options: { signature?: string; authToken?: string; contentType?: string; body?: string } = {}): Promise<Heard> {
  const local = app.url + publicUrl.slice(PUBLIC_URL.length);
  const signature = options.signature ?? getExpectedTwilioSignature(options.authToken ?? AUTH_TOKEN, publicUrl, params);
  const res = await fetch(local, {
    method: 'POST',
    headers: { 'content-type': options.contentType ?? 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
    body: options.body ?? new URLSearchParams(params).toString(),
  });
  return readTwiml(res.status, await res.text());
}

export const newCallSid = (): string => `CA${crypto.randomBytes(16).toString('hex')}`;

/** One phone call from `from` to the store, played step by step. */
export class TwilioCall {
  readonly callSid = newCallSid();
  /** what the last answer told Twilio to do next */
  last?: Heard;

  constructor(
    private readonly app: Reachable,
    readonly from: string,
  ) {}

  private params(extra: Record<string, string> = {}): Record<string, string> {
    return {
      AccountSid: 'AC0123456789abcdef0123456789abcdef',
      ApiVersion: '2010-04-01',
      CallSid: this.callSid,
      CallStatus: 'in-progress',
      Direction: 'inbound',
      From: this.from,
      Caller: this.from,
      To: STORE_NUMBER,
      Called: STORE_NUMBER,
      ...extra,
    };
  }

  private async post(url: string, extra: Record<string, string> = {}): Promise<Heard> {
    this.last = await postAsTwilio(this.app, url, this.params(extra));
    return this.last;
  }

  private gatherAction(): string {
    const action = this.last?.gather?.action;
    if (!action) throw new Error(`the last answer had no <Gather> to speak into: ${this.last?.body}`);
    return action;
  }

  /** The number rings: Twilio calls the webhook configured for "A call comes in". */
  start(): Promise<Heard> {
    return this.post(WEBHOOK, { CallStatus: 'ringing' });
  }

  /** The caller speaks; Twilio posts its transcript to the Gather's action. */
  speak(text: string, confidence = 0.92): Promise<Heard> {
    return this.post(this.gatherAction(), { SpeechResult: text, Confidence: String(confidence) });
  }

  /** The caller presses keys. */
  press(digits: string): Promise<Heard> {
    return this.post(this.gatherAction(), { Digits: digits });
  }

  /** The Gather times out without input: Twilio goes on to the <Redirect> after it. */
  silence(): Promise<Heard> {
    const redirect = this.last?.redirect;
    if (!redirect) throw new Error(`the last answer had no <Redirect> for silence: ${this.last?.body}`);
    return this.post(redirect);
  }
}

/** Everything said in one answer, as one text. */
export const spoken = (heard: Heard): string => heard.says.map((s) => s.text).join('\n');
