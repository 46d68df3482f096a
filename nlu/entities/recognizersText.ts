/**
 * Numbers, money, dates/times, phone numbers and e-mail through @microsoft/recognizers-text (zh-cn and
 * en-us). Its models cost 1–8 ms a call, so each one runs only when a cheap regex says the text may hold
 * that kind of entity; models are built once (≈1.3 s) and reused.
 */
import { NumberRecognizer } from '@microsoft/recognizers-text-number';
import { NumberWithUnitRecognizer } from '@microsoft/recognizers-text-number-with-unit';
import { DateTimeRecognizer } from '@microsoft/recognizers-text-date-time';
import { SequenceRecognizer } from '@microsoft/recognizers-text-sequence';
import { Culture } from '@microsoft/recognizers-text-suite';
import type { Entity } from '../types';
import { fastEntities } from './fastPaths';

interface Model {
  parse(query: string): { start: number; end: number; text: string; typeName: string; resolution?: Record<string, unknown> }[];
}

interface CultureModels {
  number: Model;
  currency: Model;
  datetime: Model;
  phone: Model;
  email: Model;
}

const cache = new Map<string, CultureModels>();

function models(culture: string): CultureModels {
  let m = cache.get(culture);
  if (!m) {
    const seq = new SequenceRecognizer(culture);
    m = {
      number: new NumberRecognizer(culture).getNumberModel() as unknown as Model,
      currency: new NumberWithUnitRecognizer(culture).getCurrencyModel() as unknown as Model,
      datetime: new DateTimeRecognizer(culture).getDateTimeModel() as unknown as Model,
      phone: seq.getPhoneNumberModel() as unknown as Model,
      email: seq.getEmailModel() as unknown as Model,
    };
    cache.set(culture, m);
  }
  return m;
}

/** Builds the models now (startup) rather than on the first customer message. */
export function warmUp(): void {
  // one parse each compiles the models' regular expressions, so the first customer does not pay for it
  for (const m of Object.values(models(Culture.Chinese))) m.parse('明天下午3点前送到，两瓶299元，电话13812345678，a@b.cn');
  for (const m of Object.values(models(Culture.English))) m.parse('deliver tomorrow at 3pm, two for $29.99, call 555-123-4567, a@b.com');
}

// an amount next to a currency word or sign (块 alone is also "piece": 一块蛋糕)
const CURRENCY_HINT = /[\d零一二两三四五六七八九十百千万亿]\s*(元|块|毛|角|美元|美金|人民币|欧元|英镑|rmb|cny|usd|dollars?|yuan|bucks|euros?|pounds?)|[¥￥$€£]\s*\d|(rmb|usd|cny)\s*\d/gi;
// (parts of the day alone — 晚上, "good evening" — are not worth a 5–15 ms call; with a time they are read in chineseDates.ts)
const DATE_HINT =
  /今天|明天|后天|昨天|前天|今晚|明早|周[一二三四五六日天末]|星期|礼拜|(?<![路街道巷弄栋楼幢元室层门区号\d])\d+[月号日点]|[一二三四五六七八九十]+[月号日]|[两三四五六七八九十]+点|\d+[:：]\d\d|\d{4}[-/]\d{1,2}\b|上个?月|下个?月|年底|月底|月初|today|tomorrow|yesterday|tonight|\b(next|last|this) (week|month)|\bweeks? ago|\bdays? ago|\bweekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\b(jan(uary)?|feb(ruary)?|march|apr(il)?|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?)\b|\d\s?(am|pm)\b|\bnext (day|month)|\bin \d+ days/gi;
const PHONE_HINT = /\d[\d\s-]{6,}\d/g;
// two numeral characters or more (三百, 二十五); a lone 一/三 is an idiom or a measure-word quantity
const CHINESE_NUMBER_RUN = /[零一二两三四五六七八九十百千万亿]{2,}/;
const CHINESE_NUMBER_RUN_G = /[零一二两三四五六七八九十百千万亿]{2,}/g;
// not "one": "this one", "one order" are almost never a quantity worth a 10 ms call
const ENGLISH_NUMBER_WORD = /\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|dozen)\b/i;
const ENGLISH_NUMBER_WORD_G = new RegExp(ENGLISH_NUMBER_WORD.source, 'gi');
const DIGITS = /(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d.])|(?<![\d.,])\d+(?:\.\d+)?(?![\d])/g;

