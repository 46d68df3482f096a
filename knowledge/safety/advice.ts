/**
 * Careful answers from the safety table: a life stage with a product or ingredient, a combination of
 * actives, a skin reaction; and `unsafeFor`, the reasons a product does not fit a life stage or the
 * ingredients a customer avoids (the shopping guide filters recommendations with it). Never says a
 * product is suitable: what the table does not cover is "I can't confirm — ask your doctor".
 */
import type { Lang, Product } from '../types';
import { Active, ACTIVE_NAMES, activesIn, activesOfProduct, concentrationOf, isRinseOff } from './actives';
import { COMBO_TABLE, LIFE_STAGE_TABLE, REACTION_ADVICE, SEVERAL_ACTIVES, SOURCE_NAMES } from './table';
import type { Finding, Level, LifeStage, SafetyAnswer, Wording } from './types';

const STAGE: Record<LifeStage, Wording> = {
  pregnant: { zh: '孕期', en: 'during pregnancy' },
  breastfeeding: { zh: '哺乳期', en: 'while breastfeeding' },
  trying_to_conceive: { zh: '备孕期间', en: 'while trying to conceive' },
};
/** the most a rinse-off product may hold for its gentler finding to apply (the cosmetics cap for BHA) */
const RINSE_OFF_MAX_PERCENT = 2;

const productName = (p: Product, lang: Lang) => (lang === 'zh' ? `「${p.title}」` : `"${p.titleEn ?? p.title}"`);
const uniq = <T>(xs: T[]) => [...new Set(xs)];

function footer(sources: string[], lang: Lang): string {
  const names = uniq(sources).map((s) => SOURCE_NAMES[s]?.[lang] ?? s);
  const general = lang === 'zh' ? '以上是一般性信息，不能代替医生的诊断和建议。' : 'This is general information, not a substitute for medical advice.';
  if (!names.length) return general;
  return lang === 'zh' ? `${general}（参考：${names.join('、')}）` : `${general} (Sources: ${names.join('; ')})`;
}

function worst(levels: Level[]): Level | 'unknown' {
  if (levels.includes('avoid')) return 'avoid';
  return levels.includes('caution') ? 'caution' : 'unknown';
}

/** the table's finding for an active in a life stage, the rinse-off one for a gentle wash-off product */
export function findingFor(active: Active, stage: LifeStage, rinseOff: boolean, percent?: number): Finding | undefined {
  const entry = LIFE_STAGE_TABLE[active];
  if (!entry) return undefined;
  const gentle = rinseOff && (percent === undefined || percent <= RINSE_OFF_MAX_PERCENT);
  return (gentle ? entry.rinseOff?.[stage] : undefined) ?? entry.leaveOn[stage];
}

export interface SafetyQuestion {
  text: string;
  lang: Lang;
  /** the product the question is about (named, or the one in focus) */
  product?: Product;
}

