import { classificationReport, formatReport } from '../../nlu/eval/metrics';

describe('evaluation metrics', () => {
  const pairs = [
    { gold: 'a', predicted: 'a' },
    { gold: 'a', predicted: 'b' },
    { gold: 'b', predicted: 'b' },
    { gold: 'c', predicted: 'b' },
  ];

  test('accuracy, per-label precision/recall/F1 and macro-F1 over gold labels', () => {
    const r = classificationReport(pairs);
    expect(r.accuracy).toBe(0.5);
    const a = r.perLabel.find((p) => p.label === 'a')!;
    expect(a).toMatchObject({ support: 2, precision: 1, recall: 0.5 });
    const b = r.perLabel.find((p) => p.label === 'b')!;
    expect(b.precision).toBeCloseTo(1 / 3);
    expect(b.recall).toBe(1);
    // F1: a = 2/3, b = 0.5, c = 0
    expect(r.macroF1).toBeCloseTo((2 / 3 + 0.5 + 0) / 3);
    expect(r.confusion).toEqual({ a: { a: 1, b: 1 }, b: { b: 1 }, c: { b: 1 } });
  });

  test('the table names what each label was confused with', () => {
    const text = formatReport('intent', classificationReport(pairs));
    expect(text).toContain('accuracy=50.0%');
    expect(text).toMatch(/^c .* b:1$/m);
  });

  test('an empty set reports zeros rather than NaN', () => {
    expect(classificationReport([])).toMatchObject({ total: 0, accuracy: 0, macroF1: 0 });
  });
});
