/**
 * Our own reading of the slots a shopping request can carry beyond skin type and concern: category kind,
 * budget range, shade family / undertone / finish, hair concern, recipient and age, and constraints
 * (allergies, avoided ingredients, fragrance-free, pregnancy). The NLU frame says the same when it has
 * them (shoppingRequest.ts reads it first); these word lists keep the guide working when it does not.
 */
import { categoryLookup, concernLookup } from '../../knowledge/text/synonyms';

export type GuideKind = 'skincare' | 'makeup' | 'haircare' | 'other';

/** catalogue categories by what the guide asks about them; anything else is skincare */
const MAKEUP_COLOUR = ['口红', '唇釉', '腮红', '眼影'];
const MAKEUP_BASE = ['粉底液', '气垫'];
const MAKEUP_OTHER = ['睫毛膏', '散粉', '定妆喷雾'];
const HAIR = ['洗发水', '护发素', '发膜', '护发精油'];
const OTHER = ['身体乳', '香水', '套装'];

export type MakeupQuestion = 'shade' | 'undertone' | undefined;

export function kindOfCategory(category: string | undefined): GuideKind | undefined {
  if (!category) return undefined;
  if ([...MAKEUP_COLOUR, ...MAKEUP_BASE, ...MAKEUP_OTHER].includes(category)) return 'makeup';
  if (HAIR.includes(category)) return 'haircare';
  if (OTHER.includes(category)) return 'other';
  return 'skincare';
}

/** colour makeup asks the colour family; base makeup the undertone; mascara and powder nothing */
export function makeupQuestion(category: string | undefined): MakeupQuestion {
  if (!category) return 'shade';
  if (MAKEUP_COLOUR.includes(category)) return 'shade';
  if (MAKEUP_BASE.includes(category)) return 'undertone';
  return undefined;
}

/** Words for a whole kind without a product type: 护肤品, 彩妆, hair care. */
const KIND_WORDS: [GuideKind, RegExp][] = [
  ['makeup', /彩妆|化妆品|美妆|make-?up|cosmetics/i],
  ['haircare', /护发|洗护|头发|hair ?care|\bhair\b/i],
  ['skincare', /护肤|保养品|skin ?care/i],
];

export function kindOfText(text: string): GuideKind | undefined {
  return KIND_WORDS.find(([, re]) => re.test(text))?.[0];
}

/** Category names in the text, longest first so 洗面奶 is not read as 面霜's 面; canonical catalogue values. */
const CATEGORY_NAMES = [...categoryLookup.keys()].sort((a, b) => b.length - a.length);

/** the whole-word pattern of each short ASCII name, compiled once (this runs on every message) */
const WHOLE_WORD = new Map(CATEGORY_NAMES.filter((name) => /^[a-z ]+$/.test(name)).map((name) => [name, new RegExp(`\\b${name}s?\\b`)]));
const WORD_PATTERNS = new Map<string, RegExp>();

/** `\bword\b`, compiled once per word (the word lists are fixed) */
function wholeWord(word: string): RegExp {
  let pattern = WORD_PATTERNS.get(word);
  if (!pattern) WORD_PATTERNS.set(word, (pattern = new RegExp(`\\b${word}\\b`)));
  return pattern;
}

export function categoriesInText(text: string): string[] {
  let t = text.toLowerCase();
  const found: string[] = [];
  for (const name of CATEGORY_NAMES) {
    // short ASCII names (spf, set, mask) only as whole words
    const word = WHOLE_WORD.get(name);
    const hit = word ? word.test(t) : t.includes(name);
    if (!hit) continue;
    const value = categoryLookup.get(name)!;
    if (!found.includes(value)) found.push(value);
    t = t.split(name).join(' ');
  }
  return found;
}

const CONCERN_NAMES = [...concernLookup.keys()].filter((n) => n.length >= 2).sort((a, b) => b.length - a.length);

/** Catalogue concerns named in the text (修护, 紧致, firming …), for those the guided question does not list. */
export function concernsInText(text: string): string[] {
  const t = text.toLowerCase();
  const found: string[] = [];
  for (const name of CONCERN_NAMES) {
    const hit = /^[a-z -]+$/.test(name) ? wholeWord(name).test(t) : t.includes(name);
    const value = concernLookup.get(name)!;
    if (hit && !found.includes(value)) found.push(value);
  }
  return found;
}

