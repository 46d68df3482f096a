/**
 * Prices and times as every reply shows them: yuan with cents only when there are any, and times in China
 * Standard Time, where the store and its couriers work. Deadlines (coupons, promotions) are shown in the
 * customer's own time zone when their channel says it (web chat sends the browser's), else in China time,
 * labelled as such. Intl formatters are built once per zone (they are costly).
 */
import type { TurnContext } from 'botbuilder';
import type { ReplyLanguage } from './language';

/** Where the store works: times are shown in this zone when the customer's is unknown. */
export const STORE_TIME_ZONE = 'Asia/Shanghai';
const STORE_ZONE_LABEL: Record<ReplyLanguage, string> = { zh: '（北京时间）', en: ' (China time)' };
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+\-/]{1,63}$/;

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

const DEADLINE_OPTIONS: Intl.DateTimeFormatOptions = { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false };
const DEADLINE_LOCALE: Record<ReplyLanguage, string> = { zh: 'zh-CN', en: 'en-GB' };
const DEADLINE: Record<ReplyLanguage, Intl.DateTimeFormat> = {
  zh: new Intl.DateTimeFormat('zh-CN', { ...DEADLINE_OPTIONS, timeZone: STORE_TIME_ZONE }),
  en: new Intl.DateTimeFormat('en-GB', { ...DEADLINE_OPTIONS, timeZone: STORE_TIME_ZONE }),
};

const deadlineInZone = new Map<string, Intl.DateTimeFormat | null>();

/** The deadline formatter for a zone; null when the zone is not one Intl knows. */
function deadlineFormat(lang: ReplyLanguage, zone: string): Intl.DateTimeFormat | null {
  const key = `${lang} ${zone}`;
  let format = deadlineInZone.get(key);
  if (format !== undefined) return format;
  try {
    format = new Intl.DateTimeFormat(DEADLINE_LOCALE[lang], { ...DEADLINE_OPTIONS, timeZone: zone });
  } catch {
    format = null;
  }
  // a handful of zones in practice; the bound keeps a stream of odd names from growing it
  if (deadlineInZone.size > 400) deadlineInZone.clear();
  deadlineInZone.set(key, format);
  return format;
}

/** The customer's time zone (IANA name) as their channel reports it, when it is one; else undefined. */
export function timeZoneOf(context: TurnContext): string | undefined {
  const zone = context.activity.localTimezone;
  return typeof zone === 'string' && ZONE_NAME.test(zone) && deadlineFormat('zh', zone) ? zone : undefined;
}

/**
 * When a coupon or a promotion ends ("11/30 23:59"): in `zone` (the customer's) when known, else in
 * China time with the zone said ("11/30 23:59（北京时间）"), so nobody reads it as their own clock.
 */
export function shortDateTime(date: Date, lang: ReplyLanguage, zone?: string): string {
  const own = zone ? deadlineFormat(lang, zone) : null;
  return own ? own.format(date) : `${DEADLINE[lang].format(date)}${STORE_ZONE_LABEL[lang]}`;
}
