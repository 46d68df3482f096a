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

/** "can you answer in English?", "english please", "看不懂中文": the customer asks for English. */
const ASKS_FOR_ENGLISH =
  /(说|讲|用|换成|换|切换(到|成)?|改(成|用)|回复|回答)\s*(英文|英语)|(英文|英语)(回复|回答|交流|沟通)|(看|听)不懂中文|\b(in|speak|use|switch to|change to|reply in|answer in|talk in|continue in|write in)\s+english\b|\benglish,?\s*(please|pls|plz)\b|\b(don'?t|do not|can'?t|cannot) (speak|read|understand) chinese\b|^english( please)?[\s.!?]*$/i;
/** "说中文吧", "please reply in Chinese", "看不懂英文". */
const ASKS_FOR_CHINESE =
  /(说|讲|用|换成|换|切换(到|成)?|改(成|用)|回复|回答)\s*(中文|汉语|普通话|国语)|(中文|汉语)(回复|回答|交流|沟通)|(看|听)不懂英(文|语)|\b(in|speak|use|switch to|change to|reply in|answer in|talk in|continue in|write in)\s+(chinese|mandarin)\b|\b(chinese|mandarin),?\s*(please|pls|plz)\b|\b(don'?t|do not|can'?t|cannot) (speak|read|understand) english\b|^(中文|chinese)[\s.!?。！吧]*$/i;

/** The language the customer explicitly asks to be answered in, if the message asks for one. */
export function requestedLanguage(text: string): ReplyLanguage | undefined {
  const t = text.trim();
  // "看不懂英文" asks for Chinese though it names English: the negated ask is checked first
  if (/(看|听)不懂英|(don'?t|do not|can'?t|cannot) (speak|read|understand) english/i.test(t)) return 'zh';
  if (ASKS_FOR_ENGLISH.test(t)) return 'en';
  if (ASKS_FOR_CHINESE.test(t)) return 'zh';
  return undefined;
}

/** The language a piece of our own text is written in (a waiting prompt's wording): Chinese if it has Han characters. */
export function languageOfText(text: string): ReplyLanguage {
  return /\p{Script=Han}/u.test(text) ? 'zh' : 'en';
}

/** True when the message is written in words (not just a number, an emoji or "ok"), so it shows the customer's language. */
export function showsLanguage(text: string): boolean {
  return /\p{Script=Han}{2,}/u.test(text) || /[A-Za-z]{2,}[^A-Za-z]+[A-Za-z]{2,}/.test(text);
}