/** The whole message says "no preference" (都可以, 随便, whatever, 不知道): the question is skipped, nothing is assumed. */
export function saysNoPreference(text: string): boolean {
  const t = text.trim().toLowerCase().replace(/[。.!！~～,，\s]+/g, ' ').trim();
  return /^(?:(?:都|哪个|哪种|什么)?(?:可以|行|好|ok)|随便|随意|无所谓|不限|没要求|没有要求|不知道|不清楚|不确定|没想好|你(?:来)?(?:定|推荐|帮我选)|whatever|any(?:thing)?|either|no preference|no limit|doesn'?t matter|don'?t (?:mind|care|know)|not sure|idk|up to you|you (?:choose|pick|decide))(?: (?:is )?(?:fine|ok|okay|works|one))?(?:吧|啦|呀|的|了)?(?: (?:吧|啦|呀|的|了))?$/.test(t);
}

export type BudgetRange = { min?: number; max?: number };

const NUMBER = String.raw`(\d+(?:\.\d+)?)\s*(k|千|w|万)?`;
const toYuan = (n: string, unit?: string) => Number(n) * (unit === 'k' || unit === '千' ? 1000 : unit === 'w' || unit === '万' ? 10000 : 1);

const DIGITS = '零一二两三四五六七八九';
const digit = (c: string | undefined) => (c ? Math.max(0, DIGITS.indexOf(c) - (DIGITS.indexOf(c) >= 3 ? 1 : 0)) : 0);

/** 一百 → 100, 三百五 → 350, 一千二 → 1200, 两千 → 2000, 五十 → 50 (how people write budgets) */
export function withArabicNumbers(text: string): string {
  return text.replace(/([一二两三四五六七八九])(千|百|十)(?:零?([一二两三四五六七八九])(百|十)?)?/g, (_m, a: string, unit: string, b?: string, unit2?: string) => {
    const big = unit === '千' ? 1000 : unit === '百' ? 100 : 10;
    const small = b ? digit(b) * (unit2 === '百' ? 100 : unit2 === '十' ? 10 : big / 10) : 0;
    return String(digit(a) * big + small);
  });
}

/** money words: in a request a number is a budget only with one of them (迪奥999 is a shade, SPF50 a factor) */
const MONEY_WORDS = /块|元|rmb|yuan|[¥￥$]|以内|以下|之内|以上|预算|budget|under|below|within|less than|cheaper than|左右|上下|around|价位|price|花/i;
/** numbers that are not money: sizes, ages, counts, shade codes, SPF */
const NOT_MONEY = /(?:spf|pa|色号|号)\s*\d+\+*|\d+(?:\.\d+)?\s*(?:ml|g\b|毫升|克|岁|多岁|瓶|支|个|款|%|号|色|years?|yo\b)/gi;

// compiled once: these run on every message the shopping signal looks at
const BUDGET_RANGE = new RegExp(`${NUMBER}\\s*(?:-|~|～|到|至|to)\\s*[¥￥]?${NUMBER}`);
const BUDGET_AROUND = new RegExp(`(?:around|about|roughly|大概|差不多)\\s*[¥￥]?\\s*${NUMBER}|${NUMBER}\\s*(?:块|元|rmb|yuan|刀)?\\s*(?:左右|上下|ish)`);
const BUDGET_ABOVE = new RegExp(`(?:above|over|more than|at least)\\s*[¥￥]?\\s*${NUMBER}|${NUMBER}\\s*(?:块|元|rmb|yuan)?\\s*(?:以上|起)`);
const BUDGET_NUMBERS = new RegExp(NUMBER, 'g');

/**
 * A budget range: "100块以内" / "under 300" → max; "200到300" / "200-300" → both; "300左右" / "around 500" →
 * ±20%; "500以上" / "over 500" → min. `bare`: the message answers the budget question, so "500" is money.
 */
