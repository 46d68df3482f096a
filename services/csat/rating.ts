/**
 * Reading a satisfaction rating out of a customer's message (pure): "5", "５", "5分", "五星", "⭐⭐⭐",
 * "非常满意", "很差", "great", "terrible", "4/5". Only a message that is a rating and nothing else counts,
 * so "我的订单呢" or "5 bottles of toner" is never taken for one.
 */
export interface Rating {
  score: number;
  /** the language the rating was written in, when it shows one (digits and stars do not) */
  lang?: 'zh' | 'en';
}

const HAN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5 };

/** Whole-message words, most specific first (非常不满意 before 满意). */
const ZH_WORDS: [RegExp, number][] = [
  [/^(非常|很|特别|超级?|十分)不满意$|^(很|太|非常|特别|超级?)差(劲)?$|^差评$|^垃圾$|^(很|太|非常)?糟糕?$/, 1],
  [/^不(太|怎么)?满意$|^(有点|比较)?差$|^不好$|^不太好$/, 2],
  [/^一般(般)?$|^还行$|^还可以$|^凑合$|^马马虎虎$|^中评$/, 3],
  [/^满意$|^(挺|很|蛮)?不错$|^(挺|蛮)好(的)?$|^比较满意$/, 4],
  [/^(非常|很|特别|超级?|十分)满意$|^(五星)?好评$|^(很|非常|特别)?(棒|赞)(极了)?$|^(很|非常|特别)好$|^完美$/, 5],
];

const EN_WORDS: [RegExp, number][] = [
  [/^(very bad|terrible|awful|horrible|the worst|very poor|useless)$/, 1],
  [/^(bad|poor|not good|not great|unhappy|dissatisfied)$/, 2],
  [/^(ok|okay|average|so so|so-so|fine|meh|alright|neutral)$/, 3],
  [/^(good|satisfied|pretty good|nice|happy)$/, 4],
  [/^(great|excellent|awesome|amazing|perfect|very good|very satisfied|fantastic|brilliant|love it)$/, 5],
];

export function parseRating(raw: string | undefined): Rating | undefined {
  const text = (raw ?? '')
    .normalize('NFKC') // ５ → 5
    .trim()
    .replace(/[\s。.!！~～,，]+$/u, '')
    .replace(/^(我)?(给|打)(你们?)?/u, '')
    .trim();
  if (!text || text.length > 24) return undefined;

  const stars = text.replace(/\uFE0F/g, '');
  if (/^[⭐★🌟]{1,5}$/u.test(stars)) return { score: [...stars].length };

  const number = /^([1-5])\s*(分|星|颗星|stars?|points?|\/\s*5|out of 5)?\s*(吧|啦|呀)?$/iu.exec(text);
  if (number) {
    const unit = number[2] ?? '';
    return { score: Number(number[1]), lang: /分|星/u.test(unit) ? 'zh' : /[a-z]/i.test(unit) ? 'en' : undefined };
  }
  const han = /^([一二两三四五])\s*(分|星|颗星)\s*(吧|啦|呀)?$/u.exec(text);
  if (han) return { score: HAN_DIGITS[han[1]], lang: 'zh' };

  for (const [pattern, score] of ZH_WORDS) if (pattern.test(text)) return { score, lang: 'zh' };
  const lower = text.toLowerCase();
  for (const [pattern, score] of EN_WORDS) if (pattern.test(lower)) return { score, lang: 'en' };
  return undefined;
}
