/**
 * The TwiML the webhook answers with (twilio's VoiceResponse builds and escapes it). Three shapes:
 *   listen  — what to say inside <Gather input="speech dtmf"> (the caller may talk over it), then a
 *             <Redirect> back to the webhook marked as silence for when the Gather ends without input;
 *   dial    — what to say, then <Dial> to the store's human line;
 *   goodbye — what to say, then <Hangup/>.
 * Each <Say> carries its own language, so an English product name in a Chinese answer is still read by
 * the voice of the sentence it is in.
 */
import VoiceResponse from 'twilio/lib/twiml/VoiceResponse';
import type { EarLanguage } from './earText';
import type { SpokenLine } from './render';

/** the <Say> language, and the call's language in our own action URLs */
export const TWIML_LANGUAGE: Record<EarLanguage, 'zh-CN' | 'en-US'> = { zh: 'zh-CN', en: 'en-US' };
/** speech recognition's code for the same language (Twilio names Mandarin in mainland China cmn-Hans-CN) */
export const GATHER_LANGUAGE: Record<EarLanguage, 'cmn-Hans-CN' | 'en-US'> = { zh: 'cmn-Hans-CN', en: 'en-US' };

export interface ListenOptions {
  /** the language speech is recognised in */
  lang: EarLanguage;
  /** where Twilio posts what the caller said or pressed */
  action: string;
  /** where Twilio goes when the caller said and pressed nothing */
  onSilence: string;
  /** one key is a whole answer (a choice, 0 for a person); otherwise digits end with # */
  singleKey: boolean;
}

function say(parent: VoiceResponse | VoiceResponse.Gather, lines: SpokenLine[]): void {
  for (const line of lines) parent.say({ language: TWIML_LANGUAGE[line.lang] }, line.text);
}

export function listen(lines: SpokenLine[], options: ListenOptions): string {
  const response = new VoiceResponse();
  const gather = response.gather({
    input: ['speech', 'dtmf'],
    language: GATHER_LANGUAGE[options.lang],
    speechTimeout: 'auto',
    action: options.action,
    method: 'POST',
    ...(options.singleKey ? { numDigits: 1 } : {}),
  });
  say(gather, lines);
  response.redirect({ method: 'POST' }, options.onSilence);
  return response.toString();
}

export function dial(lines: SpokenLine[], number: string): string {
  const response = new VoiceResponse();
  say(response, lines);
  response.dial(number);
  response.hangup();
  return response.toString();
}

export function goodbye(lines: SpokenLine[]): string {
  const response = new VoiceResponse();
  say(response, lines);
  response.hangup();
  return response.toString();
}
