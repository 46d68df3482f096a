/**
 * The budget of a message, in CNY: 100块以内 → ≤100, 200到300, 300左右 (±20%), 两百多, 三四百, 不超过五百,
 * 一千以内, 预算1000, under 300 yuan, around 500 rmb, between 200 and 300, budget of 1k. A number counts only
 * with money evidence (a currency word or sign, a price cue, or a limit word on a plausible amount), and
 * never when it is an age, a size, a count, a date or an order number (spans the entity recognizers found).
 */
import type { Entity } from '../types';
import { NEIGHBOUR_RANGE, NUMBER_TOKEN, neighbourRange, numberValue, roundingStep } from './amounts';

export interface Budget {
  min?: number;
  max?: number;
}

const UNIT = String.raw`\s?(?:元|块钱|块|rmb|yuan|cny|bucks|dollars?|刀|￥|¥)?`;
const CURRENCY_AFTER = /^\s?(?:多|来|出头)?\s?(?:元|块钱|块|rmb|yuan|cny|bucks|dollars?|刀)/;
const CURRENCY_BEFORE = /(?:[¥￥$]|rmb|cny)\s?$/;
/** what a number is when it is not money */
const NOT_MONEY_AFTER =
  /^\s?(?:岁|周岁|ml|毫升|g\b|克|天|日|号|月|个月|年|周|星期|礼拜|次|小时|分钟|分|秒|瓶|支|只|件|盒|套|片|包|袋|罐|管|条|双|台|%|折|度|斤|公斤|kg|cm|mm|days?|weeks?|months?|years?|yrs?|y\/?o|hours?|mins?|minutes?|oz|pcs|pieces?|items?|bottles?|tubes?|orders?|ml|spf|pa|色|号色)/;
