import { describe, expect, it } from 'vitest';
import { benjaminiHochberg, bhAdjustedPValues } from '../../../server/analytics/fdr';
import { thrownCode } from './thrown-code';

/*
 * The worked example of Benjamini & Hochberg (1995, JRSS B 57: 289–300, §4.2): 15 p-values from
 * a study of myocardial infarction treatment. At q = 0.05 the step-up thresholds are k·0.05/15:
 *   k  p₍ₖ₎     k·q/m
 *   1  0.0001   0.00333  ✓
 *   2  0.0004   0.00667  ✓
 *   3  0.0019   0.01     ✓
 *   4  0.0095   0.01333  ✓  ← largest k with p₍ₖ₎ ≤ k·q/m
 *   5  0.0201   0.01667  ✗
 *   6  0.0278   0.02     ✗ … and every later p₍ₖ₎ also exceeds k·q/m (0.0459 > 0.03 at k = 9).
 * So BH rejects 4 hypotheses, where Bonferroni (p ≤ 0.05/15 = 0.00333) rejects only 3.
 */
const BH_1995 = [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719, 0.6528, 0.759, 1.0];

describe('benjaminiHochberg', () => {
  it('given the Benjamini–Hochberg 1995 p-values, when tested at FDR 0.05, then the 4 smallest are rejected', () => {
    const result = benjaminiHochberg(BH_1995, 0.05);
    expect(result.rejectedCount).toBe(4);
    expect(result.rejected).toEqual(BH_1995.map((_, index) => index < 4));
    expect(result.criticalP).toBe(0.0095);
  });

  it('given the same p-values shuffled, when tested, then the same hypotheses are rejected', () => {
    const shuffled = [0.4262, 0.0095, 1.0, 0.0001, 0.0298, 0.0201, 0.0019, 0.759, 0.0459, 0.0004, 0.324, 0.0278, 0.5719, 0.0344, 0.6528];
    const rejected = benjaminiHochberg(shuffled, 0.05).rejected;
    expect(shuffled.filter((_, index) => rejected[index])).toEqual([0.0095, 0.0001, 0.0019, 0.0004]);
  });

  it('given a p-value that fails its own threshold but precedes a passing one, when tested, then it is rejected too (step-up)', () => {
    // m = 3, q = 0.05: p₍₁₎ = 0.02 > 0.0167 fails alone, but p₍₂₎ = 0.03 ≤ 0.0333 passes, so both are rejected.
    expect(benjaminiHochberg([0.02, 0.03, 0.9], 0.05).rejected).toEqual([true, true, false]);
  });

  it('given no p-value small enough, when tested, then nothing is rejected and the critical p is 0', () => {
    expect(benjaminiHochberg([0.2, 0.5, 0.8], 0.05)).toEqual({ rejected: [false, false, false], rejectedCount: 0, criticalP: 0 });
  });

  it('given no p-values, when tested, then the result is empty', () => {
    expect(benjaminiHochberg([], 0.05).rejected).toEqual([]);
  });

  it('given a p-value above 1, when tested, then it throws invalid_input', () => {
    expect(thrownCode(() => benjaminiHochberg([0.5, 1.2], 0.05))).toBe('invalid_input');
  });

  it('given an FDR of 0, when tested, then it throws invalid_input', () => {
    expect(thrownCode(() => benjaminiHochberg([0.5], 0))).toBe('invalid_input');
  });
});

describe('bhAdjustedPValues', () => {
  it('given the 1995 p-values, when adjusted, then they equal min over j ≥ i of m·p₍ⱼ₎/j', () => {
    // m·p₍ₖ₎/k: 0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.0695, 0.063857…, 0.0645, 0.0765, 0.486, …
    // The running minimum from the end pulls k = 6 down to k = 7's 0.063857… (= 15·0.0298/7).
    const expected = [
      0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.447 / 7, 0.447 / 7, 0.0645, 0.0765, 0.486, 6.393 / 11, 8.5785 / 12,
      9.792 / 13, 11.385 / 14, 1,
    ];
    bhAdjustedPValues(BH_1995).forEach((adjusted, index) => expect(adjusted).toBeCloseTo(expected[index]!, 12));
  });

  it('given the 1995 p-values, when adjusted p ≤ 0.05 is counted, then it agrees with the step-up procedure', () => {
    expect(bhAdjustedPValues(BH_1995).filter((adjusted) => adjusted <= 0.05)).toHaveLength(4);
  });
});
