/**
 * Reading the customer's answers to the guided questions: skin type, concern (including yes/no to
 * "您最近是否关注抗老产品？") and texture, from the NLU's entities first, then our own word lists (budget,
 * colour, hair and recipient are in requestParsers.ts).
 */
import type { Choice } from 'botbuilder-dialogs';
import type { KnowledgeBase, Vocabulary } from '../../knowledge/types';
import type { NluResult } from '../../nlu/types';
import { ReplyLanguage, say } from '../flow/language';
import { saysYesAboutThemselves } from '../flow/yesNo';

interface Option {
  value: string;
  en: string;
  synonyms: string[];
}

export const SKIN_TYPES: Option[] = [
  { value: '干皮', en: 'Dry', synonyms: ['干性', '干皮', 'dry', '偏干'] },
  { value: '油皮', en: 'Oily', synonyms: ['油性', '油皮', 'oily', '大油皮', '偏油'] },
  { value: '混合皮', en: 'Combination', synonyms: ['混合', '混油', '混干', 'combination', 'combo'] },
  { value: '敏感肌', en: 'Sensitive', synonyms: ['敏感', '敏敏肌', 'sensitive'] },
  { value: '中性皮', en: 'Normal', synonyms: ['中性', 'normal'] },
];

export const CONCERNS: Option[] = [
  { value: '抗老', en: 'Anti-ageing', synonyms: ['抗老', '抗衰', '细纹', '皱纹', '紧致', 'anti-aging', 'anti-ageing', 'anti_aging', 'antiaging', 'wrinkles', 'firming'] },
  { value: '保湿', en: 'Hydration', synonyms: ['补水', '保湿', 'hydration', 'hydrating', 'moisture', '干燥'] },
  { value: '美白', en: 'Brightening', synonyms: ['美白', '提亮', '淡斑', 'brightening', 'whitening', 'dark spots'] },
  { value: '控油', en: 'Oil control', synonyms: ['控油', '出油', 'oil control', 'oil_control', 'shine'] },
  { value: '祛痘', en: 'Acne', synonyms: ['祛痘', '痘痘', '闭口', 'acne', 'spots', 'breakouts'] },
  { value: '舒缓', en: 'Soothing', synonyms: ['舒缓', '泛红', '修护', 'soothing', 'redness', 'sensitivity'] },
];

export const TEXTURES: Option[] = [
  { value: '清爽', en: 'Light', synonyms: ['清爽', '轻薄', '啫喱', '水润', '不油腻', 'light', 'lightweight', 'gel', 'fresh'] },
  { value: '滋润', en: 'Rich', synonyms: ['滋润', '厚重', '乳霜', '丰润', 'rich', 'creamy', 'nourishing'] },
];

export const ANY = /不限|无所谓|都行|都可以|随便|没要求|no limit|either|any|whatever|doesn'?t matter|not sure/i;

function find(options: Option[], text: string, entityValue?: unknown): string | undefined {
  if (typeof entityValue === 'string') {
    const hit = options.find((o) => o.value === entityValue || o.synonyms.includes(entityValue.toLowerCase()));
    if (hit) return hit.value;
  }
  const t = text.toLowerCase();
  return options.find((o) => o.synonyms.some((s) => t.includes(s.toLowerCase())))?.value;
}

function entity(nlu: NluResult | undefined, type: string): unknown {
  return nlu?.entities.find((e) => e.type === type)?.value;
}

export function parseSkinType(text: string, nlu?: NluResult): string | undefined {
  return find(SKIN_TYPES, text, entity(nlu, 'skin_type'));
}

/** A concern; "yes" to the anti-ageing question means 抗老. */
export function parseConcern(text: string, nlu?: NluResult, askedAntiAgeing = false): string | undefined {
  const named = find(CONCERNS, text, entity(nlu, 'concern'));
  if (named) return named;
  if (askedAntiAgeing && saysYesAboutThemselves(text)) return '抗老';
  return undefined;
}

export function parseTexture(text: string): string | undefined | 'any' {
  const hit = find(TEXTURES, text);
  if (hit) return hit;
  return ANY.test(text) ? 'any' : undefined;
}

export function label(options: Option[], value: string | undefined, lang: ReplyLanguage): string {
  const o = options.find((x) => x.value === value);
  return say(lang, { zh: value ?? '', en: o?.en ?? value ?? '' });
}

/** Choices for a prompt: shown as suggested actions and kept in the prompt state so MainDialog knows an answer when it sees one. */
export function choicesOf(options: Option[], lang: ReplyLanguage): Choice[] {
  return options.map((o) => ({ value: o.value, action: { type: 'imBack', title: say(lang, { zh: o.value, en: o.en }), value: o.value }, synonyms: o.synonyms }));
}

const categoryCache = new WeakMap<object, { at: number; list: Vocabulary['categories'] }>();

/** The catalogue's categories; the vocabulary is rebuilt by the knowledge base on each call, so keep it a minute. */
function categoriesOf(knowledge: Pick<KnowledgeBase, 'vocabulary'>): Vocabulary['categories'] {
  const cached = categoryCache.get(knowledge);
  if (cached && Date.now() - cached.at < 60_000) return cached.list;
  const list = knowledge.vocabulary().categories;
  categoryCache.set(knowledge, { at: Date.now(), list });
  return list;
}

/**
 * The catalogue's category for a category entity: the NLU may resolve to its own ids (serum, face_cream),
 * the catalogue uses Chinese names (精华, 面霜); the knowledge base vocabulary maps between them.
 */
export function catalogCategory(knowledge: Pick<KnowledgeBase, 'vocabulary'>, e: { value: unknown; text: string } | undefined): string | undefined {
  if (!e) return undefined;
  const candidates = [String(e.value), e.text].map((c) => c.toLowerCase());
  const hit = categoriesOf(knowledge).find((c) => candidates.includes(c.value.toLowerCase()) || c.names.some((n) => candidates.includes(n.toLowerCase())));
  if (hit) return hit.value;
  return /\p{Script=Han}/u.test(e.text) ? e.text : undefined;
}
