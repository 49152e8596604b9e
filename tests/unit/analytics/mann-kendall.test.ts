import { describe, expect, it } from 'vitest';
import { mannKendall } from '../../../server/analytics/mann-kendall';
import { thrownCode } from './thrown-code';

describe('mannKendall', () => {
  it('given 1, 2, 3, 4, 5, when tested, then S = 10, Var = 50/3, z = 9/√(50/3) and the trend is increasing', () => {
    // All 10 pairs rise: S = 10. Var = 5·4·15/18 = 50/3. z = (10 − 1)/√(50/3) = 2.2045407685048604.
    // p = 2·(1 − Φ(2.2045)) = 0.02748633611151033 ≤ 0.05.
    const result = mannKendall([1, 2, 3, 4, 5]);
    expect(result.s).toBe(10);
    expect(result.variance).toBeCloseTo(50 / 3, 12);
    expect(result.z).toBeCloseTo(2.2045407685048604, 12);
    expect(result.p).toBeCloseTo(0.02748633611151033, 12);
    expect(result.trend).toBe('increasing');
  });

  it('given 5, 4, 3, 2, 1, when tested, then z = −2.2045 and the trend is decreasing', () => {
    const result = mannKendall([5, 4, 3, 2, 1]);
    expect(result.s).toBe(-10);
    expect(result.z).toBeCloseTo(-2.2045407685048604, 12);
    expect(result.trend).toBe('decreasing');
  });

  it('given 1, 2, 2, 3 with one tie, when tested, then the tie corrects the variance', () => {
    // Pairs: (1,2)+ (1,2)+ (1,3)+ (2,2)0 (2,3)+ (2,3)+ → S = 5.
    // Var = [4·3·13 − 2·1·9]/18 = (156 − 18)/18 = 23/3. z = 4/√(23/3) = 1.4446302370292303, p = 0.1486.
    const result = mannKendall([1, 2, 2, 3]);
    expect(result.s).toBe(5);
    expect(result.variance).toBeCloseTo(23 / 3, 12);
    expect(result.z).toBeCloseTo(1.4446302370292303, 12);
    expect(result.p).toBeCloseTo(0.14856177489186864, 12);
    expect(result.trend).toBe('no_trend');
  });

  it('given 3, 1, 4, 1, 5, 9, 2, 6, when tested, then S = 11 and the two tied 1s correct the variance', () => {
    // Rises minus falls from each value to the later ones:
    //   3: rises 4 5 9 6, falls 1 1 2 → +1     1: rises 4 5 9 2 6 (the later 1 ties) → +5
    //   4: rises 5 9 6, falls 1 2 → +1         1: rises 5 9 2 6 → +4
    //   5: rises 9 6, falls 2 → +1             9: falls 2 6 → −2        2: rises 6 → +1
    // S = 1 + 5 + 1 + 4 + 1 − 2 + 1 = 11.
    // Var = [8·7·21 − 2·1·9]/18 = (1176 − 18)/18 = 193/3; z = (11 − 1)/√(193/3) = 1.2467.
    const result = mannKendall([3, 1, 4, 1, 5, 9, 2, 6]);
    expect(result.s).toBe(11);
    expect(result.variance).toBeCloseTo(193 / 3, 12);
    expect(result.z).toBeCloseTo(10 / Math.sqrt(193 / 3), 12);
  });

  it('given a constant series, when tested, then S = 0, z = 0, p = 1 and there is no trend', () => {
    expect(mannKendall([4, 4, 4, 4, 4])).toEqual({ n: 5, s: 0, variance: 0, z: 0, p: 1, trend: 'no_trend' });
  });

  it('given four strictly rising values, when tested, then p = 0.089 > 0.05: four steps cannot show a trend', () => {
    // S = 6, Var = 4·3·13/18 = 26/3, z = 5/√(26/3) = 1.698, p = 0.0894.
    const result = mannKendall([1, 2, 3, 4]);
    expect(result.p).toBeCloseTo(0.08942935902899352, 12);
    expect(result.trend).toBe('no_trend');
  });

  it('given a looser alpha of 0.10, when four rising values are tested, then the trend is increasing', () => {
    expect(mannKendall([1, 2, 3, 4], 0.1).trend).toBe('increasing');
  });

  it('given a NaN in the series, when tested, then it throws invalid_input', () => {
    expect(thrownCode(() => mannKendall([1, Number.NaN, 3]))).toBe('invalid_input');
  });
});
