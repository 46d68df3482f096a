/**
 * Answers a question about one product from its data only. When the data lacks the value the answer says
 * so plainly (found: false, confidence 0) — it never guesses a number.
 */
import type { Answer, Lang, Product } from '../types';
import { concernEn, skinTypeEn } from '../text/synonyms';
import { canonicalConcern, canonicalSkinType } from '../search/productTerms';
import { AttributeQuestion, parseAttributeQuestion } from './questionParser';
import { normalizeForSearch } from '../../platform/text/normalize';

const say = (lang: Lang, zh: string, en: string) => (lang === 'zh' ? zh : en);
const list = (lang: Lang, items: string[]) => items.join(lang === 'zh' ? '、' : ', ');
const skinName = (lang: Lang, s: string) => (lang === 'zh' ? s : (skinTypeEn[s] ?? s));
const concernName = (lang: Lang, c: string) => (lang === 'zh' ? c : (concernEn[c] ?? c));
const months = (lang: Lang, m: number) => say(lang, `${m}个月`, `${m} months`);

function found(product: Product, answer: string, confidence = 0.95): Answer {
  return { answer, sources: [product._id], confidence, found: true };
}

export function notInData(product: Product, lang: Lang, what: { zh: string; en: string }): Answer {
  return {
    answer: say(lang, `商品资料里没有「${product.title}」的${what.zh}信息，我不想猜测；可以帮您转人工客服确认。`,
      `The product data for "${product.titleEn ?? product.title}" does not say its ${what.en}; I would rather not guess — a human agent can check.`),
    sources: [product._id],
    confidence: 0,
    found: false,
  };
}

