/**
 * The significance tests an experiment's result carries, written out so they can be checked by hand:
 * a two-proportion z-test (pooled standard error, two-sided) for two variants and Pearson's chi-square
 * test of independence (variants × converted/not, df = k − 1) for more. The normal CDF uses the
 * Abramowitz–Stegun 7.1.26 approximation of erf (absolute error < 1.5e-7), enough for a p-value.
 */

export interface ArmCounts {
  name: string;
  assigned: number;
  converted: number;
}

export interface TestResult {
  method: 'two-proportion z' | 'chi-square';
  z?: number;
  chiSquare?: number;
  df?: number;
  p: number;
  significant: boolean;
  /** false when the sample is too small to read p (see `note`) */
  enoughData: boolean;
  note?: string;
}

export const ALPHA = 0.05;
/** below this many customers in an arm, the normal approximation is not trusted */
export const MIN_PER_VARIANT = 30;
/** each expected cell count (converted and not, per arm) should reach this */
export const MIN_EXPECTED = 5;

export function erf(x: number): number {
  if (x === 0) return 0; // the approximation's coefficients sum to 1 − 1e-9
  const sign = x < 0 ? -1 : 1;
  const a = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * a);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return sign * (1 - poly * Math.exp(-a * a));
}

/** P(Z ≤ z) for a standard normal Z. */
export function normalCdf(z: number): number {
  return 0.5 * (1 + erf(z / Math.SQRT2));
}

/** P(X ≥ x) for X chi-square with integer df ≥ 1 (the closed forms of the regularized gamma). */
export function chiSquareSurvival(x: number, df: number): number {
  if (x <= 0) return 1;
  const half = x / 2;
  if (df % 2 === 0) {
    // e^(−x/2) · Σ_{i<df/2} (x/2)^i / i!
    let term = 1;
    let sum = 1;
    for (let i = 1; i < df / 2; i++) {
      term *= half / i;
      sum += term;
    }
    return clamp01(Math.exp(-half) * sum);
  }
  // odd df: 2·(1 − Φ(√x)) + e^(−x/2) · Σ_{i=1}^{(df−1)/2} (x/2)^(i−1/2) / Γ(i + 1/2)
  let term = Math.sqrt(x / Math.PI) * Math.SQRT2; // (x/2)^(1/2) / Γ(3/2)
  let sum = 0;
  for (let i = 1; i <= (df - 1) / 2; i++) {
    sum += term;
    term *= half / (i + 0.5);
  }
  return clamp01(2 * (1 - normalCdf(Math.sqrt(x))) + Math.exp(-half) * sum);
}

function clamp01(v: number): number {
  return Math.min(1, Math.max(0, v));
}

export function twoProportionZ(a: ArmCounts, b: ArmCounts): { z: number; p: number } {
  if (a.assigned === 0 || b.assigned === 0) return { z: 0, p: 1 };
  const pooled = (a.converted + b.converted) / (a.assigned + b.assigned);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / a.assigned + 1 / b.assigned));
  if (se === 0) return { z: 0, p: 1 };
  const z = (b.converted / b.assigned - a.converted / a.assigned) / se;
  return { z, p: clamp01(2 * (1 - normalCdf(Math.abs(z)))) };
}

/** Pearson's chi-square over the arms that have customers; df = (those arms − 1). */
export function chiSquareTest(arms: ArmCounts[]): { chiSquare: number; df: number; p: number } {
  const rows = arms.filter((a) => a.assigned > 0);
  // arms nobody reached yet carry no information; with fewer than two there is nothing to test (df as designed)
  const df = rows.length >= 2 ? rows.length - 1 : Math.max(1, arms.length - 1);
  const total = rows.reduce((s, a) => s + a.assigned, 0);
  const converted = rows.reduce((s, a) => s + a.converted, 0);
  if (rows.length < 2 || converted === 0 || converted === total) return { chiSquare: 0, df, p: 1 };
  let stat = 0;
  for (const a of rows) {
    const expYes = (a.assigned * converted) / total;
    const expNo = a.assigned - expYes;
    stat += (a.converted - expYes) ** 2 / expYes + (a.assigned - a.converted - expNo) ** 2 / expNo;
  }
  return { chiSquare: stat, df, p: chiSquareSurvival(stat, df) };
}

/** Why p cannot be read yet, or undefined when the sample is large enough. */
export function smallSampleNote(arms: ArmCounts[]): string | undefined {
  const total = arms.reduce((s, a) => s + a.assigned, 0);
  const converted = arms.reduce((s, a) => s + a.converted, 0);
  const few = arms.filter((a) => a.assigned < MIN_PER_VARIANT).map((a) => a.name);
  if (few.length) return `too few customers: ${few.join(', ')} below ${MIN_PER_VARIANT} assigned; keep the experiment running`;
  const rate = total ? converted / total : 0;
  const lowExpected = arms.some((a) => a.assigned * rate < MIN_EXPECTED || a.assigned * (1 - rate) < MIN_EXPECTED);
  if (lowExpected) return `too few conversions: an expected count is below ${MIN_EXPECTED}; keep the experiment running`;
  return undefined;
}

/** The test for these arms: z for two, chi-square for more; p with the 0.05 threshold and a small-sample note. */
export function significanceOf(arms: ArmCounts[]): TestResult {
  const note = smallSampleNote(arms);
  const base = { enoughData: note === undefined, ...(note ? { note } : {}) };
  if (arms.length === 2) {
    const { z, p } = twoProportionZ(arms[0], arms[1]);
    return { method: 'two-proportion z', z: round(z, 4), p: round(p, 6), significant: p < ALPHA, ...base };
  }
  const { chiSquare, df, p } = chiSquareTest(arms);
  return { method: 'chi-square', chiSquare: round(chiSquare, 4), df, p: round(p, 6), significant: p < ALPHA, ...base };
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
