/**
 * What one message says about what the customer wants: every slot of a shopping request, read from the
 * NLU frame first and from our own word lists for what the frame does not carry (so the guide works with
 * recognizers that build no frame). Each waterfall step of needs discovery merges this into the flow's
 * wishes and skips its question when the slot is known (the core-bot pattern).
 */
import type { KnowledgeBase } from '../../knowledge/types';
import { Frame, frameOf, NluResult } from '../../nlu/types';
import { catalogCategory, parseConcern, parseSkinType, parseTexture } from './answerParsers';
import {
  BudgetRange,
  categoriesInText,
  concernsInText,
  Finish,
  GIFT_WORDS,
  GuideKind,
  kindOfText,
  parseAge,
  parseBudgetRange,
  parseFinish,
  parseHairConcern,
  parseRecipient,
  parseShadeFamily,
  parseUndertone,
  saysNoPreference,
  Undertone,
} from './requestParsers';
import { LifeStage, parseAllergies, parseAvoided, parseFragranceFree, parseLifeStage } from './constraintParsers';

export interface Constraints {
  allergies: string[];
  avoid: string[];
  fragranceFree: boolean;
  lifeStage?: LifeStage;
}

/** One message's slots; undefined = not said. */
export interface RequestSlots {
  categories: string[];
  kind?: GuideKind;
  skinType?: string;
  concern?: string;
  hairConcern?: string;
  budget?: BudgetRange;
  texture?: string;
  shade?: string;
  undertone?: Undertone;
  finish?: Finish;
  recipient?: string;
  age?: number;
  gift: boolean;
  constraints: Constraints;
  /** 都可以 / whatever / 随便: no preference for what was asked */
  noPreference: boolean;
}

const FINISHES: Finish[] = ['matte', 'dewy', 'satin'];

/** The frame's category values (cleanser, face_cream or 洁面) as catalogue categories. */
function frameCategories(frame: Frame, knowledge: Pick<KnowledgeBase, 'vocabulary'>): string[] {
  const out: string[] = [];
  for (const value of frame.categories) {
    const words = [value, value.replace(/_/g, ' ')];
    const hit = words.map((w) => categoriesInText(w)[0] ?? catalogCategory(knowledge, { value: w, text: w })).find(Boolean);
    if (hit && !out.includes(hit)) out.push(hit);
  }
  return out;
}

/** a frame concern (anti_aging, hydration or 抗老) as the catalogue's value */
function concernValue(value: string): string | undefined {
  return parseConcern(value) ?? parseConcern(value.replace(/_/g, ' ')) ?? concernsInText(value.replace(/_/g, ' '))[0];
}

const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];

/** `answersBudget`: the message answers the budget question, so a bare number is money. */
/** one turn's readings, per result: the signal and the dialog read the same message (copies are handed out; callers fill gaps) */
const readings = new WeakMap<NluResult, Map<string, RequestSlots>>();

export function readRequest(text: string, nlu: NluResult | undefined, knowledge: Pick<KnowledgeBase, 'vocabulary'>, answersBudget = false): RequestSlots {
  if (!nlu) return parseRequest(text, nlu, knowledge, answersBudget);
  const key = `${answersBudget ? 1 : 0}${text}`;
  let known = readings.get(nlu);
  if (!known) readings.set(nlu, (known = new Map()));
  let slots = known.get(key);
  if (!slots) known.set(key, (slots = parseRequest(text, nlu, knowledge, answersBudget)));
  return structuredClone(slots);
}

function parseRequest(text: string, nlu: NluResult | undefined, knowledge: Pick<KnowledgeBase, 'vocabulary'>, answersBudget: boolean): RequestSlots {
  const frame = frameOf(nlu);
  const entityCategory = catalogCategory(knowledge, nlu?.entities.find((e) => e.type === 'category'));
  const categories = union(frameCategories(frame, knowledge), categoriesInText(text));
  if (entityCategory && !categories.includes(entityCategory)) categories.push(entityCategory);
  const frameBudget = frame.budget && (frame.budget.min !== undefined || frame.budget.max !== undefined) ? frame.budget : undefined;
  const concern = frame.concerns.map(concernValue).find(Boolean) ?? parseConcern(text, nlu) ?? concernsInText(text)[0];
  const recipient = frame.recipient ?? parseRecipient(text);
  const texture = frame.texture ? (frame.texture === 'light' ? '清爽' : '滋润') : parseTexture(text);
  return {
    categories,
    kind: kindOfText(text),
    skinType: (frame.skinType && parseSkinType(frame.skinType)) || parseSkinType(text, nlu),
    concern,
    hairConcern: parseHairConcern(text),
    // a bare number answers the budget question; in a request it needs money words or a range
    budget: frameBudget ?? parseBudgetRange(text, answersBudget),
    texture: texture === 'any' ? undefined : texture,
    shade: (frame.shade && parseShadeFamily(frame.shade)) || parseShadeFamily(text),
    undertone: frame.undertone ?? parseUndertone(text),
    finish: frame.finish && FINISHES.includes(frame.finish) ? frame.finish : parseFinish(text),
    recipient,
    age: frame.age ?? parseAge(text),
    gift: Boolean((recipient && recipient !== 'self') || GIFT_WORDS.test(text)),
    constraints: {
      allergies: union(frame.allergies, parseAllergies(text)),
      avoid: union(frame.ingredientsAvoided, parseAvoided(text)),
      fragranceFree: frame.fragranceFree || parseFragranceFree(text),
      lifeStage: frame.lifeStage ?? parseLifeStage(text),
    },
    noPreference: saysNoPreference(text),
  };
}

/** How many things a shopping request is made of the message says (product type or gift, skin, concern, budget …). */
export function shoppingStrength(slots: RequestSlots): number {
  const c = slots.constraints;
  const what = slots.categories.length > 0 || Boolean(slots.kind) || slots.gift ? 1 : 0;
  const needs = [slots.skinType, slots.concern, slots.hairConcern, slots.budget, slots.shade, slots.undertone, slots.recipient, c.lifeStage].filter(Boolean).length;
  return what + needs + (c.allergies.length || c.fragranceFree || c.avoid.length ? 1 : 0);
}

/** Does the message ask for something to buy: a gift, or a product type with a need ("控油洗面奶，100以内")? */
/**
 * Does the message name something to buy (a product type, a kind of product, or a gift)? The same test
 * carriesNeeds starts with, without reading every other slot: most messages name none, and the shopping
 * signal asks on every turn.
 */
export function namesWhatToBuy(text: string, nlu: NluResult | undefined, knowledge: Pick<KnowledgeBase, 'vocabulary'>): boolean {
  const frame = frameOf(nlu);
  if (frameCategories(frame, knowledge).length > 0 || categoriesInText(text).length > 0) return true;
  if (catalogCategory(knowledge, nlu?.entities.find((e) => e.type === 'category'))) return true;
  if (kindOfText(text)) return true;
  const recipient = frame.recipient ?? parseRecipient(text);
  return Boolean((recipient && recipient !== 'self') || GIFT_WORDS.test(text));
}

export function carriesNeeds(slots: RequestSlots): boolean {
  const what = slots.categories.length > 0 || Boolean(slots.kind) || slots.gift;
  return slots.gift || (what && shoppingStrength(slots) >= 2);
}