export function parseBudgetRange(text: string, bare = false): BudgetRange | undefined {
  if (!bare && !MONEY_WORDS.test(text) && !/\d\s*(?:到|至|~|～)\s*\d/.test(withArabicNumbers(text))) return undefined;
  const t = withArabicNumbers(text).toLowerCase().replace(/,(?=\d{3})/g, '').replace(NOT_MONEY, ' ');
  const range = BUDGET_RANGE.exec(t);
  if (range) {
    const a = toYuan(range[1], range[2]);
    const b = toYuan(range[3], range[4] ?? range[2]);
    if (a >= 10 && b > a) return { min: a, max: b };
  }
  const around = BUDGET_AROUND.exec(t);
  if (around) {
    const n = toYuan(around[1] ?? around[3], around[2] ?? around[4]);
    if (n >= 10) return { min: Math.round(n * 0.8), max: Math.round(n * 1.2) };
  }
  const above = BUDGET_ABOVE.exec(t);
  if (above) {
    const n = toYuan(above[1] ?? above[3], above[2] ?? above[4]);
    if (n >= 10) return { min: n };
  }
  const numbers = [...t.matchAll(BUDGET_NUMBERS)].map((m) => toYuan(m[1], m[2])).filter((n) => n >= 10);
  return numbers.length ? { max: Math.max(...numbers) } : undefined;
}

/** A choice of a guided question: the value kept, its wording, and the words that mean it. */
export interface WordOption<T extends string = string> {
  value: T;
  zh: string;
  en: string;
  words: string[];
}

/** Matches one of the words; ASCII words only whole ("red" is not in "reduce"). */
export function findOption<T extends string>(options: WordOption<T>[], text: string): T | undefined {
  const t = text.toLowerCase();
  return options.find((o) => o.words.some((w) => (/^[a-z ]+$/.test(w) ? wholeWord(w).test(t) : t.includes(w))))?.value;
}

export const SHADE_FAMILIES: WordOption[] = [
  { value: 'red', zh: '正红', en: 'Red', words: ['正红', '大红', '红色', '复古红', 'red'] },
  { value: 'pink', zh: '粉色/豆沙', en: 'Pink', words: ['粉色', '豆沙', '粉嫩', '玫瑰', 'pink', 'rose'] },
  { value: 'nude', zh: '裸色/奶茶', en: 'Nude', words: ['裸色', '奶茶', '裸', 'nude'] },
  { value: 'coral', zh: '珊瑚/蜜桃', en: 'Coral', words: ['珊瑚', '蜜桃', 'coral', 'peach'] },
  { value: 'berry', zh: '莓果/紫红', en: 'Berry', words: ['莓果', '紫红', '梅子', 'berry', 'plum', 'wine'] },
  { value: 'orange', zh: '橘色', en: 'Orange', words: ['橘', '橙', 'orange'] },
  { value: 'brown', zh: '棕调/砖红', en: 'Brown', words: ['棕', '砖红', '焦糖', 'brown', 'brick'] },
];

export function parseShadeFamily(text: string): string | undefined {
  return findOption(SHADE_FAMILIES, text);
}

export type Undertone = 'warm' | 'cool' | 'neutral';

export const UNDERTONES: WordOption<Undertone>[] = [
  { value: 'cool', zh: '冷调/冷白皮', en: 'Cool', words: ['冷调', '冷白', '冷皮', '粉调', '白皙', 'cool', 'fair', 'pale', 'pinkish'] },
  { value: 'warm', zh: '暖调/黄皮', en: 'Warm', words: ['暖调', '暖皮', '黄皮', '黄调', '小麦', 'warm', 'olive', 'golden', 'tan'] },
  { value: 'neutral', zh: '中性调', en: 'Neutral', words: ['中性调', '自然色', 'neutral'] },
];

export function parseUndertone(text: string): Undertone | undefined {
  return findOption(UNDERTONES, text);
}

/** shade families that flatter an undertone (lips and cheeks) */
export const FAMILIES_FOR_UNDERTONE: Record<Undertone, string[]> = {
  cool: ['pink', 'berry', 'red'],
  warm: ['coral', 'orange', 'brown', 'red'],
  neutral: ['nude', 'pink', 'red', 'coral'],
};

/** foundation families for an undertone */
export const BASE_FOR_UNDERTONE: Record<Undertone, string[]> = { cool: ['ivory'], warm: ['beige', 'tan'], neutral: ['beige', 'ivory'] };

