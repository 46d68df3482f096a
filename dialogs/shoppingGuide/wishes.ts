/**
 * What the customer wants in this needs-discovery flow (their own words, what the profile remembers,
 * and the answers so far), and which question makes sense next. The category decides: skincare asks
 * skin type (and a concern when no product type was named), makeup asks the colour family or the
 * undertone, hair care the hair concern, a gift the recipient and budget. Refinements (budget, texture,
 * finish) are asked only when a question had to be asked anyway: a customer who said it all gets
 * recommendations at once.
 */
import type { CustomerProfile } from '../../services/customers/profile';
import { mergeConstraints } from './constraints';
import type { GuideState } from './guideState';
import { GuideKind, kindOfCategory, makeupQuestion } from './requestParsers';
import type { RequestSlots } from './shoppingRequest';

export type Question = 'recipient' | 'skin' | 'concern' | 'shade' | 'undertone' | 'hairConcern' | 'budget' | 'texture' | 'finish';

/** The slots of the requests so far (the same slots one message carries), and the flow's own bookkeeping. */
export interface Wishes extends Omit<RequestSlots, 'noPreference'> {
  /** questions answered with 都可以 / whatever: not asked again */
  skipped: Question[];
  /** slots that came from the profile, not from this conversation (said as "I remember…") */
  remembered: ('skin' | 'concern' | 'budget')[];
  /** questions asked in this flow */
  asked: number;
}

export function kindOf(w: Pick<Wishes, 'categories' | 'kind'>): GuideKind {
  return kindOfCategory(w.categories[0]) ?? w.kind ?? 'skincare';
}

/** A gift is for someone else: the customer's own skin type and concerns say nothing about it. */
export const forSomeoneElse = (w: Pick<Wishes, 'gift' | 'recipient'>) => w.gift && w.recipient !== 'self';

/** The flow's starting wishes: the request's slots over what the profile and guide state remember. */
export function startWishes(slots: RequestSlots, profile: CustomerProfile, guide: GuideState): Wishes {
  const w = addSlots(emptyWishes(), slots);
  w.constraints = forSomeoneElse(w) ? slots.constraints : mergeConstraints(guide.constraints, slots.constraints);
  if (forSomeoneElse(w)) return w;
  const kind = kindOf(w);
  if (kind === 'skincare') {
    if (!w.skinType && profile.skinType) {
      w.skinType = profile.skinType;
      w.remembered.push('skin');
    }
    // a remembered concern only for a request without a product type (a cleanser is no anti-ageing serum)
    if (!w.concern && !w.categories.length && profile.concerns?.[0]) {
      w.concern = profile.concerns[0];
      w.remembered.push('concern');
    }
    if (!w.texture && profile.texture && profile.texture !== 'any') w.texture = profile.texture;
    if (!w.texture && guide.textureAsked) w.skipped.push('texture');
  }
  const sameCategory = (guide.budgetCategory ?? '') === (w.categories[0] ?? '');
  if (!w.budget && sameCategory && profile.budgetMax) {
    w.budget = { max: profile.budgetMax };
    w.remembered.push('budget');
  } else if (!w.budget && sameCategory && guide.budgetAsked) w.skipped.push('budget');
  return w;
}

export function emptyWishes(): Wishes {
  return { categories: [], gift: false, constraints: { allergies: [], avoid: [], fragranceFree: false }, skipped: [], remembered: [], asked: 0 };
}

/** What a later message adds (an answer, or more said on the side); a slot said again replaces the old one. */
export function addSlots(w: Wishes, s: RequestSlots): Wishes {
  const set = <K extends keyof Wishes>(key: K, value: Wishes[K] | undefined) => {
    if (value !== undefined) {
      w[key] = value;
      w.remembered = w.remembered.filter((r) => !(r === 'skin' ? key === 'skinType' : r === key));
    }
  };
  if (s.categories.length) w.categories = s.categories;
  set('kind', s.kind);
  w.gift ||= s.gift;
  set('recipient', s.recipient);
  set('age', s.age);
  set('skinType', s.skinType);
  set('concern', s.concern);
  set('hairConcern', s.hairConcern);
  set('budget', s.budget);
  set('texture', s.texture);
  set('shade', s.shade);
  set('undertone', s.undertone);
  set('finish', s.finish);
  w.constraints = mergeConstraints(w.constraints, s.constraints);
  return w;
}

function essentials(w: Wishes): Question[] {
  const kind = kindOf(w);
  const gift: Question[] = w.gift ? ['recipient', 'budget'] : [];
  if (kind === 'skincare') return w.gift ? gift : ['skin', ...(w.categories.length ? [] : (['concern'] as Question[]))];
  if (kind === 'makeup') {
    const q = makeupQuestion(w.categories[0]);
    return [...gift, ...(q ? [q] : [])];
  }
  if (kind === 'haircare') return [...gift, 'hairConcern'];
  return gift;
}

function refinements(w: Wishes): Question[] {
  const kind = kindOf(w);
  if (kind === 'skincare' && !w.gift) return ['budget', 'texture'];
  if (kind === 'makeup' && makeupQuestion(w.categories[0]) === 'undertone') return ['budget', 'finish'];
  return ['budget'];
}

export function isKnown(w: Wishes, q: Question): boolean {
  if (w.skipped.includes(q)) return true;
  switch (q) {
    case 'recipient':
      return Boolean(w.recipient);
    case 'skin':
      return Boolean(w.skinType);
    case 'concern':
      return Boolean(w.concern);
    case 'shade':
      return Boolean(w.shade || w.undertone);
    case 'undertone':
      return Boolean(w.undertone);
    case 'hairConcern':
      return Boolean(w.hairConcern || w.concern);
    case 'budget':
      return Boolean(w.budget);
    case 'texture':
      return Boolean(w.texture);
    case 'finish':
      return Boolean(w.finish);
  }
}

/** The next question to ask, or undefined when it is time to recommend. */
export function nextQuestion(w: Wishes): Question | undefined {
  const missing = essentials(w).find((q) => !isKnown(w, q));
  if (missing) return missing;
  if (w.asked === 0) return undefined;
  return refinements(w).find((q) => !isKnown(w, q));
}

/** The customer's own wishes go to their profile (known on every channel); a gift's stay in the flow. */
export function profileWith(profile: CustomerProfile, w: Wishes): CustomerProfile {
  if (forSomeoneElse(w)) return profile;
  const concernIsSkin = kindOf(w) === 'skincare' && w.concern;
  return {
    ...profile,
    ...(w.skinType ? { skinType: w.skinType } : {}),
    ...(concernIsSkin ? { concerns: [w.concern!, ...(profile.concerns ?? []).filter((c) => c !== w.concern)] } : {}),
    ...(w.budget?.max ? { budgetMax: w.budget.max } : {}),
    ...(w.texture ? { texture: w.texture } : {}),
  };
}
