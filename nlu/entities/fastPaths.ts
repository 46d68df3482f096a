/**
 * The common entity shapes resolved without recognizers-text (whose English date model alone costs up to
 * 15 ms a call): relative days (今天/明天/tomorrow…), ISO timestamps pasted from order pages
 * (2018-08-21 13:51:41) and plain amounts (299元, 24块, ¥25.5). Their spans are masked with spaces (same
 * length, offsets hold) so the library is only asked about what is left. Chinese dates: chineseDates.ts.
 */
import type { Entity } from '../types';
import { chineseDates } from './chineseDates';

const RELATIVE_DAYS: Record<string, number> = {
  今天: 0,
  今日: 0,
  今晚: 0,
  明天: 1,
  明日: 1,
  明早: 1,
  后天: 2,
  昨天: -1,
  前天: -2,
  today: 0,
  tonight: 0,
  tomorrow: 1,
  yesterday: -1,
  'this morning': 0,
  'this afternoon': 0,
  'this evening': 0,
};
const RELATIVE = /今天|今日|今晚|明天|明日|明早|后天|昨天|前天|\b(?:today|tonight|tomorrow|yesterday|this (?:morning|afternoon|evening))\b/gi;
const EN_WEEKDAY = /\b(next )?(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/gi;
const EN_WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const EN_AGO = /\b(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(day|week|month)s?\s+ago\b/gi;
const EN_PERIOD = /\b(last|next|this) (week|month)\b/gi;
const EN_COUNT: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
const ISO = /\b(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?\b/g;
const AMOUNT = /(?:[¥￥]\s*((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{1,2})?))|(?<![\d.,])((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{1,2})?)\s*(元|块钱|块)/g;

const pad2 = (n: number): string => String(n).padStart(2, '0');

function isoDate(d: Date): string {
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`;
}

function mask(text: string, start: number, end: number): string {
  return text.slice(0, start) + ' '.repeat(end - start) + text.slice(end);
}

export function fastEntities(text: string, now = new Date()): { entities: Entity[]; rest: string } {
  const entities: Entity[] = [];
  let rest = text;
  for (const m of text.matchAll(ISO)) {
    const [, y, mo, d, h, mi, s] = m;
    const date = `${y}-${pad2(Number(mo))}-${pad2(Number(d))}`;
    const value = h ? { type: 'datetime', value: `${date} ${pad2(Number(h))}:${mi}:${s ?? '00'}` } : { type: 'date', value: date };
    entities.push({ type: 'datetime', text: m[0], value, start: m.index, end: m.index + m[0].length });
    rest = mask(rest, m.index, m.index + m[0].length);
  }
  const days: Entity[] = [];
  for (const m of rest.matchAll(RELATIVE)) {
    const end = m.index + m[0].length;
    const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() + RELATIVE_DAYS[m[0].toLowerCase()]);
    days.push({ type: 'datetime', text: m[0], value: { type: 'date', value: isoDate(day) }, start: m.index, end });
  }
  for (const m of rest.matchAll(EN_WEEKDAY)) {
    const target = EN_WEEKDAYS.indexOf(m[2].toLowerCase());
    // "Saturday" = the coming one; "next Saturday" = a week after that
    const offset = ((target - now.getDay() + 7) % 7) + (m[1] ? 7 : 0);
    const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + offset);
    entities.push({ type: 'datetime', text: m[0], value: { type: 'date', value: isoDate(d) }, start: m.index, end: m.index + m[0].length });
    rest = mask(rest, m.index, m.index + m[0].length);
  }
  for (const m of rest.matchAll(EN_AGO)) {
    const n = EN_COUNT[m[1].toLowerCase()] ?? Number(m[1]);
    const unit = m[2].toLowerCase();
    const d = new Date(now.getFullYear(), now.getMonth() - (unit === 'month' ? n : 0), now.getDate() - (unit === 'day' ? n : unit === 'week' ? 7 * n : 0));
    entities.push({ type: 'datetime', text: m[0], value: { type: 'date', value: isoDate(d) }, start: m.index, end: m.index + m[0].length });
    rest = mask(rest, m.index, m.index + m[0].length);
  }
  for (const m of rest.matchAll(EN_PERIOD)) {
    const shift = { last: -1, this: 0, next: 1 }[m[1].toLowerCase() as 'last' | 'this' | 'next'];
    const week = m[2].toLowerCase() === 'week';
    // a period: its Monday (week) or its first day (month) and the day after its end
    const start = week
      ? new Date(now.getFullYear(), now.getMonth(), now.getDate() - ((now.getDay() + 6) % 7) + 7 * shift)
      : new Date(now.getFullYear(), now.getMonth() + shift, 1);
    const end = week ? new Date(start.getFullYear(), start.getMonth(), start.getDate() + 7) : new Date(start.getFullYear(), start.getMonth() + 1, 1);
    entities.push({ type: 'datetime', text: m[0], value: { type: 'daterange', start: isoDate(start), end: isoDate(end) }, start: m.index, end: m.index + m[0].length });
    rest = mask(rest, m.index, m.index + m[0].length);
  }
  // Chinese dates and times; a relative day followed by a time merges into one datetime
  const zh = chineseDates(rest, days, now);
  for (const d of days) {
    if (zh.covered.some(([s, e]) => d.start >= s && d.end <= e)) continue;
    entities.push(d);
    rest = mask(rest, d.start, d.end);
  }
  for (const e of zh.entities) {
    entities.push(e);
    rest = mask(rest, e.start, e.end);
  }
  for (const m of rest.matchAll(AMOUNT)) {
    const amount = Number((m[1] ?? m[2]).replace(/,/g, ''));
    entities.push({ type: 'money', text: m[0], value: { amount, unit: 'CNY' }, start: m.index, end: m.index + m[0].length });
    rest = mask(rest, m.index, m.index + m[0].length);
  }
  return { entities, rest };
}