export type Finish = 'matte' | 'dewy' | 'satin';

export function parseFinish(text: string): Finish | undefined {
  if (/哑光|雾面|柔雾|丝绒|matte|velvet/i.test(text)) return 'matte';
  if (/水光|光泽|镜面|dewy|glossy|glow/i.test(text)) return 'dewy';
  if (/缎光|滋润|satin|creamy/i.test(text)) return 'satin';
  return undefined;
}

/** product texture words that give each finish */
export const FINISH_WORDS: Record<Finish, RegExp> = { matte: /哑光|柔雾|丝绒/, dewy: /水光|镜面|珠光|闪片/, satin: /缎光|柔润|滋润/ };

export const HAIR_CONCERNS: WordOption[] = [
  { value: '去屑', zh: '去屑止痒', en: 'Dandruff', words: ['去屑', '头屑', '头皮屑', '止痒', '头皮痒', 'dandruff', 'itchy', 'flakes', 'flaky'] },
  { value: '控油', zh: '头皮控油', en: 'Oily scalp', words: ['控油', '出油', '油头', '头油', '头发油', 'oily scalp', 'oily hair', 'greasy'] },
  { value: '修护', zh: '受损修护', en: 'Damaged hair', words: ['受损', '修护', '分叉', '烫染', '烫发', '染发', '漂', '干枯', 'damaged', 'damage', 'repair', 'split ends', 'bleached', 'bleaching', 'dry hair', 'brittle'] },
  { value: '柔顺', zh: '柔顺防毛躁', en: 'Frizz', words: ['毛躁', '柔顺', '顺滑', 'frizz', 'frizzy', 'smooth'] },
  { value: '蓬松', zh: '蓬松', en: 'Volume', words: ['蓬松', '扁塌', 'volume', 'flat hair', 'thin hair'] },
];

export function parseHairConcern(text: string): string | undefined {
  return findOption(HAIR_CONCERNS, text);
}

const RECIPIENTS: [string, RegExp][] = [
  ['mother', /妈妈|老妈|母亲|我妈|婆婆|丈母娘|\bmom\b|\bmum\b|mother|mommy/i],
  ['father', /爸爸|老爸|父亲|我爸|\bdad\b|father/i],
  ['girlfriend', /女朋友|女友|对象|老婆|媳妇|girlfriend|\bgf\b|wife/i],
  ['boyfriend', /男朋友|男友|老公|boyfriend|\bbf\b|husband/i],
  ['friend', /闺蜜|朋友|同事|姐姐|妹妹|老师|friend|colleague|sister|teacher|coworker/i],
];

export function parseRecipient(text: string): string | undefined {
  if (/给自己|自己用|我自己|for myself|^myself$|for me\b/i.test(text.trim())) return 'self';
  return RECIPIENTS.find(([, re]) => re.test(text))?.[0];
}

const GIFT = /礼物|送人|送礼|送给|给.{1,4}买|生日|纪念日|情人节|母亲节|gift|present|birthday|for my (mom|mum|mother|dad|girlfriend|boyfriend|wife|husband|friend|sister)/i;
/** gift wrap, a card or a gift card is a service question, not a gift to choose */
const GIFT_SERVICE = /包装|包成|包一下|包起来|打包|贺卡|礼品卡|小票|wrap|gift card|card|receipt|发票/i;

export const GIFT_WORDS = { test: (text: string) => GIFT.test(text) && !GIFT_SERVICE.test(text) };

export function parseAge(text: string): number | undefined {
  const m = /(\d{2})\s*(?:多)?\s*(?:岁|years? old|yo\b|\+)/i.exec(text) ?? /(?:age[d]?|aged)\s*(\d{2})/i.exec(text);
  if (m) return Number(m[1]);
  const decade = /([二三四五六七八])十多|([二三四五六七八])十几/.exec(text);
  if (decade) return '二三四五六七八'.indexOf(decade[1] ?? decade[2]) * 10 + 25;
  const en = /in (?:her|his|their) (twenties|thirties|forties|fifties|sixties|seventies)|(forties|fifties|sixties)/i.exec(text);
  if (en) return ['twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies'].indexOf((en[1] ?? en[2]).toLowerCase()) * 10 + 25;
  return undefined;
}