/** "孕妇能用X吗": what the table says for the product's listed actives and the ones the message names */
export function lifeStageAnswer(q: SafetyQuestion, stage: LifeStage): SafetyAnswer {
  const { lang, product } = q;
  const actives = uniq([...(product ? activesOfProduct(product) : []), ...activesIn(q.text)]);
  const rinseOff = isRinseOff(q.text) || (product ? isRinseOff(`${product.category} ${product.title} ${product.titleEn ?? ''}`) : false);
  const lines: string[] = [];
  const levels: Level[] = [];
  const sources: string[] = [];
  for (const active of actives) {
    const finding = findingFor(active, stage, rinseOff, product ? concentrationOf(product, active) : undefined);
    if (!finding) {
      lines.push(lang === 'zh' ? `• ${ACTIVE_NAMES[active].zh}：我们的安全资料里没有它${STAGE[stage].zh}使用的结论，我没法确认是否安全。` : `• ${ACTIVE_NAMES[active].en}: our safety notes have no finding for it ${STAGE[stage].en}, so I can't confirm there is no risk.`);
      continue;
    }
    levels.push(finding.level);
    sources.push(...finding.sources);
    lines.push(`• ${ACTIVE_NAMES[active][lang]}${lang === 'zh' ? '：' : ': '}${finding.note[lang]}`);
  }
  const level = worst(levels);
  const subject = product ? productName(product, lang) : actives.length ? actives.map((a) => ACTIVE_NAMES[a][lang]).join(lang === 'zh' ? '、' : ', ') : '';
  const listed = product ? activesOfProduct(product).length > 0 : false;
  const contains = listed ? (lang === 'zh' ? `${productName(product!, lang)}的成分里有：` : `${productName(product!, lang)} lists:`) : '';
  let head: string;
  if (level === 'avoid') head = lang === 'zh' ? `不建议${STAGE[stage].zh}使用${subject}。` : `I would not recommend ${subject} ${STAGE[stage].en}.`;
  else if (level === 'caution') head = lang === 'zh' ? `${STAGE[stage].zh}使用${subject}需要慎用，建议先咨询医生。` : `Use ${subject} ${STAGE[stage].en} only with care, and ask your doctor first.`;
  else if (product) {
    head = lang === 'zh'
      ? `${subject}列出的主要成分里，没有我们安全资料中${STAGE[stage].zh}需要避开的成分（维A类、氢醌、高浓度水杨酸等）。但商品资料只列了主要成分，我没法确认它${STAGE[stage].zh}使用一定没问题，建议把完整成分表拿给医生看看再决定。`
      : `The key ingredients listed for ${subject} include none of those our safety notes flag ${STAGE[stage].en} (retinoids, hydroquinone, high-strength salicylic acid…). The listing is not the full formula, though, so I can't confirm there is no risk for you; please show the full ingredient list to your doctor.`;
  } else if (actives.length) head = lang === 'zh' ? `我没法确认${subject}${STAGE[stage].zh}使用是否安全，建议先咨询医生。` : `I can't confirm that ${subject} carries no risk ${STAGE[stage].en}; please ask your doctor.`;
  else {
    head = lang === 'zh'
      ? `${STAGE[stage].zh}护肤一般建议避开：维A类（视黄醇/A醇、视黄醛、维A酸、阿达帕林）、氢醌，以及高浓度或驻留型的水杨酸、刷酸换肤；其他产品也建议先咨询医生。告诉我具体是哪款产品，我帮您查它的成分。`
      : `${STAGE[stage].en[0]!.toUpperCase()}${STAGE[stage].en.slice(1)}, skincare advice is usually to avoid retinoids (retinol, retinal, tretinoin, adapalene), hydroquinone, and high-strength or leave-on salicylic acid and peels; ask your doctor about anything else. Tell me which product you mean and I'll check its ingredients.`;
    sources.push('ACOG', 'NHS');
  }
  const body = lines.length ? `\n${contains ? `${contains}\n` : ''}${lines.join('\n')}` : '';
  return { level, text: `${head}${body}\n${footer(sources, lang)}`, sources: uniq(sources) };
}

