/**
 * Ingredients in a message and the customer's stance on each: wanted (想要烟酰胺的, with retinol), avoided
 * (不要酒精, 无香精, alcohol-free, no fragrance), allergies (对酒精过敏, allergic to fragrance) — or only
 * mentioned (孕妇能用A醇吗: a question about it, neither wanted nor avoided). Values are the canonical
 * English names below, so the safety table and the product filters can match products' ingredient names
 * through INGREDIENT_NAMES; an allergen not in the list is kept as written, lower case.
 */

/**
 * canonical name → how customers write it (zh and en, colloquial and INCI-ish). The canonical names are the
 * Chinese ones the catalogue's ingredient lists use (烟酰胺, 视黄醇, 酒精, 香精), so a frame's ingredient
 * matches a product's without another table; INGREDIENT_EN gives the English word for replies.
 */
export const INGREDIENT_NAMES: Record<string, string[]> = {
  烟酰胺: ['烟酰胺', '尼克酰胺', '维b3', '维生素b3', 'vb3', 'niacinamide', 'nicotinamide', 'vitamin b3'],
  视黄醇: ['视黄醇', 'a醇', '维a醇', '维a', '维生素a', '视黄醛', '视黄酯', '维a酸', '维甲酸', '阿达帕林', 'retinol', 'retinal', 'retinoid', 'retinoids', 'tretinoin', 'adapalene', 'vitamin a'],
  透明质酸: ['玻尿酸', '透明质酸', '透明质酸钠', 'hyaluronic acid', 'sodium hyaluronate', 'hyaluronic'],
  水杨酸: ['水杨酸', 'bha', 'salicylic acid', 'salicylic'],
  果酸: ['果酸', '甘醇酸', '乙醇酸', 'aha', 'glycolic acid', 'glycolic', 'alpha hydroxy acid'],
  乳酸: ['乳酸', 'lactic acid'],
  杏仁酸: ['杏仁酸', 'mandelic acid'],
  壬二酸: ['壬二酸', 'azelaic acid'],
  维生素C: ['维c', '维生素c', 'vc', '抗坏血酸', 'vitamin c', 'ascorbic acid', 'l-ascorbic acid'],
  维生素E: ['维e', '维生素e', '生育酚', 'vitamin e', 'tocopherol'],
  对苯二酚: ['氢醌', '对苯二酚', 'hydroquinone'],
  熊果苷: ['熊果苷', 'arbutin'],
  传明酸: ['传明酸', '氨甲环酸', 'tranexamic acid'],
  酒精: ['酒精', '乙醇', 'alcohol', 'ethanol', 'alcohol denat'],
  香精: ['香精', '香料', '香味', '香氛', 'fragrance', 'parfum', 'scent', 'scents'],
  精油: ['精油', 'essential oil', 'essential oils'],
  防腐剂: ['防腐剂', '尼泊金酯', '羟苯甲酯', 'paraben', 'parabens', 'preservatives'],
  硅油: ['硅油', '硅酮', 'silicone', 'silicones', 'dimethicone'],
  矿物油: ['矿物油', '白油', 'mineral oil', 'petrolatum'],
  神经酰胺: ['神经酰胺', 'ceramide', 'ceramides'],
  胜肽: ['胜肽', '多肽', '六胜肽', 'peptide', 'peptides'],
  积雪草: ['积雪草', '积雪草苷', 'cica', 'centella', 'centella asiatica'],
  角鲨烷: ['角鲨烷', 'squalane'],
  玻色因: ['玻色因', 'pro-xylane', 'proxylane'],
  二裂酵母: ['二裂酵母', 'bifida', 'bifida ferment'],
  虾青素: ['虾青素', 'astaxanthin'],
  补骨脂酚: ['补骨脂酚', 'bakuchiol'],
  泛醇: ['泛醇', '维b5', 'b5', 'panthenol'],
  甘油: ['甘油', 'glycerin', 'glycerine'],
  茶树: ['茶树', '茶树油', 'tea tree', 'tea tree oil'],
  硫酸盐: ['硫酸盐', 'sls', 'sles', 'sulfate', 'sulfates', 'sulphate', 'sulphates'],
  羊毛脂: ['羊毛脂', 'lanolin'],
  过氧化苯甲酰: ['过氧化苯甲酰', 'benzoyl peroxide'],
  化学防晒剂: ['化学防晒剂', '化学防晒', 'chemical sunscreen', 'chemical filters', 'oxybenzone', '二苯酮'],
  酸类: ['刷酸', '酸类', 'acids', 'exfoliating acids'],
};

