/**
 * Numbers as customers write prices and ages: 300, 1,200, 1.5k, 2w, 三百五 (350), 一千五 (1500), 两千,
 * 一万二, and English number words (five hundred). Pure functions over one token; the patterns that find
 * the tokens are exported so the budget and age readers share one definition.
 */

const ZH_DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 两: 2, 俩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const ZH_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };
const EN_UNITS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };

/** A number token: digits (with a k/w/千/万/百 multiplier), a Chinese numeral run, or English words (five hundred). */
export const NUMBER_TOKEN = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s?(?:k|w|千|万|百)?(?![a-z\d])|[零〇一壹二两俩三四五六七八九十百千万]+|\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:hundred|thousand|grand))\b`;

/**
 * Chinese numerals: 三百五 = 350 (a trailing digit after a unit counts in the next unit down), 一千零五 = 1005,
 * 十五 = 15, 一万二 = 12000. Undefined for anything that is not a numeral.
 */
export function chineseNumeral(s: string): number | undefined {
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  let lastUnit = 0;
  let zeroSeen = false;
  for (const ch of s) {
    if (ch in ZH_DIGIT) {
      if (ZH_DIGIT[ch] === 0) zeroSeen = true;
      digit = ZH_DIGIT[ch];
    } else if (ch === '万') {
      section += digit ?? 0;
      total += (section || 1) * 10000;
      section = 0;
      digit = undefined;
      lastUnit = 10000;
      zeroSeen = false;
    } else if (ch in ZH_UNIT) {
      const unit = ZH_UNIT[ch];
      section += (digit ?? 1) * unit;
      digit = undefined;
      lastUnit = unit;
      zeroSeen = false;
    } else return undefined;
  }
  // 三百五 / 一千五 / 一万二: a lone digit after a unit is that many of the next unit down
  if (digit !== undefined && lastUnit >= 100 && !zeroSeen && section % (lastUnit / 10 || 1) === 0) return total + section + digit * (lastUnit / 10);
  return total + section + (digit ?? 0);
}

/** The value of one token matched by NUMBER_TOKEN, or undefined. */
export function numberValue(token: string): number | undefined {
  const t = token.trim().toLowerCase();
  const digits = /^((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s?(k|w|千|万|百)?$/.exec(t);
  if (digits) {
    const n = Number(digits[1].replace(/,/g, ''));
    const mult = digits[2] === 'k' || digits[2] === '千' ? 1000 : digits[2] === 'w' || digits[2] === '万' ? 10000 : digits[2] === '百' ? 100 : 1;
    return Math.round(n * mult * 100) / 100;
  }
  const words = /^([a-z]+)[\s-](hundred|thousand|grand)$/.exec(t);
  if (words) {
    const base = EN_UNITS[words[1]];
    return base === undefined ? undefined : base * (words[2] === 'hundred' ? 100 : 1000);
  }
  return chineseNumeral(t);
}

/** 三四百 → [300, 400], 两三千 → [2000, 3000], 七八十 → [70, 80]: two neighbouring digits before a unit. */
export const NEIGHBOUR_RANGE = /([一二两三四五六七八])([二三四五六七八九])(十|百|千|万)/g;

export function neighbourRange(match: RegExpMatchArray): [number, number] | undefined {
  const a = ZH_DIGIT[match[1]];
  const b = ZH_DIGIT[match[2]];
  const unit = ZH_UNIT[match[3]];
  return b === a + 1 ? [a * unit, b * unit] : undefined;
}

/** The step a 多/出头 adds: 两百多 → 100, 五十多 → 10, 1500多 → 100. */
export function roundingStep(n: number): number {
  let step = 1;
  while (n % (step * 10) === 0 && step < 1e6) step *= 10;
  return Math.max(step, 1);
}
