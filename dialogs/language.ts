/** The customer's reply language: what they wrote this turn, else their profile, else the channel locale. */
import type { TurnContext } from 'botbuilder';
import { nluResultOf } from './turn/turnContracts';

export type ReplyLanguage = 'zh' | 'en';

export function replyLanguage(context: TurnContext, profileLanguage?: ReplyLanguage): ReplyLanguage {
  const nlu = nluResultOf(context);
  if (nlu?.language === 'en') return 'en';
  if (nlu?.language === 'zh') return 'zh';
  if (profileLanguage) return profileLanguage;
  return (context.activity.locale ?? '').toLowerCase().startsWith('en') ? 'en' : 'zh';
}

/** Picks the text for the language: `say(lang, '中文', 'English')`. */
export function say(lang: ReplyLanguage, zh: string, en: string): string {
  return lang === 'en' ? en : zh;
}
