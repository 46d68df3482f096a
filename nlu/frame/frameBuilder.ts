/**
 * Builds the Frame of one utterance from what the local recognizer already has (entities, intent,
 * language) plus the slot readers beside this file. Everything is precompiled at construction; a build
 * is a handful of regex scans over a short text.
 */
import type { Gazetteer } from '../entities/gazetteer';
import { FuzzyNames } from '../entities/fuzzyNames';
import type { Entity, Frame, Intent, Language } from '../types';
import { toHalfWidth } from '../../platform/text/normalize';
import { finishOf, textureOf, undertoneOf } from './appearance';
import { parseBudget } from './budget';
import { moreIntents, type Classify } from './clauses';
import { FRAGRANCE_FREE, ingredientStance } from './ingredients';
import { orderReferenceOf } from './orderReference';
import { ageOf, lifeStageOf, recipientOf } from './people';
import { refersToFocus } from './references';

const DEGREE = '(?:很|比较|特别|有点|有些|超|超级|巨|容易|老是|总是|太|偏|非常|挺|也)?';
const SKIN = '(?:皮肤|脸|面部|脸上|肤质)';
const EN_DEGREE = '(?:very |really |quite |super |a bit |so |pretty |kind of |kinda |extremely )?';
/** 皮肤很油 / my skin gets really oily: the skin type said in words rather than named */
const SKIN_PHRASES: [RegExp, string[]][] = [
  [new RegExp(`t区${DEGREE}油|两颊${DEGREE}干|\\bt-?zone (?:is |gets )?${EN_DEGREE}oily|\\bcombination\\b`), ['混合皮', '混油皮', 'combination skin', 'combination']],
  [new RegExp(`${SKIN}${DEGREE}(?:敏感|过敏|泛红|脆弱)|容易过敏|\\bmy (?:skin|face) (?:is|gets|get) ${EN_DEGREE}(?:sensitive|irritated|reactive)\\b|\\bsensitive\\b`), ['敏感肌', 'sensitive skin', 'sensitive']],
  [new RegExp(`${SKIN}${DEGREE}(?:油|出油|爱出油|油腻)(?!画|烟)|\\bmy (?:skin|face) (?:is|gets|get|feels) ${EN_DEGREE}(?:oily|greasy)\\b|\\boily (?:face|skin)\\b|\\bi'?m oily\\b`), ['油皮', 'oily skin', 'oily']],
  [new RegExp(`${SKIN}${DEGREE}(?:干|紧绷|起皮|缺水)(?!净|嘛|啥|什么|吗)|\\bmy (?:skin|face) (?:is|gets|get|feels) ${EN_DEGREE}(?:dry|flaky|tight)\\b|\\bdry (?:face|skin)\\b`), ['干皮', 'dry skin', 'dry']],
];
/** counts that are not quantities of an item (1个月, 3天) */
const TIME_UNIT_AFTER = /^(?:月|小时|星期|礼拜|工作日|钟头)/;

const uniq = (values: string[]): string[] => [...new Set(values)];

export class FrameBuilder {
  private readonly fuzzy: FuzzyNames;

  constructor(
    private readonly gazetteer: Gazetteer,
    private readonly classify: Classify,
  ) {
    this.fuzzy = new FuzzyNames(gazetteer, ['category', 'skin_type', 'brand']);
  }

  build(text: string, found: Entity[], intent: Intent, language: Language): Frame {
    const lower = toHalfWidth(text).toLowerCase();
    const entities = /[a-z]{6}/.test(lower) ? [...found, ...this.fuzzy.recognize(lower, found)] : found;
    const valuesOf = (type: string): string[] => uniq(entities.filter((e) => e.type === type && typeof e.value === 'string').map((e) => e.value as string));
    const stance = ingredientStance(lower);
    const frame: Frame = {
      // a category named inside an ingredient to avoid (no fragrance) is not a product wanted
      categories: uniq(entities.filter((e) => e.type === 'category' && !stance.avoidedSpans.some(([s, end]) => e.start < end && s < e.end)).map((e) => String(e.value))),
      concerns: valuesOf('concern'),
      brandIds: valuesOf('brand'),
      productIds: valuesOf('product'),
      refersToFocus: refersToFocus(lower, language !== 'zh'),
      ingredientsWanted: stance.wanted,
      ingredientsAvoided: stance.avoided,
      allergies: stance.allergies,
      fragranceFree: FRAGRANCE_FREE.test(lower) || stance.avoided.includes('香精'),
      moreIntents: moreIntents(lower, intent, this.classify),
      language,
    };
    if (stance.mentioned.length > 0) frame.ingredientsMentioned = stance.mentioned;
    const skinType = valuesOf('skin_type')[0] ?? this.skinTypeInWords(lower);
    if (skinType) frame.skinType = skinType;
    const budget = parseBudget(lower, entities);
    if (budget) frame.budget = budget;
    const texture = textureOf(lower);
    if (texture) frame.texture = texture;
    const shade = valuesOf('shade')[0];
    if (shade) frame.shade = shade;
    const undertone = undertoneOf(lower);
    if (undertone) frame.undertone = undertone;
    const finish = finishOf(lower);
    if (finish) frame.finish = finish;
    const order = orderReferenceOf(text, entities);
    if (order) frame.order = order;
    const quantity = this.quantityOf(entities, lower);
    if (quantity) frame.quantity = quantity;
    const lifeStage = lifeStageOf(lower);
    if (lifeStage) frame.lifeStage = lifeStage;
    const recipient = recipientOf(lower);
    if (recipient) frame.recipient = recipient;
    const age = ageOf(lower);
    if (age) frame.age = age;
    return frame;
  }

  private skinTypeInWords(lower: string): string | undefined {
    for (const [pattern, names] of SKIN_PHRASES) if (pattern.test(lower)) return this.gazetteer.resolve('skin_type', names);
    return undefined;
  }

  private quantityOf(entities: Entity[], lower: string): number | undefined {
    for (const e of entities) {
      if (e.type !== 'quantity' || TIME_UNIT_AFTER.test(lower.slice(e.end, e.end + 2))) continue;
      const count = (e.value as { count?: number } | undefined)?.count;
      if (typeof count === 'number' && count > 0 && count < 1000) return count;
    }
    return undefined;
  }
}