/** canonical name → its usual English name (the first English one listed) */
export const INGREDIENT_EN: Record<string, string> = Object.fromEntries(
  Object.entries(INGREDIENT_NAMES).map(([id, names]) => [id, names.find((n) => /^[a-z]/.test(n) && n.length > 3) ?? names.find((n) => /^[a-z]/.test(n)) ?? id]),
);

const NAME_TO_ID = new Map<string, string>();
for (const [id, names] of Object.entries(INGREDIENT_NAMES)) for (const n of [id.toLowerCase(), ...names]) NAME_TO_ID.set(n, id);

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const longestFirst = (names: string[]): string => names.sort((a, b) => b.length - a.length).map(escape).join('|');
const ALL_NAMES = [...NAME_TO_ID.keys()];
/** every name, longest first, in one precompiled alternation; Latin names stand as words (one shared boundary check) */
const INGREDIENT = new RegExp(
  `(?<![a-z0-9])(?:${longestFirst(ALL_NAMES.filter((n) => /^[a-z0-9]/.test(n)))})(?![a-z0-9])|${longestFirst(ALL_NAMES.filter((n) => !/^[a-z0-9]/.test(n)))}`,
  'g',
);

const HAS_INGREDIENT = new RegExp(INGREDIENT.source);

/** cues in front of an ingredient; the nearest one in the same clause decides (有没有 before 没有, 不要 before 要) */
const CUE =
  /有没有|不想要|不要|不含|不加|不能有|别有|没有|无(?!法)|去掉|避开|避免|远离|拒绝|怕|受不了|不能用|不敢用|不用|排除|想要|要|含有|含|加了|添加|带有|带|主打|有|\bno\b|\bwithout\b|\bavoid(?:ing)?\b|\bfree (?:of|from)\b|\bnot containing\b|\bdon'?t want\b|\bdo not want\b|\bnothing with\b|\bexcept\b|\bhate\b|\bcan'?t (?:use|have|stand)\b|\bcannot use\b|\bwith\b|\bcontain(?:s|ing)?\b|\bhas\b|\bhave\b|\bwant\b|\bneed\b|\blooking for\b|\brich in\b|\bbased\b/g;
