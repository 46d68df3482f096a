/**
 * Recommendations as product cards: name, price, the claim that matters to this customer (their concern
 * and the ingredient behind it) and, in a few words, why it fits them ("适合油皮 · ¥100以内"). Constraints
 * (allergies, fragrance-free, pregnancy) filter and are never relaxed; when nothing matches every wish,
 * the least important ones are relaxed (texture and finish, then budget) and the reply says so.
 */
import type { Activity } from 'botbuilder';
import type { KnowledgeBase, Needs, Product, TopCategory } from '../../knowledge/types';
import { HeroOptions, productCarousel, productHeroCard, productLine } from '../flow/cards';
import { ReplyLanguage, say } from '../flow/language';
import { CONCERNS, label, TEXTURES } from './answerParsers';
import { allowedBy, constraintsNote } from './constraints';
import { categoryLookup } from '../../knowledge/text/synonyms';
import { BASE_FOR_UNDERTONE, FAMILIES_FOR_UNDERTONE, FINISH_WORDS, makeupQuestion } from './requestParsers';
import { concernEn, GUIDE_TEXT } from './text';
import { forSomeoneElse, kindOf, Wishes } from './wishes';

/** The claim that matters: the customer's concern, with the key ingredient and its strength when known. */
export function claimFor(p: Product, needs: Pick<Needs, 'concern'>, lang: ReplyLanguage): string | undefined {
  const concern = needs.concern && p.concerns?.includes(needs.concern) ? needs.concern : p.concerns?.[0];
  const ing = p.ingredients?.find((i) => i.concentration !== undefined) ?? p.ingredients?.[0];
  const ingText = ing ? `${say(lang, { zh: ing.name, en: ing.nameEn ?? ing.name })}${ing.concentration !== undefined ? ` ${ing.concentration}%` : ''}` : undefined;
  const concernText = concern && (lang === 'zh' || CONCERNS.some((c) => c.value === concern) ? label(CONCERNS, concern, lang) : concernEn(concern));
  const parts = [concernText, ingText].filter(Boolean);
  return parts.length ? parts.join(' · ') : undefined;
}

/** A gift without a product type: what usually pleases that person. */
function giftDefaults(w: Wishes): Partial<Needs> {
  if (w.categories.length || w.kind) return {};
  if (w.recipient === 'girlfriend' || w.recipient === 'friend') return { category: '口红' };
  return { topCategory: 'skincare' };
}

/** The knowledge base's needs for the wishes (its search filters on these). */
export function needsFor(w: Wishes): Needs {
  const kind = kindOf(w);
  const category = w.categories[0];
  const topCategory: TopCategory | undefined = !category && w.kind && w.kind !== 'other' ? w.kind : undefined;
  const skincare = kind === 'skincare';
  // older skin (她五十多了, a mother's gift) asks for anti-ageing unless another concern was named
  const ageing = skincare && !w.concern && ((w.age ?? 0) >= 40 || (forSomeoneElse(w) && ['mother', 'father'].includes(w.recipient ?? '')));
  const concern = kind === 'haircare' ? (w.hairConcern ?? w.concern) : kind === 'makeup' ? undefined : (w.concern ?? (ageing ? '抗老' : undefined));
  return {
    ...(topCategory ? { topCategory } : {}),
    ...(category ? { category } : {}),
    ...(concern ? { concern } : {}),
    ...(skincare && w.skinType ? { skinType: w.skinType } : {}),
    ...(w.budget?.max ? { budgetMax: w.budget.max } : {}),
    ...(skincare && w.texture ? { texture: w.texture } : {}),
    ...giftDefaults(w),
  };
}

/** shade families that fit: the one named, else the ones that flatter the undertone */
function wantedFamilies(w: Wishes, category: string | undefined): string[] {
  if (w.shade) return [w.shade];
  if (!w.undertone) return [];
  return makeupQuestion(category) === 'undertone' ? BASE_FOR_UNDERTONE[w.undertone] : FAMILIES_FOR_UNDERTONE[w.undertone];
}

interface Soft {
  families: string[];
  finish: boolean;
  budgetMin: boolean;
}

function fitsSoft(p: Product, w: Wishes, soft: Soft): boolean {
  if (soft.families.length && p.shades?.length && !p.shades.some((s) => soft.families.includes(s.family))) return false;
  if (soft.finish && w.finish && kindOf(w) === 'makeup' && !FINISH_WORDS[w.finish].test(p.texture ?? '')) return false;
  if (soft.budgetMin && w.budget?.min !== undefined && p.price < w.budget.min) return false;
  return true;
}

/** 乳霜 is a rich texture, 啫喱 a light one: the product's texture word against the wanted one and its synonyms */
function textureMatches(productTexture: string | undefined, wanted: string): boolean {
  const words = [wanted, ...(TEXTURES.find((t) => t.value === wanted)?.synonyms ?? [])];
  return Boolean(productTexture && words.some((w) => productTexture.includes(w)));
}

