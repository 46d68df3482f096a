/**
 * The everyday Chinese date and time phrases of shop talk, resolved without recognizers-text (whose
 * Chinese date model costs 5–30 ms on some inputs): 5月20日 / 20号 / 周六 / 下午3点(半) and a day
 * followed by a time (明天下午3点). Rarer forms are still left to the library.
 */
import type { Entity } from '../types';
import { chineseNumber } from './chineseGaps';

const pad2 = (n: number): string => String(n).padStart(2, '0');
const isoDate = (d: Date): string => `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`;

const MONTH_DAY = /(\d{1,2})月(\d{1,2})[日号]/g;
const YEAR_MONTH = /(\d{2}|\d{4})年(\d{1,2})月(?!\d)/g;
// "9号" after 路/楼/室… is a house number, not a day
const DAY_ONLY = /(?<![路街道巷弄栋楼幢元室层门区号\d])(\d{1,2})[号日](?![楼栋室门院])/g;
const WEEKDAY = /(下周|下个?星期|下个?礼拜|这周|本周|周|星期|礼拜)([一二三四五六日天])/g;
const TIME = /(上午|下午|晚上|中午|早上|凌晨|傍晚)?(\d{1,2}|[一二三四五六七八九十两]{1,3})点(半|(\d{1,2})分)?/g;
const WEEKDAY_INDEX: Record<string, number> = { 日: 0, 天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };

interface Found {
  start: number;
  end: number;
  date?: string;
  time?: string;
}

function timeOf(part: string | undefined, hourText: string, half: string | undefined, minutes: string | undefined): string | undefined {
  let hour = chineseNumber(hourText);
  if (hour === undefined || hour > 24) return undefined;
  if ((part === '下午' || part === '晚上' || part === '傍晚') && hour < 12) hour += 12;
  if (part === '中午' && hour < 6) hour += 12;
  const minute = half ? 30 : minutes ? Number(minutes) : 0;
  return minute < 60 ? `${pad2(hour)}:${pad2(minute)}:00` : undefined;
}

/** `dayEntities` are the relative days already found (今天/明天…), so 明天 + 下午3点 become one datetime. */
export function chineseDates(text: string, dayEntities: Entity[], now: Date): { entities: Entity[]; covered: [number, number][] } {
  const found: Found[] = [];
  for (const m of text.matchAll(MONTH_DAY)) {
    const month = Number(m[1]);
    const day = Number(m[2]);
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) found.push({ start: m.index, end: m.index + m[0].length, date: `${now.getFullYear()}-${pad2(month)}-${pad2(day)}` });
  }
  for (const m of text.matchAll(YEAR_MONTH)) {
    const year = m[1].length === 2 ? 2000 + Number(m[1]) : Number(m[1]);
    const month = Number(m[2]);
    if (month >= 1 && month <= 12) found.push({ start: m.index, end: m.index + m[0].length, date: `${year}-${pad2(month)}` });
  }
  for (const m of text.matchAll(DAY_ONLY)) {
    const day = Number(m[1]);
    if (day < 1 || day > 31 || found.some((f) => m.index < f.end && f.start < m.index + m[0].length)) continue;
    found.push({ start: m.index, end: m.index + m[0].length, date: `${now.getFullYear()}-${pad2(now.getMonth() + 1)}-${pad2(day)}` });
  }
  for (const m of text.matchAll(WEEKDAY)) {
    const target = WEEKDAY_INDEX[m[2]];
    const today = now.getDay();
    // 周六 = the coming one (today if it is that day); 下周六 = the one in the next week
    const nextWeek = m[1].startsWith('下');
    const mondayBased = (d: number): number => (d + 6) % 7;
    const offset = nextWeek ? 7 - mondayBased(today) + mondayBased(target) : (target - today + 7) % 7;
    const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + offset);
    found.push({ start: m.index, end: m.index + m[0].length, date: isoDate(d) });
  }
  const days: Found[] = [...found, ...dayEntities.map((e) => ({ start: e.start, end: e.end, date: (e.value as { value: string }).value }))];
  const entities: Entity[] = [];
  const covered: [number, number][] = [];
  const usedDays = new Set<Found>();
  for (const m of text.matchAll(TIME)) {
    const time = timeOf(m[1], m[2], m[3] === '半' ? m[3] : undefined, m[4]);
    if (!time) continue;
    const start = m.index;
    const end = m.index + m[0].length;
    const day = days.find((d) => d.end <= start && text.slice(d.end, start).trim() === '');
    if (day) usedDays.add(day);
    const from = day ? day.start : start;
    const value = day ? { type: 'datetime', value: `${day.date} ${time}` } : { type: 'time', value: time };
    entities.push({ type: 'datetime', text: text.slice(from, end), value, start: from, end });
    covered.push([from, end]);
  }
  for (const f of found) {
    if (usedDays.has(f)) continue;
    entities.push({ type: 'datetime', text: text.slice(f.start, f.end), value: { type: 'date', value: f.date }, start: f.start, end: f.end });
    covered.push([f.start, f.end]);
  }
  return { entities, covered };
}