const NOT_MONEY_BEFORE = /(?:spf|pa|第|色号|号码|订单号?|单号|order|#|no\.|number|age|aged|她|他|我妈|今年|年龄)\s?$/;
const PRICE_CUE = /预算|价位|价格|价钱|钱|budget|price|spend|afford|cost/;
const MAX_BEFORE = /(?:不超过|不要超过|别超过|不能超过|不高于|低于|少于|不到|小于|最多|顶多|最高|封顶|控制在|under|below|less than|no more than|not more than|not over|at most|max(?:imum)?|up to|within|cheaper than|lower than|<|≤)\s?(?:[¥￥$]|rmb|cny)?\s?$/;
const MAX_AFTER = /^(?:元|块钱|块|rmb|yuan|cny|bucks|dollars?|刀)?\s?(?:以内|以下|之内|内|以里|封顶|为止|max|or less|or under|tops|at most)/;
const MIN_BEFORE = /(?:至少|起码|不低于|高于|超过|above|over|more than|at least|minimum|min|>|≥)\s?(?:[¥￥$]|rmb|cny)?\s?$/;
const MIN_AFTER = /^(?:元|块钱|块|rmb|yuan|cny|bucks|dollars?|刀)?\s?(?:以上|起步|起|往上|or more|and up|and above|\+)/;
const AROUND_BEFORE = /(?:大概|大约|差不多|约|around|about|roughly|approximately|approx\.?|circa|~)\s?(?:[¥￥$]|rmb|cny)?\s?$/;
const AROUND_AFTER = /^(?:元|块钱|块|rmb|yuan|cny|bucks|dollars?|刀)?\s?(?:左右|上下|附近|的样子|-?ish|or so)/;
const MORE_AFTER = /^(?:多|出头|来)(?!岁)/;
const MORE_AFTER_UNIT = /^(?:元|块钱|块)?\s?(?:多|出头)/;
const OF_AFTER = /^(?:元|块钱|块|rmb|yuan)\s?(?:的|左右的)/;

const RANGE = new RegExp(String.raw`(?:between\s)?(${NUMBER_TOKEN})${UNIT}\s?(?:到|至|-|~|～|—|–|to|and)\s?(?:[¥￥$]|rmb)?\s?(${NUMBER_TOKEN})`, 'gi');
const SINGLE = new RegExp(NUMBER_TOKEN, 'gi');

/** spans the entity recognizers already read as something else (orders, phones, dates, counts, shades) */
const FOREIGN = new Set(['order_id', 'tracking_id', 'phone', 'datetime', 'quantity', 'shade', 'email', 'discount']);

const around = (n: number): Budget => ({ min: Math.round(n * 0.8), max: Math.round(n * 1.2) });
const plausible = (n: number | undefined): n is number => n !== undefined && n >= 1 && n <= 1_000_000;

function overlapsForeign(entities: Entity[], start: number, end: number): boolean {
  return entities.some((e) => FOREIGN.has(e.type) && e.start < end && start < e.end);
}

/** `text` is the message lower-cased and half-width (same offsets as the entities). */
export function parseBudget(text: string, entities: Entity[] = []): Budget | undefined {
  const cue = PRICE_CUE.test(text);
  for (const m of text.matchAll(RANGE)) {
    const start = m.index;
    const end = start + m[0].length;
    const after = text.slice(end, end + 8);
    const between = m[0].startsWith('between');
    if (m[0].includes(' and ') && !between) continue;
    if (NOT_MONEY_AFTER.test(after) || overlapsForeign(entities, start, end)) continue;
    let low = numberValue(m[1]);
    const high = numberValue(m[2]);
    if (!plausible(low) || !plausible(high)) continue;
    // 1到2千 / 1-2k: the multiplier written once applies to both ends
    if (low < 10 && high >= 100 && /[k千万w百]\s?$/.test(m[2])) low *= high / (numberValue(m[2].replace(/\s?[k千万w百]$/, '')) ?? 1);
    const money = CURRENCY_AFTER.test(after) || /[元块¥￥$]|rmb|yuan/.test(m[0]) || cue || between;
    if (!money && high < 50) continue;
    return { min: Math.min(low, high), max: Math.max(low, high) };
  }
  for (const m of text.matchAll(NEIGHBOUR_RANGE)) {
    const range = neighbourRange(m);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 6);
    if (!range || NOT_MONEY_AFTER.test(after.replace(/^多/, ''))) continue;
    // 两三百 / 三四千 read as money on their own; 七八十 only with a currency word or a price cue
    if (CURRENCY_AFTER.test(after) || cue || MAX_AFTER.test(after) || AROUND_AFTER.test(after) || m[3] !== '十') return MAX_AFTER.test(after) ? { max: range[1] } : { min: range[0], max: range[1] };
  }
  for (const m of text.matchAll(SINGLE)) {
    const start = m.index;
    const end = start + m[0].length;
    const n = numberValue(m[0]);
    if (!plausible(n)) continue;
    const before = text.slice(Math.max(0, start - 16), start);
    const after = text.slice(end, end + 10);
    if (NOT_MONEY_AFTER.test(after) || NOT_MONEY_BEFORE.test(before) || overlapsForeign(entities, start, end)) continue;
    const currency = CURRENCY_AFTER.test(after) || CURRENCY_BEFORE.test(before);
    const priced = currency || cue;
    if (MAX_BEFORE.test(before) || MAX_AFTER.test(after)) {
      if (priced || n >= 30) return { max: n };
    } else if (MIN_BEFORE.test(before) || MIN_AFTER.test(after)) {
      if (priced || (n >= 100 && MIN_AFTER.test(after))) return { min: n };
    } else if (AROUND_BEFORE.test(before) || AROUND_AFTER.test(after)) {
      if (priced || n >= 30) return around(n);
    } else if (MORE_AFTER.test(after) || MORE_AFTER_UNIT.test(after)) {
      if (priced) return { min: n, max: n + roundingStep(n) };
    } else if (OF_AFTER.test(after)) {
      return around(n);
    } else if (/预算|budget/.test(before) && !/[\d]/.test(text.slice(end, end + 1))) {
      return { max: n };
    }
  }
  return undefined;
}