const AVOID_CUES = /^(?:不想要|不要|不含|不加|不能有|别有|没有|无|去掉|避开|避免|远离|拒绝|怕|受不了|不能用|不敢用|不用|排除|no|without|avoid|avoiding|free of|free from|not containing|don'?t want|do not want|nothing with|except|hate|can'?t (?:use|have|stand)|cannot use)$/;
const HAS_CUES = /^(?:含有|含|有|contain|contains|containing|has|have)$/;
const CLAUSE_END = /[，,。.;；!！?？\n]|但是|但|不过|\bbut\b/g;
const QUESTION = /[吗嘛么?？]|^(?:does|do|is|are|can|will|would|could)\b/;
/** 能用…吗 / is it safe: asking whether it may be used, not asking for it */
const MAY_I_USE = /能用|可以用|能不能用|可不可以用|能涂|能擦|能碰|安全|\bcan i use\b|\bsafe\b|\bok(?:ay)? to use\b|\bis it ok\b/;
const FREE_AFTER = /^\s?-?\s?free\b|^(?:-|\s)?free\b/;
const ALLERGY_AFTER = /^\s?(?:过敏|不耐受|allergy|allergies)/;
const WANTED_AFTER = /^\s?(?:成分)?的(?!话)|^\s(?:serum|cream|toner|essence|moisturi[sz]er|cleanser|products?|sunscreen|mask|lotion)\b/;
const ALLERGY_ZH = /对([^，,。.;；!！?？\s]{1,10}?)(?:都|也|会|有点|有些|比较|很|特别|容易|严重)*过敏/g;
const ALLERGY_EN = /allergic to ([a-z][a-z' -]{1,40}?)(?=[,.;!?]|$| but | so | please| and i\b| and need| and want)/g;
const FILLER_ALLERGEN = /^(?:很多|好多|什么|这个|那个|它|东西|很多东西|好多东西|something|everything|a lot|lots|many things|stuff|it|this|that)$/;

export const FRAGRANCE_FREE = /无香|无味|没有香味|不要香味|不要有香味|不加香精|不含香精|fragrance[- ]?free|unscented|perfume[- ]free|scent[- ]free|no (?:fragrance|scent|perfume)|without (?:fragrance|scent|perfume)/;

export interface IngredientStance {
  wanted: string[];
  avoided: string[];
  allergies: string[];
  mentioned: string[];
  /** where the avoided and allergy ingredients stand (a category word there, e.g. fragrance, is not wanted) */
  avoidedSpans: [number, number][];
}

const push = (list: string[], v: string): void => {
  if (v && !list.includes(v)) list.push(v);
};

function clauseBounds(text: string): number[] {
  const ends: number[] = [];
  for (const m of text.matchAll(CLAUSE_END)) ends.push(m.index);
  return ends;
}

/** The canonical ingredients named in `text` (lower case), or the text itself when none is. */
function allergensIn(phrase: string): string[] {
  const found = [...phrase.matchAll(INGREDIENT)].map((m) => NAME_TO_ID.get(m[0])!);
  if (found.length > 0) return found;
  const cleaned = phrase.replace(/^(?:the|my|some|any)\s/, '').trim();
  return cleaned && !FILLER_ALLERGEN.test(cleaned) ? [cleaned] : [];
}

/** `text` is the message lower-cased and half-width. */
export function ingredientStance(text: string): IngredientStance {
  const out: IngredientStance = { wanted: [], avoided: [], allergies: [], mentioned: [], avoidedSpans: [] };
  if (!/[a-z\u4e00-\u9fff]/.test(text)) return out;
  for (const m of text.matchAll(ALLERGY_ZH)) for (const a of allergensIn(m[1].replace(/^(?:了|于|含)/, ''))) push(out.allergies, a);
  for (const m of text.matchAll(ALLERGY_EN)) for (const a of allergensIn(m[1])) push(out.allergies, a);
  if (!HAS_INGREDIENT.test(text)) return finish(out);
  const ends = clauseBounds(text);
  const cues = [...text.matchAll(CUE)];
  for (const m of text.matchAll(INGREDIENT)) {
    const id = NAME_TO_ID.get(m[0])!;
    const start = m.index;
    const end = start + m[0].length;
    const after = text.slice(end, end + 14);
    push(out.mentioned, id);
    if (ALLERGY_AFTER.test(after) || out.allergies.includes(id)) {
      push(out.allergies, id);
      out.avoidedSpans.push([start, end]);
      continue;
    }
    if (FREE_AFTER.test(after)) {
      push(out.avoided, id);
      out.avoidedSpans.push([start, end]);
      continue;
    }
    const clauseStart = ends.filter((e) => e < start).pop() ?? -1;
    const clauseEnd = ends.find((e) => e >= end) ?? text.length;
    const cue = cues.filter((c) => c.index > clauseStart && c.index + c[0].length <= start).pop()?.[0];
    if (cue && AVOID_CUES.test(cue)) {
      push(out.avoided, id);
      out.avoidedSpans.push([start, end]);
    }
    else if (isQuestion(text.slice(clauseStart + 1, clauseEnd + 1).trim(), cue, after)) continue;
    else if (cue || WANTED_AFTER.test(after)) push(out.wanted, id);
  }
  return finish(out);
}

/** a question about the ingredient (含酒精吗, 孕妇能用A醇的精华吗) rather than a wish for it */
function isQuestion(clause: string, cue: string | undefined, after: string): boolean {
  if (!QUESTION.test(clause)) return false;
  if (MAY_I_USE.test(clause)) return true;
  return cue !== undefined && HAS_CUES.test(cue) && !WANTED_AFTER.test(after);
}

/** an allergen is also avoided; what is avoided is never also wanted */
function finish(out: IngredientStance): IngredientStance {
  for (const a of out.allergies) if (NAME_TO_ID.has(a) || INGREDIENT_NAMES[a]) push(out.avoided, a);
  out.wanted = out.wanted.filter((w) => !out.avoided.includes(w));
  return out;
}

/** The canonical name of an ingredient written any known way (A醇 → retinol), or the name itself, lower case. */
export function canonicalIngredient(name: string): string {
  const lower = name.trim().toLowerCase();
  return NAME_TO_ID.get(lower) ?? lower;
}
