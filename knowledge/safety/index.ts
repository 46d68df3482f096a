/**
 * Cosmetic safety: a curated, sourced table (table.ts) and the careful answers built from it (advice.ts),
 * with the text rules that tell a safety question apart (signals.ts). Pure functions, no I/O.
 */
export { ACTIVE_NAMES, activesIn, activesOfProduct, isRinseOff, type Active } from './actives';
export { combinationAnswer, findingFor, lifeStageAnswer, reactionAnswer, unsafeFor, type SafetyQuestion, type SafetyReason } from './advice';
export { asksForRecommendation, asksSeveralActives, asksTogether, isReaction, isUrgentReaction, lifeStageIn } from './signals';
export { COMBO_TABLE, LIFE_STAGE_TABLE, REACTION_ADVICE, SOURCE_NAMES } from './table';
export type { Finding, Level, LifeStage, SafetyAnswer, Wording } from './types';
