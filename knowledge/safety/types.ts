/** Shapes of the safety table (table.ts) and of its answers (advice.ts). */

export interface Wording {
  zh: string;
  en: string;
}

export type LifeStage = 'pregnant' | 'breastfeeding' | 'trying_to_conceive';

/** avoid: do not use; caution: only after asking a doctor, and only in the gentle form the note names */
export type Level = 'avoid' | 'caution';

/** One sourced finding, in our own words. */
export interface Finding {
  level: Level;
  note: Wording;
  /** who says so, by name (ACOG, NHS, FDA, AAD, 《化妆品安全技术规范》…) */
  sources: string[];
}

export interface SafetyAnswer {
  /** avoid when any finding says avoid; caution when any says caution; unknown when the table has nothing */
  level: Level | 'unknown';
  text: string;
  sources: string[];
}
