/**
 * Our own reading of the constraints a customer puts on what they buy: life stage (pregnant,
 * breastfeeding, trying to conceive), fragrance-free, allergies and ingredients to avoid, each as the
 * canonical ingredient names that constraints.ts checks against a product's ingredient list. The NLU
 * frame says the same when it has them; these keep the guide working when it does not.
 */
export type LifeStage = 'pregnant' | 'breastfeeding' | 'trying_to_conceive';

export function parseLifeStage(text: string): LifeStage | undefined {
  if (/备孕|trying to (conceive|get pregnant)/i.test(text)) return 'trying_to_conceive';
  if (/哺乳|喂奶|母乳|breast-?feeding|nursing/i.test(text)) return 'breastfeeding';
  if (/怀孕|孕妇|孕期|孕中|孕早|有孕|pregnan|expecting a baby/i.test(text)) return 'pregnant';
  return undefined;
}

export function parseFragranceFree(text: string): boolean {
  return /无香|不含香精|无香精|不要香精|不要香味|没有香味|不加香|对香精过敏|fragrance[- ]free|unscented|no fragrance|without fragrance|no perfume/i.test(text);
}

/** ingredient words we can check against a product's ingredient list: canonical name → what people write */
export const INGREDIENT_WORDS: Record<string, RegExp> = {
  酒精: /酒精|乙醇|alcohol|ethanol/i,
  视黄醇: /视黄醇|a醇|维a|视黄醛|retino|tretinoin|vitamin a\b/i,
  水杨酸: /水杨酸|bha|salicylic/i,
  果酸: /果酸|aha|glycolic|lactic acid/i,
  烟酰胺: /烟酰胺|niacinamide/i,
  香精: /香精|香料|fragrance|parfum|perfume/i,
  对苯二酚: /对苯二酚|氢醌|hydroquinone/i,
  硅油: /硅油|硅氧烷|silicone|dimethicone/i,
};

/** The ingredients the customer is allergic to (对酒精过敏, allergic to alcohol). */
export function parseAllergies(text: string): string[] {
  return clauses(text, /过敏|不耐受|allerg|sensitive to|react to/i).flatMap(ingredientsIn);
}

/** the parts of a message (between commas and full stops) that say something */
function clauses(text: string, says: RegExp): string[] {
  return text.split(/[，,。.;；!！?？]/).filter((c) => says.test(c));
}

/** Ingredients the customer does not want (不要酒精, 不含硅油, no alcohol, without retinol). */
export function parseAvoided(text: string): string[] {
  return clauses(text, /不要|不含|不想要|别有|避开|无添加|free of|without|\bno\b|avoid|don'?t want/i).flatMap(ingredientsIn);
}

function ingredientsIn(text: string): string[] {
  return Object.entries(INGREDIENT_WORDS)
    .filter(([, re]) => re.test(text))
    .map(([name]) => name);
}
