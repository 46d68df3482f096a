/**
 * Twilio's webhook parameters → what the caller did, and → an Activity (pure). One webhook serves the
 * whole call: its start (no speech, no keys), speech (SpeechResult, Confidence), keys (Digits), and the
 * silence after a <Gather> (our own <Redirect>, marked `event=silence`). The caller is a keyed hash of
 * their number (never the number itself), or the call alone when the number is withheld.
 */
import { Activity, ActivityTypes } from 'botbuilder';
import { z } from 'zod';
import { normalizePhone } from '../../services/customers/verifiedIdentities';
import { VOICE_LANGUAGES } from './config';

export const VOICE_CHANNEL_ID = 'voice';

/** below this Twilio's transcript is more likely noise than words (Twilio gives 0.0–1.0) */
export const MIN_CONFIDENCE = 0.25;

/** The parameters the channel reads; Twilio sends more (AccountSid, CallStatus, Direction …). */
export const twilioParamsSchema = z
  .object({
    CallSid: z.string().regex(/^CA[0-9a-fA-F]{32}$/, 'must be a Twilio call sid (CA + 32 hex digits)'),
    From: z.string().max(256).default(''),
    SpeechResult: z.string().max(4000).optional(),
    Confidence: z.coerce.number().min(0).max(1).optional(),
    Digits: z.string().regex(/^[0-9*#]{0,64}$/, 'must be keypad digits').optional(),
  })
  .passthrough();

export type TwilioParams = z.infer<typeof twilioParamsSchema>;

/** Query parameters of our own action URLs (signed with the rest of the URL). */
export const voiceQuerySchema = z.object({
  language: z.enum(VOICE_LANGUAGES).optional(),
  event: z.literal('silence').optional(),
});

export type VoiceInput =
  | { kind: 'start' }
  | { kind: 'silence' }
  | { kind: 'notHeard' }
  | { kind: 'speech'; text: string }
  | { kind: 'keys'; digits: string };

export function inputOf(params: TwilioParams, event?: 'silence'): VoiceInput {
  const digits = params.Digits?.replace(/#+$/, '');
  if (digits) return { kind: 'keys', digits };
  if (params.SpeechResult !== undefined) {
    const text = params.SpeechResult.trim();
    if (!text || (params.Confidence !== undefined && params.Confidence < MIN_CONFIDENCE)) return { kind: 'notHeard' };
    return { kind: 'speech', text };
  }
  // a Gather that ended on keys alone ("#") or an empty result: nothing usable was said
  if (params.Digits !== undefined) return { kind: 'notHeard' };
  return event === 'silence' ? { kind: 'silence' } : { kind: 'start' };
}

export interface Caller {
  /** the user id the bot sees */
  userId: string;
  /** the caller's number in E.164, the proof for the verified-phone identity; absent when withheld */
  phone?: string;
}

/** Withheld caller ids as Twilio reports them ("anonymous", "+266696687", "Restricted" …). */
const WITHHELD = /^(?:|anonymous|restricted|unknown|private|unavailable|\+?266696687|\+?7378742833|\+?2562533|\+?8656696)$/i;

/** The user id of a caller's number (E.164): a keyed hash (the store's), so the directory never holds the number. */
export function callerUserId(phone: string, keyedHash: (text: string) => string): string {
  return keyedHash(`voice-caller:${phone}`);
}

/** Who is calling: their number as a keyed hash, or (number withheld) this call only. */
export function callerOf(params: TwilioParams, keyedHash: (text: string) => string): Caller {
  const from = params.From.trim();
  const phone = WITHHELD.test(from) ? undefined : normalizePhone(from);
  if (!phone) return { userId: `call:${params.CallSid}` };
  return { userId: callerUserId(phone, keyedHash), phone };
}

export function toActivity(text: string, call: { callSid: string; caller: Caller; language: (typeof VOICE_LANGUAGES)[number]; at: Date }): Partial<Activity> {
  return {
    type: ActivityTypes.Message,
    id: `${call.callSid}:${call.at.getTime().toString(36)}`,
    channelId: VOICE_CHANNEL_ID,
    serviceUrl: 'twilio://voice',
    timestamp: call.at,
    from: { id: call.caller.userId, name: '', role: 'user' },
    recipient: { id: 'bot', name: 'bot', role: 'bot' },
    conversation: { id: call.callSid, isGroup: false, conversationType: 'personal', name: '' },
    text,
    locale: call.language,
  };
}
