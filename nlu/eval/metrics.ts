/** Evaluation metrics for labelled utterances: accuracy, macro-F1 and a confusion table. */

export interface ClassificationReport {
  total: number;
  accuracy: number;
  macroF1: number;
  /** per gold label: support, precision, recall, f1 */
  perLabel: { label: string; support: number; precision: number; recall: number; f1: number }[];
  /** gold → predicted → count */
  confusion: Record<string, Record<string, number>>;
}

export function classificationReport(pairs: { gold: string; predicted: string }[]): ClassificationReport {
  const confusion: Record<string, Record<string, number>> = {};
  const labels = new Set<string>();
  let correct = 0;
  for (const { gold, predicted } of pairs) {
    labels.add(gold);
    labels.add(predicted);
    confusion[gold] ??= {};
    confusion[gold][predicted] = (confusion[gold][predicted] ?? 0) + 1;
    if (gold === predicted) correct++;
  }
  const perLabel = [...labels]
    .sort()
    .map((label) => {
      const tp = confusion[label]?.[label] ?? 0;
      const support = Object.values(confusion[label] ?? {}).reduce((a, b) => a + b, 0);
      const predictedCount = Object.values(confusion).reduce((a, row) => a + (row[label] ?? 0), 0);
      const precision = predictedCount ? tp / predictedCount : 0;
      const recall = support ? tp / support : 0;
      const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
      return { label, support, precision, recall, f1 };
    });
  // macro-F1 over the labels that occur in the gold data (a label only ever predicted would add a 0)
  const goldLabels = perLabel.filter((p) => p.support > 0);
  const macroF1 = goldLabels.length ? goldLabels.reduce((a, p) => a + p.f1, 0) / goldLabels.length : 0;
  return { total: pairs.length, accuracy: pairs.length ? correct / pairs.length : 0, macroF1, perLabel, confusion };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** A readable table: one row per gold label with its support, P/R/F1 and what it was confused with. */
export function formatReport(title: string, r: ClassificationReport): string {
  const lines = [`${title}: n=${r.total}  accuracy=${pct(r.accuracy)}  macro-F1=${pct(r.macroF1)}`];
  lines.push(`${'label'.padEnd(16)} ${'n'.padStart(4)} ${'P'.padStart(7)} ${'R'.padStart(7)} ${'F1'.padStart(7)}  confused with`);
  for (const p of r.perLabel) {
    if (p.support === 0) continue;
    const confused = Object.entries(r.confusion[p.label] ?? {})
      .filter(([pred]) => pred !== p.label)
      .sort((a, b) => b[1] - a[1])
      .map(([pred, n]) => `${pred}:${n}`)
      .join(' ');
    lines.push(`${p.label.padEnd(16)} ${String(p.support).padStart(4)} ${pct(p.precision).padStart(7)} ${pct(p.recall).padStart(7)} ${pct(p.f1).padStart(7)}  ${confused}`);
  }
  return lines.join('\n');
}