/** Why it fits this customer, in a few words from what they told us. */
export function whyFor(p: Product, w: Wishes, needs: Needs, lang: ReplyLanguage): string | undefined {
  const reasons: string[] = [];
  if (forSomeoneElse(w) && w.recipient) reasons.push(say(lang, GUIDE_TEXT.forRecipient(w.recipient)));
  if (needs.skinType && (p.skinTypes?.includes(needs.skinType) || p.skinTypes?.includes('所有肤质'))) reasons.push(say(lang, GUIDE_TEXT.suitsSkin(needs.skinType)));
  if (needs.concern && p.concerns?.includes(needs.concern)) reasons.push(say(lang, GUIDE_TEXT.targetsConcern(needs.concern)));
  const family = p.shades?.find((s) => wantedFamilies(w, p.category).includes(s.family));
  if (family) reasons.push(say(lang, GUIDE_TEXT.inShade(family.family, family.name, family.code)));
  if (needs.texture && textureMatches(p.texture, needs.texture)) reasons.push(say(lang, GUIDE_TEXT.hasTexture(needs.texture)));
  if (w.finish && kindOf(w) === 'makeup' && FINISH_WORDS[w.finish].test(p.texture ?? '')) reasons.push(say(lang, GUIDE_TEXT.hasFinish(w.finish)));
  const { min, max } = w.budget ?? {};
  if ((max === undefined || p.price <= max) && (min === undefined || p.price >= min) && (min !== undefined || max !== undefined)) {
    reasons.push(say(lang, GUIDE_TEXT.inBudget(min, max)));
  }
  return reasons.length ? say(lang, GUIDE_TEXT.whyItFits(reasons)) : undefined;
}

export interface Recommendation {
  products: Product[];
  needs: Needs;
  relaxed: boolean;
  activity: Partial<Activity>;
}

/** The button that brings a card's product into focus ("这款" then means it). */
export function moreAboutAction(p: Product, lang: ReplyLanguage): string {
  const name = say(lang, { zh: p.nicknames?.[0] ?? p.title, en: p.titleEn ?? p.title });
  return say(lang, GUIDE_TEXT.moreAbout(name));
}

export function recommend(knowledge: KnowledgeBase, w: Wishes, lang: ReplyLanguage, cartBase?: string, limit = 3): Recommendation | undefined {
  const needs = needsFor(w);
  const families = wantedFamilies(w, needs.category);
  const full: Soft = { families, finish: true, budgetMin: true };
  const loose = { ...needs, texture: undefined };
  const attempts: [Needs, Soft][] = [
    [needs, full],
    [loose, { ...full, finish: false }],
    [loose, { families, finish: false, budgetMin: false }],
    [{ ...loose, budgetMax: undefined }, { families, finish: false, budgetMin: false }],
    [{ concern: needs.concern, category: needs.category, topCategory: needs.topCategory }, { families: [], finish: false, budgetMin: false }],
  ];
  let closest: Recommendation | undefined;
  for (const [i, [attempt, soft]] of attempts.entries()) {
    const found = knowledge
      .recommend(attempt, limit * 8)
      .filter((p) => !p.competitor && allowedBy(w.constraints, p) && fitsSoft(p, w, soft))
      // a named product type is what they came for: never another type
      .filter((p) => !needs.category || (categoryLookup.get(p.category.toLowerCase()) ?? p.category) === needs.category);
    // the customer's concern is what they came for: never fill the list with products for another one
    const onConcern = needs.concern ? found.filter((p) => p.concerns?.includes(needs.concern!)) : found;
    const products = (onConcern.length ? onConcern : found).slice(0, limit);
    if (products.length === 0) continue;
    const relaxed = i > 0 || onConcern.length === 0;
    // off the concern: keep looking with fewer other wishes first
    if (onConcern.length === 0 && needs.concern) {
      closest ??= reply(products, true);
      continue;
    }
    return reply(products, relaxed);
  }
  return closest;

  function reply(products: Product[], relaxed: boolean): Recommendation {
    const options = (p: Product): HeroOptions => ({ claim: claimFor(p, needs, lang), why: whyFor(p, w, needs, lang), cartBase, actions: [moreAboutAction(p, lang)] });
    const intro = relaxed ? say(lang, GUIDE_TEXT.relaxedIntro) : say(lang, GUIDE_TEXT.picksIntro(products.length));
    const note = constraintsNote(w.constraints);
    const lines = products.map((p, n) => `${n + 1}. ${productLine(p, lang, { ...options(p), actions: [] })}`);
    const text = [intro, ...(note ? [say(lang, note)] : []), ...lines, ...(products.length > 1 ? [say(lang, GUIDE_TEXT.pickOne)] : [])].join('\n');
    // where the cards are shown, the intro (and the constraints note) is all the text they need
    const lead = [intro, ...(note ? [say(lang, note)] : [])].join('\n');
    const activity = productCarousel(text, products.map((p) => productHeroCard(p, lang, options(p))), lead);
    return { products, needs, relaxed, activity };
  }
}
