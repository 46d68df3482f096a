/**
 * Recommendations as product cards: name, price, the claim that matters to this customer (their concern
 * and the ingredient behind it) and why it fits them (skin type, texture, budget). When nothing matches
 * every need, the least important needs are relaxed (texture, then budget) and the reply says so.
 */
import type { Activity } from 'botbuilder';
import type { KnowledgeBase, Needs, Product } from '../../knowledge/types';
import type { CustomerProfile } from '../../services/customers/profile';
import { HeroOptions, productCarousel, productHeroCard, productLine } from '../flow/cards';
import { ReplyLanguage, say } from '../flow/language';
import { CONCERNS, label } from './answerParsers';
import { GUIDE_TEXT } from './text';

export function needsOf(profile: CustomerProfile, category?: string): Needs {
  return {
    ...(profile.concerns?.[0] ? { concern: profile.concerns[0] } : {}),
    ...(profile.skinType ? { skinType: profile.skinType } : {}),
    ...(profile.budgetMax ? { budgetMax: profile.budgetMax } : {}),
    ...(profile.texture && profile.texture !== 'any' ? { texture: profile.texture } : {}),
    ...(category ? { category } : {}),
  };
}

/** The claim that matters: the customer's concern, with the key ingredient and its strength when known. */
export function claimFor(p: Product, needs: Needs, lang: ReplyLanguage): string | undefined {
  const concern = needs.concern && p.concerns?.includes(needs.concern) ? needs.concern : p.concerns?.[0];
  const ing = p.ingredients?.find((i) => i.concentration !== undefined) ?? p.ingredients?.[0];
  const ingText = ing ? `${say(lang, { zh: ing.name, en: ing.nameEn ?? ing.name })}${ing.concentration !== undefined ? ` ${ing.concentration}%` : ''}` : undefined;
  const parts = [concern ? label(CONCERNS, concern, lang) : undefined, ingText].filter(Boolean);
  return parts.length ? parts.join(' · ') : undefined;
}

/** Why it fits this customer, from what they told us. */
export function whyFor(p: Product, needs: Needs, lang: ReplyLanguage): string | undefined {
  const reasons: string[] = [];
  if (needs.skinType && (p.skinTypes?.includes(needs.skinType) || p.skinTypes?.includes('所有肤质'))) {
    reasons.push(say(lang, GUIDE_TEXT.suitsSkin(needs.skinType)));
  }
  if (needs.concern && p.concerns?.includes(needs.concern)) {
    reasons.push(say(lang, GUIDE_TEXT.targetsConcern(needs.concern)));
  }
  if (needs.texture && p.texture?.includes(needs.texture)) {
    reasons.push(say(lang, GUIDE_TEXT.hasTexture(p.texture, needs.texture)));
  }
  if (needs.budgetMax && p.price <= needs.budgetMax) reasons.push(say(lang, GUIDE_TEXT.withinBudget(needs.budgetMax)));
  if (reasons.length === 0) return undefined;
  return say(lang, GUIDE_TEXT.whyItFits(reasons));
}

export interface Recommendation {
  products: Product[];
  needs: Needs;
  relaxed: boolean;
  activity: Partial<Activity>;
}

export function recommend(knowledge: KnowledgeBase, needs: Needs, lang: ReplyLanguage, cartBase?: string, limit = 3): Recommendation | undefined {
  const attempts: Needs[] = [needs, { ...needs, texture: undefined }, { ...needs, texture: undefined, budgetMax: undefined }, { concern: needs.concern, category: needs.category }];
  for (const [i, attempt] of attempts.entries()) {
    const found = knowledge.recommend(attempt, limit * 2).filter((p) => !p.competitor);
    // the customer's concern is what they came for: never fill the list with products for another one
    const onConcern = needs.concern ? found.filter((p) => p.concerns?.includes(needs.concern!)) : found;
    const products = (onConcern.length ? onConcern : found).slice(0, limit);
    if (products.length === 0) continue;
    const relaxed = i > 0 || onConcern.length === 0;
    const options = (p: Product): HeroOptions => ({ claim: claimFor(p, needs, lang), why: whyFor(p, needs, lang), cartBase });
    const intro = relaxed
      ? say(lang, GUIDE_TEXT.relaxedIntro)
      : say(lang, GUIDE_TEXT.picksIntro(products.length));
    const text = [intro, ...products.map((p, n) => `${n + 1}. ${productLine(p, lang, options(p))}`)].join('\n');
    const activity = productCarousel(text, products.map((p) => productHeroCard(p, lang, options(p))));
    return { products, needs, relaxed, activity };
  }
  return undefined;
}