/** "A醇和果酸能一起用吗": the table's combinations among the actives named and the product's */
export function combinationAnswer(q: SafetyQuestion, several = false): SafetyAnswer {
  const { lang, product } = q;
  const named = activesIn(q.text);
  const actives = uniq([...named, ...(product ? activesOfProduct(product) : [])]);
  const found = COMBO_TABLE.filter((c) => actives.includes(c.pair[0]) && actives.includes(c.pair[1]));
  const lines = found.map((c) => `• ${c.note[lang]}`);
  const sources = found.flatMap((c) => c.sources);
  if (several || actives.length >= 3) {
    lines.push(`• ${SEVERAL_ACTIVES.note[lang]}`);
    sources.push(...SEVERAL_ACTIVES.sources);
  }
  let head: string;
  if (found.length) head = lang === 'zh' ? '不建议把它们叠加在同一次护肤里：' : 'Better not to layer these in the same routine:';
  else if (lines.length) head = lang === 'zh' ? '多种活性成分一起用要循序渐进：' : 'Go slowly with several actives:';
  else {
    const with_ = product ? productName(product, lang) : '';
    head = lang === 'zh'
      ? `我们的安全资料里没有${with_ ? `${with_}和` : ''}${named.map((a) => ACTIVE_NAMES[a].zh).join('、') || '这些成分'}一起用会冲突的记录，但我没法确认一定没问题。第一次搭配请先在耳后或下颌小范围试用，出现刺痛、发红就停用。`
      : `Our safety notes record no clash between ${with_ ? `${with_} and ` : ''}${named.map((a) => ACTIVE_NAMES[a].en).join(', ') || 'these'}, but I can't confirm the pair is fine. Patch-test behind the ear or on the jaw first, and stop if it stings or turns red.`;
  }
  const level = found.length ? 'caution' : 'unknown';
  return { level, text: `${head}${lines.length ? `\n${lines.join('\n')}` : ''}\n${footer(sources, lang)}`, sources: uniq(sources) };
}

/** a reaction after using something: stop, rinse, nothing new, see a doctor (at once when it is urgent) */
export function reactionAnswer(q: SafetyQuestion, urgent: boolean): SafetyAnswer {
  const { lang, product } = q;
  const sorry = lang === 'zh' ? '很抱歉让您不舒服了，请先这样处理：' : "I'm sorry your skin reacted. Please do this first:";
  const stop = product ? (lang === 'zh' ? `（需要停用的是${productName(product, lang)}）` : `(the product to stop is ${productName(product, lang)})`) : '';
  const parts = [urgent ? REACTION_ADVICE.urgent[lang] : '', `${sorry}${stop}`, REACTION_ADVICE.steps[lang], urgent ? '' : REACTION_ADVICE.urgent[lang], footer(REACTION_ADVICE.sources, lang)];
  return { level: 'avoid', text: parts.filter(Boolean).join('\n'), sources: REACTION_ADVICE.sources };
}

export interface SafetyReason {
  /** the ingredient as the product lists it */
  ingredient: string;
  level: Level;
  why: Wording;
  sources: string[];
}

/**
 * Why a product does not fit a customer: its listed actives against their life stage (leave-on findings,
 * rinse-off ones for a cleanser), and listed ingredients matching what they avoid (names or active
 * families: "视黄醇", "retinoid", "酒精"). Empty when nothing is flagged — which is not a promise of safety.
 */
export function unsafeFor(product: Product, constraints: { lifeStage?: LifeStage; avoid?: string[] }): SafetyReason[] {
  const reasons: SafetyReason[] = [];
  const rinseOff = isRinseOff(`${product.category} ${product.title} ${product.titleEn ?? ''}`);
  const avoid = (constraints.avoid ?? []).map((a) => a.trim().toLowerCase()).filter(Boolean);
  const avoidedActives = new Set(avoid.flatMap((a) => activesIn(a)));
  for (const ing of product.ingredients ?? []) {
    const label = ing.nameEn ? `${ing.name} (${ing.nameEn})` : ing.name;
    const names = `${ing.name} ${ing.nameEn ?? ''}`.toLowerCase();
    const actives = activesIn(names);
    const stage = constraints.lifeStage;
    for (const active of stage ? actives : []) {
      const finding = findingFor(active, stage!, rinseOff, ing.concentration);
      if (finding) reasons.push({ ingredient: label, level: finding.level, why: finding.note, sources: finding.sources });
    }
    if (avoid.some((a) => names.includes(a)) || actives.some((a) => avoidedActives.has(a))) {
      reasons.push({ ingredient: label, level: 'avoid', why: { zh: `含有您想避开的成分：${ing.name}`, en: `contains ${ing.nameEn ?? ing.name}, which you want to avoid` }, sources: [] });
    }
  }
  return reasons;
}