function resolvedValue(typeName: string, resolution: Record<string, unknown> | undefined): unknown {
  if (!resolution) return undefined;
  if (typeName === 'number') return Number(resolution.value);
  if (typeName === 'currency') return { amount: Number(resolution.value), unit: resolution.isoCurrency ?? resolution.unit };
  if (typeName.startsWith('datetimeV2')) {
    const values = resolution.values as { timex?: string; value?: string; start?: string; end?: string; type?: string }[] | undefined;
    const last = values?.[values.length - 1];
    return last ? { type: last.type, timex: last.timex, value: last.value, start: last.start, end: last.end } : undefined;
  }
  return resolution.value;
}

const TYPE_NAMES: Record<string, string> = { number: 'number', currency: 'money', phonenumber: 'phone', email: 'email' };

/**
 * The models' cost grows with the text, so on a long review they read only windows around the hint
 * matches (padded so "2018年8月21日下午3点" stays whole), with offsets mapped back.
 */
function parseInWindows(model: Model, text: string, hint: RegExp, pad: number): ReturnType<Model['parse']> {
  if (text.length <= 40) return model.parse(text);
  const windows: [number, number][] = [];
  hint.lastIndex = 0;
  for (const m of text.matchAll(hint)) {
    const start = Math.max(0, m.index - pad);
    const end = Math.min(text.length, m.index + m[0].length + pad);
    const last = windows[windows.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else windows.push([start, end]);
  }
  const out: ReturnType<Model['parse']> = [];
  for (const [start, end] of windows) {
    for (const r of model.parse(text.slice(start, end))) out.push({ ...r, start: r.start + start, end: r.end + start });
  }
  return out;
}

/** Entities from recognizers-text; `end` is made exclusive (the library's is inclusive). */
export function recognizeWithLibrary(original: string, english: boolean): Entity[] {
  const m = models(english ? Culture.English : Culture.Chinese);
  const fast = fastEntities(original);
  const text = fast.rest;
  const has = (re: RegExp): boolean => {
    re.lastIndex = 0;
    return re.test(text);
  };
  const run: [Model, RegExp, number][] = []; // most specific first
  if (has(CURRENCY_HINT)) run.push([m.currency, CURRENCY_HINT, 12]);
  if (has(DATE_HINT)) run.push([m.datetime, DATE_HINT, 12]);
  if (has(PHONE_HINT)) run.push([m.phone, PHONE_HINT, 4]);
  if (text.includes('@')) run.push([m.email, /@/g, 40]);
  // numbers last: a number inside money, a date or a phone is not reported twice. Digits are read here
  // (the library's answer for "299" is 299 too); the model only reads Chinese and English number words.
  if (english ? ENGLISH_NUMBER_WORD.test(text) : CHINESE_NUMBER_RUN.test(text)) run.push([m.number, english ? ENGLISH_NUMBER_WORD_G : CHINESE_NUMBER_RUN_G, 4]);
  const out: Entity[] = [...fast.entities];
  for (const [model, hint, pad] of run) {
    for (const r of parseInWindows(model, text, hint, pad)) {
      const type = r.typeName.startsWith('datetimeV2') ? 'datetime' : TYPE_NAMES[r.typeName];
      if (!type || (type === 'number' && /^[一二两]$/.test(r.text))) continue;
      if (out.some((e) => e.type === type && e.start === r.start)) continue;
      out.push({ type, text: original.slice(r.start, r.end + 1), value: resolvedValue(r.typeName, r.resolution), start: r.start, end: r.end + 1 });
    }
  }
  for (const d of text.matchAll(DIGITS)) {
    if (!out.some((e) => e.type === 'number' && e.start === d.index)) out.push({ type: 'number', text: d[0], value: Number(d[0].replace(/,/g, '')), start: d.index, end: d.index + d[0].length });
  }
  return out;
}
