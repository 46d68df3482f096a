/**
 * A tiny naive-Bayes model over characters and character pairs, for the long reviews the sentiment lexicon
 * has no word for ("穿了几次就开线了", "里面还有污渍"). Trained at start-up in a few milliseconds on our own
 * reviews (data/sentiment/reviews.txt) plus the lexicon phrases themselves, each counted by its weight.
 * It only breaks ties: the analyzer consults it when the lexicon leaves a review-length statement neutral.
 */
import fs from 'node:fs';

const ALPHA = 0.5;

function grams(text: string): string[] {
  const out: string[] = [];
  for (const run of text.toLowerCase().match(/[\p{Script=Han}]+|[a-z']+/gu) ?? []) {
    if (/^[a-z']+$/.test(run)) {
      out.push('w:' + run);
      continue;
    }
    for (let i = 0; i < run.length; i++) {
      out.push(run[i]);
      if (i + 1 < run.length) out.push(run.slice(i, i + 2));
    }
  }
  return out;
}

export class ReviewModel {
  private readonly logOdds = new Map<string, number>();

  /** `rows`: text with +1 (positive) or -1 (negative) and a weight */
  constructor(rows: { text: string; label: 1 | -1; weight: number }[]) {
    const counts = [new Map<string, number>(), new Map<string, number>()];
    const totals = [0, 0];
    for (const row of rows) {
      const side = row.label > 0 ? 0 : 1;
      for (const g of new Set(grams(row.text))) {
        counts[side].set(g, (counts[side].get(g) ?? 0) + row.weight);
        totals[side] += row.weight;
      }
    }
    const vocab = new Set([...counts[0].keys(), ...counts[1].keys()]);
    for (const g of vocab) {
      const p = ((counts[0].get(g) ?? 0) + ALPHA) / (totals[0] + ALPHA * vocab.size);
      const n = ((counts[1].get(g) ?? 0) + ALPHA) / (totals[1] + ALPHA * vocab.size);
      this.logOdds.set(g, Math.log(p / n));
    }
  }

  /** Reads "+ text" / "- text" lines (`#` comments). */
  static readReviews(file: string): { text: string; label: 1 | -1; weight: number }[] {
    return fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .map((l) => /^([+-])\s+(.+)$/.exec(l.trim()))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ text: m[2], label: m[1] === '+' ? 1 : -1, weight: 1 }));
  }

  /** Mean log-odds per known gram: > 0 leans positive, < 0 negative, 0 when nothing is known. */
  lean(text: string): number {
    let sum = 0;
    let n = 0;
    for (const g of grams(text)) {
      const v = this.logOdds.get(g);
      if (v === undefined) continue;
      sum += v;
      n++;
    }
    return n ? sum / n : 0;
  }
}
