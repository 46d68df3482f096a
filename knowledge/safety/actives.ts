/**
 * The active ingredients the safety table knows, with the names customers and ingredient lists use for
 * them (zh, en, INCI, brand-of-drug names). Finding them in a message or in a product's ingredient list
 * is a handful of regex tests, no catalogue scan.
 */
import type { Product } from '../types';
import type { Wording } from './types';

export type Active = 'retinoid' | 'bha' | 'aha' | 'hydroquinone' | 'benzoyl_peroxide' | 'essential_oil' | 'vitamin_c';

export const ACTIVE_NAMES: Record<Active, Wording> = {
  retinoid: { zh: '维A类（视黄醇/A醇、视黄醛、维A酸、阿达帕林等）', en: 'retinoids (retinol, retinal, tretinoin, adapalene…)' },
  bha: { zh: '水杨酸（BHA）', en: 'salicylic acid (BHA)' },
  aha: { zh: '果酸（AHA，如甘醇酸、乳酸、杏仁酸）', en: 'AHAs (glycolic, lactic, mandelic acid)' },
  hydroquinone: { zh: '氢醌（对苯二酚）', en: 'hydroquinone' },
  benzoyl_peroxide: { zh: '过氧化苯甲酰', en: 'benzoyl peroxide' },
  essential_oil: { zh: '高浓度精油', en: 'concentrated essential oils' },
  vitamin_c: { zh: '维生素C', en: 'vitamin C' },
};

const PATTERNS: [Active, RegExp][] = [
  ['retinoid', /视黄醇|视黄醛|视黄酯|视黄酸|维[aA]|[aA]醇|[aA]醛|维甲酸|阿达帕林|达芙文|他扎罗汀|羟基频哪酮|retino|retinal|retinyl|tretinoin|adapalene|differin|tazarotene|isotretinoin|hydroxypinacolone|\bhpr\b|vitamin a\b/i],
  ['bha', /水杨酸|\bbha\b|β-?羟基酸|salicylic|beta[- ]hydroxy/i],
  ['aha', /果酸|\baha\b|甘醇酸|乙醇酸|羟基乙酸|乳酸(?!杆菌|菌)|杏仁酸|α-?羟基酸|glycolic|lactic acid|mandelic|alpha[- ]hydroxy/i],
  ['hydroquinone', /氢醌|对苯二酚|hydroquinone/i],
  ['benzoyl_peroxide', /过氧化苯甲酰|\bbpo\b|benzoyl peroxide/i],
  ['essential_oil', /精油|essential oils?|茶树油|tea tree oil/i],
  ['vitamin_c', /维生素\s*c|维c|\bvc\b|抗坏血酸|ascorbic|ascorbyl|vitamin c/i],
];

/** the actives a text names, in table order */
export function activesIn(text: string): Active[] {
  return PATTERNS.filter(([, re]) => re.test(text)).map(([active]) => active);
}

/** the actives in a product's listed ingredients (names and INCI names) */
export function activesOfProduct(product: Product): Active[] {
  const names = (product.ingredients ?? []).map((i) => `${i.name} ${i.nameEn ?? ''}`).join(' | ');
  return names ? activesIn(names) : [];
}

/** rinse-off products (cleansers, shampoo, body wash) leave far less on the skin than leave-on ones */
const RINSE_OFF = /洗面奶|洁面|洗面|洗脸|洗发|沐浴|卸妆|cleanser|face wash|facial wash|shampoo|body wash|rinse/i;

export function isRinseOff(text: string): boolean {
  return RINSE_OFF.test(text);
}

/** the highest disclosed concentration (percent) of an active in a product, if any is disclosed */
export function concentrationOf(product: Product, active: Active): number | undefined {
  const found = (product.ingredients ?? []).filter((i) => activesIn(`${i.name} ${i.nameEn ?? ''}`).includes(active) && i.concentration !== undefined);
  return found.length ? Math.max(...found.map((i) => i.concentration!)) : undefined;
}
