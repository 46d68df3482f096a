/**
 * Hard constraints on recommendations — allergies, avoided ingredients, fragrance-free, pregnancy and
 * breastfeeding — checked against the product's own ingredient and fragrance fields, and the short line
 * that tells the customer which of them were applied. Constraints are never relaxed: a product the
 * customer cannot use is no recommendation.
 *
 * Pregnancy, breastfeeding and trying to conceive: the curated safety table (knowledge/safety
 * `unsafeFor`) flags the product's actives for the life stage; anything it flags — to avoid or to ask a
 * doctor about — is left out. A local rule (retinoids, hydroquinone, leave-on or > 2 % salicylic acid)
 * is checked as well, so a product the table does not know is not let through by default.
 */
import { unsafeFor } from '../../knowledge/safety';
import type { Product } from '../../knowledge/types';
import type { Wording } from '../flow/language';
import { INGREDIENT_WORDS } from './constraintParsers';
import type { Constraints } from './shoppingRequest';

const RINSE_OFF = ['洁面', '洗发水', '护发素', '卸妆'];
const PREGNANCY_UNSAFE = ['视黄醇', '对苯二酚'];

function hasIngredient(p: Product, canonical: string): boolean {
  const re = INGREDIENT_WORDS[canonical];
  if (!re) return (p.ingredients ?? []).some((i) => i.name.includes(canonical) || (i.nameEn ?? '').toLowerCase().includes(canonical.toLowerCase()));
  return (p.ingredients ?? []).some((i) => re.test(i.name) || re.test(i.nameEn ?? ''));
}

/** Listed as fragrance-free (a product without the field is not known to be). */
export function isFragranceFree(p: Product): boolean {
  return /无香|无添加香精|不含香精|fragrance[- ]free|unscented/i.test(p.fragrance ?? '') && !hasIngredient(p, '香精');
}

export function pregnancyUnsafe(p: Product): boolean {
  if (PREGNANCY_UNSAFE.some((name) => hasIngredient(p, name))) return true;
  const salicylic = (p.ingredients ?? []).find((i) => INGREDIENT_WORDS['水杨酸'].test(i.name) || INGREDIENT_WORDS['水杨酸'].test(i.nameEn ?? ''));
  if (!salicylic) return false;
  return !RINSE_OFF.includes(p.category) || (salicylic.concentration ?? 0) > 2;
}

export function hasConstraints(c: Constraints | undefined): c is Constraints {
  return Boolean(c && (c.allergies.length || c.avoid.length || c.fragranceFree || c.lifeStage));
}

/** True when the product respects every constraint. */
export function allowedBy(c: Constraints | undefined, p: Product): boolean {
  if (!hasConstraints(c)) return true;
  const avoided = [...c.allergies, ...c.avoid];
  if (avoided.some((name) => hasIngredient(p, name))) return false;
  // fragrance allergy or "无香精": only products listed as fragrance-free
  if ((c.fragranceFree || avoided.includes('香精')) && !isFragranceFree(p)) return false;
  if (c.lifeStage && (pregnancyUnsafe(p) || unsafeFor(p, { lifeStage: c.lifeStage }).length > 0)) return false;
  return true;
}

const EN_NAMES: Record<string, string> = {
  酒精: 'alcohol', 视黄醇: 'retinol', 水杨酸: 'salicylic acid', 果酸: 'AHAs', 烟酰胺: 'niacinamide', 香精: 'fragrance', 对苯二酚: 'hydroquinone', 硅油: 'silicones',
};

/** "已避开酒精、香精 · 孕期可用" — what was applied, in a few words; undefined when nothing was. */
export function constraintsNote(c: Constraints | undefined): Wording | undefined {
  if (!hasConstraints(c)) return undefined;
  const names = [...new Set([...c.allergies, ...c.avoid, ...(c.fragranceFree ? ['香精'] : [])])];
  const zh: string[] = [];
  const en: string[] = [];
  if (names.length) {
    zh.push(`不含${names.join('、')}`);
    en.push(`no ${names.map((n) => EN_NAMES[n] ?? n).join(', ')}`);
  }
  if (c.lifeStage) {
    const stage = c.lifeStage === 'breastfeeding' ? { zh: '哺乳期', en: 'breastfeeding' } : c.lifeStage === 'trying_to_conceive' ? { zh: '备孕期', en: 'trying to conceive' } : { zh: '孕期', en: 'pregnancy' };
    zh.push(`${stage.zh}已避开A醇、对苯二酚和高浓度水杨酸`);
    en.push(`for ${stage.en}: no retinoids, hydroquinone or strong salicylic acid`);
  }
  return { zh: `已按您的要求筛选：${zh.join('；')}。`, en: `Filtered as you asked: ${en.join('; ')}.` };
}

/** Constraints told earlier and now: both kept (an allergy does not go away between requests). */
export function mergeConstraints(a: Constraints | undefined, b: Constraints): Constraints {
  return {
    allergies: [...new Set([...(a?.allergies ?? []), ...b.allergies])],
    avoid: [...new Set([...(a?.avoid ?? []), ...b.avoid])],
    fragranceFree: Boolean(a?.fragranceFree || b.fragranceFree),
    lifeStage: b.lifeStage ?? a?.lifeStage,
  };
}