export function answerFor(product: Product, q: AttributeQuestion, lang: Lang): Answer {
  const name = lang === 'zh' ? `「${product.title}」` : (product.titleEn ?? product.title);
  switch (q.kind) {
    case 'skinType': {
      const types = product.skinTypes ?? [];
      if (!types.length) return notInData(product, lang, { zh: '适用肤质', en: 'suitable skin types' });
      if (!q.value) return found(product, say(lang, `${name}适合：${list(lang, types)}。`, `${name} suits: ${list(lang, types.map((t) => skinName(lang, t)))}.`));
      const canon = types.map(canonicalSkinType);
      if (canon.includes(q.value)) return found(product, say(lang, `适合。资料标注${name}适合${list(lang, types)}，包括${q.value}。`, `Yes. ${name} is listed for ${list(lang, types.map((t) => skinName(lang, t)))}, including ${skinName(lang, q.value)}.`));
      if (canon.includes('所有肤质')) return found(product, say(lang, `适合。资料标注${name}适合所有肤质。`, `Yes. ${name} is listed as suitable for all skin types.`));
      return found(product, say(lang, `资料标注${name}适合${list(lang, types)}，没有列出${q.value}，${q.value}使用前建议先在耳后试用。`,
        `${name} is listed for ${list(lang, types.map((t) => skinName(lang, t)))}; ${skinName(lang, q.value)} is not listed, so patch-test first.`), 0.85);
    }
    case 'ingredient': {
      const ing = (product.ingredients ?? []).find((i) => i.name === q.value || i.nameEn?.toLowerCase() === q.value?.toLowerCase());
      if (!product.ingredients?.length) return notInData(product, lang, { zh: '成分', en: 'ingredients' });
      if (!ing) return found(product, say(lang, `资料列出的主要成分里没有${q.value}（主要成分：${list(lang, product.ingredients.map((i) => i.name))}）。`,
        `${q.value} is not among the key ingredients listed (${list(lang, product.ingredients.map((i) => i.nameEn ?? i.name))}).`), 0.7);
      if (ing.concentration === undefined) {
        return { ...notInData(product, lang, { zh: `${ing.name}浓度`, en: `${ing.nameEn ?? ing.name} concentration` }),
          answer: say(lang, `${name}含有${ing.name}，但资料里没有公布它的浓度，我不想猜测。`, `${name} contains ${ing.nameEn ?? ing.name}, but the data does not give its concentration, and I would rather not guess.`) };
      }
      return found(product, say(lang, `${name}含${ing.name} ${ing.concentration}%。`, `${name} contains ${ing.concentration}% ${ing.nameEn ?? ing.name}.`));
    }
    case 'ingredients':
      if (!product.ingredients?.length) return notInData(product, lang, { zh: '成分', en: 'ingredients' });
      return found(product, say(lang, `${name}的主要成分：${list(lang, product.ingredients.map((i) => (i.concentration !== undefined ? `${i.name} ${i.concentration}%` : i.name)))}。`,
        `Key ingredients of ${name}: ${list(lang, product.ingredients.map((i) => (i.concentration !== undefined ? `${i.nameEn ?? i.name} ${i.concentration}%` : (i.nameEn ?? i.name))))}.`));
    case 'size': {
      if (!product.sizes?.length) return notInData(product, lang, { zh: '容量', en: 'size' });
      // sizes[0] is the size this listing prices (the card shows it); the customer reads them smallest first
      const sizes = [...product.sizes].sort((x, y) => parseFloat(x) - parseFloat(y));
      return found(product, say(lang, `${name}的规格：${list(lang, sizes)}。`, `${name} comes in ${list(lang, sizes)}.`));
    }
    case 'pao':
      if (product.paoMonths === undefined) return notInData(product, lang, { zh: '开封后使用期限', en: 'period after opening' });
      return found(product, say(lang, `${name}开封后建议在${months(lang, product.paoMonths)}内用完。`, `Use ${name} within ${months(lang, product.paoMonths)} of opening.`));
    case 'shelfLife':
      if (product.shelfLifeMonths === undefined) return notInData(product, lang, { zh: '保质期', en: 'shelf life' });
      return found(product, say(lang, `${name}未开封保质期${months(lang, product.shelfLifeMonths)}（以包装批号为准）。`, `Unopened, ${name} keeps ${months(lang, product.shelfLifeMonths)} (see the batch code on the pack).`));
    case 'consumption':
      if (product.consumptionDays === undefined) return notInData(product, lang, { zh: '使用周期', en: 'how long one unit lasts' });
      return found(product, say(lang, `按正常用量，一件${name}大约可以用${product.consumptionDays}天。`, `In normal use one ${name} lasts about ${product.consumptionDays} days.`), 0.85);
    case 'price':
      return found(product, say(lang, `${name}售价¥${product.price}。`, `${name} costs ¥${product.price}.`));
    case 'usage':
      if (!product.usage) return notInData(product, lang, { zh: '使用方法', en: 'directions' });
      return found(product, say(lang, `${name}的用法：${product.usage}`, `How to use ${name}: ${product.usage}`));
    case 'texture':
      if (!product.texture) return notInData(product, lang, { zh: '质地', en: 'texture' });
      return found(product, say(lang, `${name}的质地：${product.texture}。`, `Texture of ${name}: ${product.texture}.`));
    case 'fragrance':
      if (!product.fragrance) return notInData(product, lang, { zh: '香味', en: 'fragrance' });
      return found(product, say(lang, `${name}的香味：${product.fragrance}。`, `Fragrance of ${name}: ${product.fragrance}.`));
    case 'stock':
      if (product.competitor) return found(product, say(lang, `${name}不是本店销售的商品，仅供对比参考。`, `${name} is not sold in our store; we keep it for comparison only.`));
      return found(product, product.stock > 0 ? say(lang, `${name}有货（库存${product.stock}件）。`, `${name} is in stock (${product.stock} left).`) : say(lang, `${name}暂时缺货。`, `${name} is out of stock at the moment.`));
    case 'shades':
      if (!product.shades?.length) return notInData(product, lang, { zh: '色号', en: 'shades' });
      return found(product, say(lang, `${name}的色号：${list(lang, product.shades.map((s) => `${s.code} ${s.name}`))}。`, `${name} shades: ${list(lang, product.shades.map((s) => `${s.code} (${s.name})`))}.`));
    case 'concern': {
      const concerns = (product.concerns ?? []).map(canonicalConcern);
      if (!concerns.length) return notInData(product, lang, { zh: '功效', en: 'benefits' });
      if (q.value && concerns.includes(q.value)) return found(product, say(lang, `是的，${name}的功效包括${q.value}。`, `Yes, ${name} is made for ${concernName(lang, q.value)}.`));
      return found(product, say(lang, `资料标注${name}的功效是${list(lang, product.concerns ?? [])}，没有标注${q.value}。`,
        `${name} is listed for ${list(lang, (product.concerns ?? []).map((c) => concernName(lang, c)))}; ${concernName(lang, q.value ?? '')} is not listed.`), 0.8);
    }
    case 'concerns':
      if (!product.concerns?.length) return notInData(product, lang, { zh: '功效', en: 'benefits' });
      return found(product, say(lang, `${name}的功效：${list(lang, product.concerns)}。`, `${name} is for: ${list(lang, product.concerns.map((c) => concernName(lang, c)))}.`));
    case 'brand':
      return found(product, say(lang, `${name}是${product.brand}的产品。`, `${name} is made by ${product.brand}.`));
    case 'country':
      return notInData(product, lang, { zh: '产地', en: 'country of manufacture' });
  }
}

/**
 * The question without the product's own name: "初研玻色因紧致修护精华值得入手吗" names 修护 only because
 * it is in the title, not because the customer asks whether it repairs.
 */
function withoutProductName(question: string, product: Product): string {
  let q = normalizeForSearch(question);
  const title = normalizeForSearch(product.title);
  const names = [title, title.replace(/\s*\d+(\.\d+)?\s*(ml|g|片)\s*$/i, ''), ...(product.nicknames ?? []).map(normalizeForSearch)];
  if (product.titleEn) names.push(normalizeForSearch(product.titleEn));
  for (const name of names.sort((a, b) => b.length - a.length)) if (name.length >= 2) q = q.split(name).join(' ');
  return q;
}

/** Parses the question and answers it; undefined when it does not ask about an attribute at all. */
export function answerAttributeQuestion(product: Product, question: string, lang: Lang, ingredientNames: string[]): Answer | undefined {
  const names = [...(product.ingredients ?? []).flatMap((i) => [i.name, i.nameEn ?? '']), ...ingredientNames];
  const q = parseAttributeQuestion(withoutProductName(question, product), names);
  return q ? answerFor(product, q, lang) : undefined;
}
