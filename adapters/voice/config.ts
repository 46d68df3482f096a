/**
 * Voice (Twilio) keys. The channel is on when TWILIO_AUTH_TOKEN and VOICE_PUBLIC_URL are both set: the
 * token checks X-Twilio-Signature, which Twilio computes over the public URL it called, so the bot must
 * know the address Twilio sees (behind a proxy it is not the one the server listens on).
 */
import { z } from 'zod';
import { optionalString } from '../../platform/configFields';

/** `KEY=` (empty) means "use the default", as in .env.example */
const emptyAsUnset = <T extends z.ZodTypeAny>(schema: T) => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema);

export const VOICE_LANGUAGES = ['zh-CN', 'en-US'] as const;
export type VoiceLanguage = (typeof VOICE_LANGUAGES)[number];

export const voiceConfigSchema = z.object({
  /** The Auth Token of the Twilio account (Console → Account info); it signs every webhook. */
  TWILIO_AUTH_TOKEN: optionalString.pipe(z.string().regex(/^[A-Za-z0-9]{16,64}$/, 'must be the account Auth Token (letters and digits)').optional()),
  /** Where Twilio reaches the bot, e.g. https://bot.example.com (the webhook is <this>/api/voice/twilio). */
  VOICE_PUBLIC_URL: optionalString.pipe(z.string().url().regex(/^https?:\/\//, 'must be an http(s) URL').optional()),
  /** The store's human line in E.164 (+8621…); a handoff dials it. Unset: the caller hears the service hours. */
  VOICE_HUMAN_NUMBER: optionalString.pipe(z.string().regex(/^\+\d{7,15}$/, 'must be a phone number in E.164, e.g. +862112345678').optional()),
  /** The language a call starts in (greeting, speech recognition); the customer's own language takes over. */
  VOICE_LANGUAGE: emptyAsUnset(z.enum(VOICE_LANGUAGES).default('zh-CN')),
});

export type VoiceConfigKeys = z.infer<typeof voiceConfigSchema>;

export interface VoiceSettings {
  authToken: string;
  /** without a trailing slash */
  publicUrl: string;
  humanNumber?: string;
  language: VoiceLanguage;
}

/** The channel's settings, or undefined when the channel is off. Throws naming the missing key. */
export function voiceSettings(config: VoiceConfigKeys): VoiceSettings | undefined {
  const { TWILIO_AUTH_TOKEN: authToken, VOICE_PUBLIC_URL: publicUrl } = config;
  if (!authToken && !publicUrl) return undefined;
  if (!authToken) throw new Error('invalid configuration: TWILIO_AUTH_TOKEN required when VOICE_PUBLIC_URL is set');
  if (!publicUrl) throw new Error('invalid configuration: VOICE_PUBLIC_URL required when TWILIO_AUTH_TOKEN is set');
  return { authToken, publicUrl: publicUrl.replace(/\/+$/, ''), humanNumber: config.VOICE_HUMAN_NUMBER, language: config.VOICE_LANGUAGE };
}
