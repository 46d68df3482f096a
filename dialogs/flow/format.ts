/**
 * Prices and times as every reply shows them: yuan with cents only when there are any, and times in China
 * Standard Time, where the store and its couriers work. Intl formatters are built once (they are costly).
 */
import type { ReplyLanguage } from './language';

/** ¥599, ¥12.50 */
export function money(amount: number): string {
  return `¥${Number.isInteger(amount) ? amount : amount.toFixed(2).replace(/\.00$/, '')}`;
}

const EVENT_TIME: Record<ReplyLanguage, Intl.DateTimeFormat> = {
  zh: new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }),
};

/** When something happened to an order or a ticket ("11/28 14:05", "28 Nov, 14:05"). */
export function formatTime(at: Date | string, lang: ReplyLanguage): string {
  return EVENT_TIME[lang].format(new Date(at));
}

const DEADLINE: Record<ReplyLanguage, Intl.DateTimeFormat> = {
  zh: new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }),
};

/** When a coupon or a promotion ends ("11/30 23:59"). */
export function shortDateTime(date: Date, lang: ReplyLanguage): string {
  return DEADLINE[lang].format(date);
}
