/**
 * What recognizers-text misses in Chinese shop talk: quantities with measure words (三瓶, 两支, 2盒 →
 * quantity) and discounts (八折, 8.5折, 85折, 五折 → discount as the fraction paid, e.g. 0.8), plus
 * their English counterparts (3 bottles, 20% off).
 */
import type { Entity } from '../types';

const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 俩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 三 → 3, 十二 → 12, 二十五 → 25, 一百 → 100, 8 → 8 (small numbers are all a quantity needs). */
export function chineseNumber(s: string): number | undefined {
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  let total = 0;
  let current = 0;
  for (const ch of s) {
    if (ch in DIGIT) current = DIGIT[ch];
    else if (ch === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else if (ch === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else if (ch === '千') {
      total += (current || 1) * 1000;
      current = 0;
    } else return undefined;
  }
  return total + current;
}

// 块 is left out: after a number in shop talk it is money (三百五十块), which recognizers-text reads
const MEASURE_WORDS = '瓶支只个件盒套片包袋罐管条双台部箱份装斤';
const NUM = '(?:\\d+|[零〇一二两俩三四五六七八九十百千]+)';
const QUANTITY_ZH = new RegExp(`(${NUM})([${MEASURE_WORDS}])`, 'g');
const QUANTITY_EN = /\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(bottles?|tubes?|boxes?|pieces?|pcs|packs?|sets?|jars?|sticks?|pairs?|units?|items?)\b/gi;
const EN_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

/** bottles → bottle, boxes → box, pcs stays */
function singular(unit: string): string {
  if (unit === 'pcs') return 'piece';
  return /(x|ch|sh)es$/.test(unit) ? unit.slice(0, -2) : unit.replace(/s$/, '');
}

const DISCOUNT_ZH = /(\d{1,2}(?:\.\d)?|[一二三四五六七八九](?:点[一二三四五六七八九])?|[一二三四五六七八九]{2})折/g;
const DISCOUNT_EN = /\b(\d{1,2})\s?%\s?off\b/gi;

function discountValue(raw: string): number | undefined {
  // 八折 → 0.8, 8.5折 → 0.85, 85折 → 0.85, 八五折 → 0.85, 八点五折 → 0.85
  const digits = /^\d/.test(raw)
    ? raw
    : raw
        .split('')
        .map((ch) => (ch === '点' ? '.' : String(DIGIT[ch] ?? '')))
        .join('');
  if (!digits) return undefined;
  const n = digits.includes('.') ? Number(digits) / 10 : digits.length === 2 ? Number(digits) / 100 : Number(digits) / 10;
  return n > 0 && n < 1 ? Math.round(n * 1000) / 1000 : undefined;
}

export function recognizeChineseGaps(text: string): Entity[] {
  const out: Entity[] = [];
  for (const m of text.matchAll(QUANTITY_ZH)) {
    const count = chineseNumber(m[1]);
    // 八折 is a discount, and 1个月 / 3天 are not measure-word quantities
    if (count === undefined || count === 0) continue;
    out.push({ type: 'quantity', text: m[0], value: { count, unit: m[2] }, start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(QUANTITY_EN)) {
    const count = EN_WORDS[m[1].toLowerCase()] ?? Number(m[1]);
    out.push({ type: 'quantity', text: m[0], value: { count, unit: singular(m[2].toLowerCase()) }, start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(DISCOUNT_ZH)) {
    const value = discountValue(m[1]);
    if (value !== undefined) out.push({ type: 'discount', text: m[0], value, start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(DISCOUNT_EN)) {
    const value = 1 - Number(m[1]) / 100;
    out.push({ type: 'discount', text: m[0], value: Math.round(value * 1000) / 1000, start: m.index, end: m.index + m[0].length });
  }
  return out;
}
