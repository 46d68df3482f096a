/**
 * Cross-sell after purchase interest: what goes with the product (a lipstick's same-shade blush, a
 * bundle partner), from knowledge.crossSell, as cards with the reason in the customer's language.
 */
import type { Attachment } from 'botbuilder';
import type { KnowledgeBase, Product } from '../../knowledge/types';
import { productHeroCard, productName } from '../flow/cards';
import { money } from '../flow/format';
import { ReplyLanguage, say } from '../flow/language';
import { MARKETING_TEXT } from './text';

export interface CrossSellReply {
  text: string;
  cards: Attachment[];
  products: Product[];
}

function reason(base: Product, extra: Product, lang: ReplyLanguage, shadeText?: string): string {
  const named = shadeText ? base.shades?.find((s) => shadeText.includes(s.code) || shadeText.includes(s.name)) : undefined;
  const family = (named ?? base.shades?.[0])?.family;
  if (family && extra.shades?.some((s) => s.family === family)) {
    const shade = extra.shades.find((s) => s.family === family)!;
    return say(lang, MARKETING_TEXT.sameShadeFamily(shade.name, family));
  }
  return say(lang, MARKETING_TEXT.pairsWith(productName(base, lang)));
}

/** `shadeText`: the customer's message, to match the shade they named (999 → the red blush). */
export function crossSellFor(knowledge: KnowledgeBase, product: Product, lang: ReplyLanguage, cartBase?: string, shadeText?: string, limit = 2): CrossSellReply | undefined {
  const products = knowledge.crossSell(product._id).filter((p) => !p.competitor && p.stock > 0 && p._id !== product._id).slice(0, limit);
  if (products.length === 0) return undefined;
  const lines = products.map((p) => `· ${productName(p, lang)} ${money(p.price)} — ${reason(product, p, lang, shadeText)}`);
  const text = [say(lang, MARKETING_TEXT.crossSellIntro), ...lines].join('\n');
  const cards = products.map((p) => productHeroCard(p, lang, { why: reason(product, p, lang, shadeText), cartBase }));
  return { text, cards, products };
}
