/** Deterministic assignment: the same customer always lands in the same arm, and arms fill by their weights. */
import { assignVariant, bucketOf } from '../../../services/experiments';

const customers = Array.from({ length: 10_000 }, (_, i) => `cust-${i.toString(36)}-${(i * 7919) % 10007}`);

function shares(experimentId: string, variants: { name: string; weight: number }[]): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(variants.map((v) => [v.name, 0]));
  for (const c of customers) counts[assignVariant(experimentId, c, variants)] += 1;
  return Object.fromEntries(Object.entries(counts).map(([k, n]) => [k, n / customers.length]));
}

describe('experiment assignment', () => {
  it('is a pure function of experiment and customer: the same answer every time', () => {
    const variants = [
      { name: 'coupon', weight: 1 },
      { name: 'gift', weight: 1 },
    ];
    const first = customers.map((c) => assignVariant('exp_0123456789abcdef', c, variants));
    const again = customers.map((c) => assignVariant('exp_0123456789abcdef', c, variants));
    expect(again).toEqual(first);
    expect(bucketOf('exp_a', 'cust-1')).toBe(bucketOf('exp_a', 'cust-1'));
    expect(bucketOf('exp_a', 'cust-1')).toBeGreaterThanOrEqual(0);
    expect(bucketOf('exp_a', 'cust-1')).toBeLessThan(1);
  });

  it('an equal split is close to 50/50 over 10,000 customers', () => {
    const s = shares('exp_aaaaaaaaaaaaaaaa', [
      { name: 'coupon', weight: 1 },
      { name: 'gift', weight: 1 },
    ]);
    // one standard deviation is 0.5%; the band is four
    expect(Math.abs(s.coupon - 0.5)).toBeLessThan(0.02);
    expect(Math.abs(s.gift - 0.5)).toBeLessThan(0.02);
  });

  it('weights 1:3 and 2:1:1 give 25/75 and 50/25/25 within a tolerance band', () => {
    const a = shares('exp_bbbbbbbbbbbbbbbb', [
      { name: 'discoverFirst', weight: 1 },
      { name: 'recommendFirst', weight: 3 },
    ]);
    expect(Math.abs(a.discoverFirst - 0.25)).toBeLessThan(0.02);
    const b = shares('exp_cccccccccccccccc', [
      { name: '10d', weight: 2 },
      { name: '5d', weight: 1 },
      { name: '3d', weight: 1 },
    ]);
    expect(Math.abs(b['10d'] - 0.5)).toBeLessThan(0.02);
    expect(Math.abs(b['5d'] - 0.25)).toBeLessThan(0.02);
    expect(Math.abs(b['3d'] - 0.25)).toBeLessThan(0.02);
  });

  it('two experiments split customers independently (the arms are not the same people every time)', () => {
    const variants = [
      { name: 'a', weight: 1 },
      { name: 'b', weight: 1 },
    ];
    const same = customers.filter((c) => assignVariant('exp_1111111111111111', c, variants) === assignVariant('exp_2222222222222222', c, variants)).length;
    expect(Math.abs(same / customers.length - 0.5)).toBeLessThan(0.02);
  });
});
