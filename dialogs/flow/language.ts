/**
 * The one place that decides which language a reply is in, and how wording is written: every area keeps
 * its sentences as `{ zh, en }` pairs (side by side, in its own text.ts) and picks one with `say`.
 */
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { CustomerProfile } from '../../services/customers/profile';
import { nluResultOf } from '../turn/turnContracts';

export type ReplyLanguage = 'zh' | 'en';

/** One sentence in both languages. */
export interface Wording {
  zh: string;
  en: string;
}

/** The channel's locale, for turns nothing was recognized in (greetings, apologies, linking codes). */
export function localeLanguage(context: TurnContext): ReplyLanguage {
  return (context.activity.locale ?? '').toLowerCase().startsWith('en') ? 'en' : 'zh';
}

/** Before recognition (no NLU result yet): the text's script, else the profile, else the channel locale. */
export function scriptLanguage(context: TurnContext, profileLanguage?: ReplyLanguage): ReplyLanguage {
  const text = context.activity.text ?? '';
  if (/\p{Script=Han}/u.test(text)) return 'zh';
  if (/[A-Za-z]{2,}/.test(text)) return 'en';
  return profileLanguage ?? localeLanguage(context);
}

/** The customer's reply language: what they wrote this turn, else their profile, else the channel locale. */
export function replyLanguage(context: TurnContext, profileLanguage?: ReplyLanguage): ReplyLanguage {
  const nlu = nluResultOf(context);
  if (nlu?.language === 'en') return 'en';
  if (nlu?.language === 'zh') return 'zh';
  if (profileLanguage) return profileLanguage;
  return localeLanguage(context);
}

/**
 * The reply language inside a flow. An answer like "1688000000000103" or "2" says nothing about the
 * customer's language, so the profile's language (set when the flow began) wins over the NLU's guess.
 */
export async function flowLanguage(context: TurnContext, profile: StatePropertyAccessor<CustomerProfile>): Promise<ReplyLanguage> {
  const known = (await profile.get(context, {})).language;
  const text = (context.activity.text ?? '').trim();
  // a tax id or tracking number ("91310115MA1H7GQ8X2") is not English either
  const identifier = /^[A-Za-z0-9-]+$/.test(text) && /\d/.test(text);
  if (known && (identifier || !/[\p{Script=Han}A-Za-z]{2,}/u.test(text))) return known;
  return replyLanguage(context, known);
}

/** The wording in the reply language: `say(lang, TEXT.thanks)`, `say(lang, TEXT.orderCancelled(id))`. */
export function say(lang: ReplyLanguage, wording: Wording): string {
  return wording[lang];
}
