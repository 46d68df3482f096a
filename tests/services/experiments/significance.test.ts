/** The significance tests against values worked out by hand and textbook tables. */
import { chiSquareSurvival, chiSquareTest, normalCdf, significanceOf, twoProportionZ } from '../../../services/experiments';

describe('normal CDF and chi-square tail', () => {
  it('matches the tables', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 6);
    expect(normalCdf(1.96)).toBeCloseTo(0.975, 3);
    expect(normalCdf(-1.645)).toBeCloseTo(0.05, 3);
    // the 5% critical values of chi-square for df 1..5
    for (const [x, df] of [
      [3.841, 1],
      [5.991, 2],
      [7.815, 3],
      [9.488, 4],
      [11.07, 5],
    ]) {
      expect(chiSquareSurvival(x, df)).toBeCloseTo(0.05, 3);
    }
    expect(chiSquareSurvival(0, 3)).toBe(1);
  });
});

describe('two-proportion z-test', () => {
  it('200/1000 vs 250/1000: pooled 0.225, se 0.018675, z ≈ 2.677, p ≈ 0.0074', () => {
    const { z, p } = twoProportionZ({ name: 'a', assigned: 1000, converted: 200 }, { name: 'b', assigned: 1000, converted: 250 });
    expect(z).toBeCloseTo(2.6774, 3);
    expect(p).toBeGreaterThan(0.0071);
    expect(p).toBeLessThan(0.0077);
  });

  it('equal rates give z = 0, p = 1; nobody converting gives p = 1', () => {
    expect(twoProportionZ({ name: 'a', assigned: 500, converted: 50 }, { name: 'b', assigned: 500, converted: 50 })).toEqual({ z: 0, p: 1 });
    expect(twoProportionZ({ name: 'a', assigned: 500, converted: 0 }, { name: 'b', assigned: 500, converted: 0 })).toEqual({ z: 0, p: 1 });
  });

  it('the result names the method, the 0.05 threshold and the winner only on enough data', () => {
    const result = significanceOf([
      { name: 'coupon', assigned: 1000, converted: 200 },
      { name: 'gift', assigned: 1000, converted: 250 },
    ]);
    expect(result).toMatchObject({ method: 'two-proportion z', significant: true, enoughData: true });
    expect(result.note).toBeUndefined();
    const flat = significanceOf([
      { name: 'coupon', assigned: 1000, converted: 200 },
      { name: 'gift', assigned: 1000, converted: 215 },
    ]);
    expect(flat.significant).toBe(false);
  });

  it('a small sample says so', () => {
    const few = significanceOf([
      { name: 'coupon', assigned: 20, converted: 10 },
      { name: 'gift', assigned: 20, converted: 2 },
    ]);
    expect(few.enoughData).toBe(false);
    expect(few.note).toMatch(/too few customers/);
    const rare = significanceOf([
      { name: 'coupon', assigned: 100, converted: 1 },
      { name: 'gift', assigned: 100, converted: 3 },
    ]);
    expect(rare.enoughData).toBe(false);
    expect(rare.note).toMatch(/expected count is below 5/);
  });
});

describe('chi-square test for more than two variants', () => {
  it('2 arms: the statistic is z² (7.1685) with the same p', () => {
    const r = chiSquareTest([
      { name: 'a', assigned: 1000, converted: 200 },
      { name: 'b', assigned: 1000, converted: 250 },
    ]);
    expect(r.df).toBe(1);
    expect(r.chiSquare).toBeCloseTo(7.1685, 3);
    expect(r.p).toBeCloseTo(0.0074, 3);
  });

  it('100, 120, 150 of 1000 each: χ² = 1266.67/123.33 + 1266.67/876.67 ≈ 11.715, df 2, p = e^(−5.858) ≈ 0.00286', () => {
    const arms = [
      { name: '10d', assigned: 1000, converted: 100 },
      { name: '5d', assigned: 1000, converted: 120 },
      { name: '3d', assigned: 1000, converted: 150 },
    ];
    const r = chiSquareTest(arms);
    expect(r.df).toBe(2);
    expect(r.chiSquare).toBeCloseTo(11.715, 2);
    expect(r.p).toBeCloseTo(0.00286, 4);
    expect(significanceOf(arms)).toMatchObject({ method: 'chi-square', df: 2, significant: true, enoughData: true });
  });

  it('4 arms with the same rate are not significant (df 3)', () => {
    const arms = ['a', 'b', 'c', 'd'].map((name) => ({ name, assigned: 400, converted: 40 }));
    expect(significanceOf(arms)).toMatchObject({ method: 'chi-square', df: 3, p: 1, significant: false });
  });
});
