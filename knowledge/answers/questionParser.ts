/**
 * What attribute a product question asks about ("适合油皮吗" → skin type 油皮, "含多少玻色因" →
 * ingredient 玻色因, "开封后能用多久" → period after opening). Order matters: the most specific first.
 */
import { normalizeForSearch } from '../../platform/text/normalize';
import { concernLookup, skinTypeLookup } from '../text/synonyms';

export type AttributeKind =
  | 'skinType' | 'ingredient' | 'ingredients' | 'size' | 'pao' | 'shelfLife' | 'consumption' | 'price'
  | 'usage' | 'texture' | 'fragrance' | 'stock' | 'shades' | 'concern' | 'concerns' | 'brand' | 'country';

export interface AttributeQuestion {
  kind: AttributeKind;
  /** skin type, ingredient or concern asked about, when the question names one */
  value?: string;
}

const RULES: { kind: AttributeKind; pattern: RegExp }[] = [
  { kind: 'pao', pattern: /开封|开盖|打开后|拆封后|after opening|once opened|opened|\bpao\b/ },
  { kind: 'shelfLife', pattern: /保质期|有效期|过期|能放多久|shelf life|expir/ },
  { kind: 'consumption', pattern: /能用多久|可以用多久|用多久|用几个月|用多长时间|how long (does|will|do) (it|one|a bottle|a tube|a jar)|how long.*last/ },
  { kind: 'size', pattern: /容量|多大|多少ml|多少毫升|几毫升|多少克|几克|规格|净含量|\bsize|volume|how big|how many (ml|grams)/ },
  { kind: 'price', pattern: /多少钱|价格|价钱|几块|售价|贵不贵|\bprice|cost|how much is|how much does/ },
  { kind: 'usage', pattern: /怎么用|如何用|用法|使用方法|怎么使用|如何使用|使用步骤|how (do i|to|should i) use|directions/ },
  { kind: 'texture', pattern: /质地|油腻|黏|粘|厚重|清爽吗|texture|greasy|sticky/ },
  { kind: 'fragrance', pattern: /香味|香精|味道|气味|香不香|有香|fragrance|scent|smell|perfume/ },
  { kind: 'stock', pattern: /有货|库存|缺货|还有吗|现货|in stock|available|sold out/ },
  { kind: 'shades', pattern: /色号|颜色|哪些色|什么色|shade|colou?r/ },
  { kind: 'ingredients', pattern: /成分|配方|含有什么|ingredient|formula|what.*in it/ },
  { kind: 'concerns', pattern: /功效|作用|效果|有什么用|what does it do|benefit|good for/ },
  { kind: 'brand', pattern: /哪个牌子|什么牌子|什么品牌|哪个品牌|which brand|what brand/ },
  { kind: 'country', pattern: /产地|哪国|哪里产|哪里生产|made in|where.*made|country/ },
];

const SKIN_WORDS = [...skinTypeLookup.keys()].sort((a, b) => b.length - a.length);
const CONCERN_WORDS = [...concernLookup.keys()].sort((a, b) => b.length - a.length);
const SKIN_QUESTION = /适合|适用|能用|可以用|合适|suit|good for|ok for|work for|for (oily|dry|sensitive|combination|normal)|肤质|skin type/;
const AMOUNT_QUESTION = /多少|浓度|含量|几%|百分之|比例|how much|concentration|percent|%|level of|有没有|含不含|是否含|does it (contain|have)|contain/;

function wordIn(text: string, word: string): boolean {
  if (!/^[a-z]/.test(word)) return text.includes(word);
  return new RegExp(`(^|[^a-z])${word.replace(/[-]/g, '\\-')}([^a-z]|$)`).test(text);
}

/**
 * The attribute a question asks about. `ingredientNames` are the ingredient names the product (or the
 * catalogue) knows, so "含多少玻色因" finds 玻色因 even when no rule names it.
 */
export function parseAttributeQuestion(question: string, ingredientNames: string[]): AttributeQuestion | undefined {
  const q = normalizeForSearch(question);
  const ingredient = ingredientNames
    .filter((n) => n.length >= 2)
    .sort((a, b) => b.length - a.length)
    .find((n) => q.includes(normalizeForSearch(n)));
  if (ingredient && AMOUNT_QUESTION.test(q)) return { kind: 'ingredient', value: ingredient };
  const skin = SKIN_WORDS.find((w) => wordIn(q, w));
  if (skin && (SKIN_QUESTION.test(q) || /吗|\?|？/.test(q))) return { kind: 'skinType', value: skinTypeLookup.get(skin) };
  if (!skin && /什么肤质|哪种肤质|什么皮肤|哪种皮肤|什么发质|哪种发质|什么头皮|which skin|what skin|skin type|hair type/.test(q)) return { kind: 'skinType' };
  for (const rule of RULES) if (rule.pattern.test(q)) return { kind: rule.kind };
  const concern = CONCERN_WORDS.find((w) => wordIn(q, w));
  if (concern && /能|可以|会|吗|does|can|will|is it|\?|？/.test(q)) return { kind: 'concern', value: concernLookup.get(concern) };
  if (ingredient) return { kind: 'ingredient', value: ingredient };
  return undefined;
}
