/**
 * The model's frame, checked slot by slot and merged into the local one. Each slot is validated on its own
 * (zod): a slot the model left out, got wrong or invented (a category the catalogue lacks, an order number
 * not in the message, a budget upside down) keeps the local value, so one bad slot never costs the others.
 * Catalogue lists are united (the model can add what the local reader missed); a valid scalar of the
 * model's wins; flags are or-ed; an order number is only ever the local reader's (digits are not guessed).
 */
import { z } from 'zod';
import { canonicalIngredient } from '../frame/ingredients';
import type { FrameVocabulary } from '../frame/frameVocabulary';
import { RECIPIENTS } from '../frame/people';
import { INTENTS, type Frame, type Intent, type OrderReference } from '../types';

const int = (min: number, max: number) => z.number().int().min(min).max(max);
const amount = z.number().positive().max(10_000_000);

/** one schema per slot, so each is accepted or dropped alone */
const SLOTS = {
  categories: z.array(z.string()),
  skinType: z.string(),
  concerns: z.array(z.string()),
  budget: z
    .object({ min: amount.nullish(), max: amount.nullish() })
    .refine((b) => b.min != null || b.max != null, 'empty budget')
    .refine((b) => b.min == null || b.max == null || b.min <= b.max, 'min above max'),
  texture: z.enum(['light', 'rich']),
  shade: z.string().min(1),
  undertone: z.enum(['warm', 'cool', 'neutral']),
  finish: z.enum(['matte', 'dewy', 'satin']),
  brands: z.array(z.string()),
  products: z.array(z.string()),
  refersToFocus: z.boolean(),
  order: z.object({
    number: z.string().nullish(),
    status: z.enum(['unpaid', 'paid', 'shipped', 'delivered']).nullish(),
    recency: z.enum(['latest', 'earlier']).nullish(),
    ordinal: int(1, 50).nullish(),
  }),
  quantity: int(1, 999),
  ingredientsWanted: z.array(z.string().min(1).max(60)),
  ingredientsAvoided: z.array(z.string().min(1).max(60)),
  allergies: z.array(z.string().min(1).max(60)),
  fragranceFree: z.boolean(),
  lifeStage: z.enum(['pregnant', 'breastfeeding', 'trying_to_conceive']),
  recipient: z.string().refine((r) => RECIPIENTS.includes(r)),
  age: int(1, 110),
  moreIntents: z.array(z.enum(INTENTS)),
};

type Slots = { [K in keyof typeof SLOTS]?: z.infer<(typeof SLOTS)[K]> };

/** The slots of the model's frame that pass their schema; anything else about it is ignored. */
export function validSlots(raw: unknown): Slots {
  const out: Record<string, unknown> = {};
  if (!raw || typeof raw !== 'object') return out;
  for (const [key, schema] of Object.entries(SLOTS)) {
    const value = (raw as Record<string, unknown>)[key];
    if (value === null || value === undefined) continue;
    const parsed = schema.safeParse(value);
    if (parsed.success) out[key] = parsed.data;
  }
  return out as Slots;
}

const union = (local: string[], more: (string | undefined)[]): string[] => {
  const out = [...local];
  for (const v of more) if (v && !out.includes(v)) out.push(v);
  return out;
};

function mergeOrder(local: OrderReference | undefined, model: NonNullable<Slots['order']> | undefined, text: string): OrderReference | undefined {
  if (!model) return local;
  const merged: OrderReference = { productIds: local?.productIds ?? [], brandIds: local?.brandIds ?? [] };
  // an order number counts only when it stands in the message (the model must not invent digits)
  const number = local?.number ?? (model.number && text.includes(model.number) ? model.number : undefined);
  if (number) merged.number = number;
  const status = model.status ?? local?.status;
  if (status) merged.status = status;
  const recency = model.recency ?? local?.recency;
  if (recency) merged.recency = recency;
  const ordinal = model.ordinal ?? local?.ordinal;
  if (ordinal) merged.ordinal = ordinal;
  const empty = !merged.number && !merged.status && !merged.recency && !merged.ordinal && merged.productIds.length === 0 && merged.brandIds.length === 0;
  return empty ? local : merged;
}

/** The local frame with the model's valid slots merged in; the main intent is never among moreIntents. */
export function mergeFrames(local: Frame, raw: unknown, vocabulary: FrameVocabulary, text: string, intent: Intent): Frame {
  const m = validSlots(raw);
  const resolveAll = (type: Parameters<FrameVocabulary['resolve']>[0], names: string[] | undefined) => (names ?? []).map((n) => vocabulary.resolve(type, n));
  const ingredients = (names: string[] | undefined) => (names ?? []).map(canonicalIngredient);
  const avoided = union(local.ingredientsAvoided, ingredients(m.ingredientsAvoided));
  const allergies = union(local.allergies, ingredients(m.allergies));
  const frame: Frame = {
    ...local,
    categories: union(local.categories, resolveAll('category', m.categories)),
    concerns: union(local.concerns, resolveAll('concern', m.concerns)),
    brandIds: union(local.brandIds, resolveAll('brand', m.brands)),
    productIds: union(local.productIds, resolveAll('product', m.products)),
    refersToFocus: local.refersToFocus || m.refersToFocus === true,
    ingredientsAvoided: avoided,
    allergies,
    ingredientsWanted: union(local.ingredientsWanted, ingredients(m.ingredientsWanted)).filter((i) => !avoided.includes(i) && !allergies.includes(i)),
    fragranceFree: local.fragranceFree || m.fragranceFree === true || avoided.includes('香精') || allergies.includes('香精'),
    moreIntents: (m.moreIntents ?? local.moreIntents).filter((i, k, all) => i !== intent && all.indexOf(i) === k),
  };
  const skinType = m.skinType && vocabulary.resolve('skin_type', m.skinType);
  if (skinType) frame.skinType = skinType;
  const shade = m.shade && vocabulary.resolve('shade', m.shade);
  if (shade) frame.shade = shade;
  if (m.budget) frame.budget = { ...(m.budget.min != null ? { min: m.budget.min } : {}), ...(m.budget.max != null ? { max: m.budget.max } : {}) };
  if (m.texture) frame.texture = m.texture;
  if (m.undertone) frame.undertone = m.undertone;
  if (m.finish) frame.finish = m.finish;
  if (m.quantity) frame.quantity = m.quantity;
  if (m.lifeStage) frame.lifeStage = m.lifeStage;
  if (m.recipient) frame.recipient = m.recipient;
  if (m.age) frame.age = m.age;
  const order = mergeOrder(local.order, m.order, text);
  if (order) frame.order = order;
  return frame;
}
