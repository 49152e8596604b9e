import { describe, expect, it } from 'vitest';
import { erfc, normalCdf, twoSidedPValue } from '../../../server/analytics/normal';

// Reference values: R 4.x / SciPy (pnorm, 2*pnorm(-|z|), erfc), printed to 16 significant digits.
describe('normalCdf', () => {
  it.each([
    [0, 0.5],
    [1, 0.8413447460685429],
    [1.96, 0.9750021048517795],
    [2.576, 0.995002467684265],
    [-3, 0.0013498980316300933],
  ])('given z = %s, when Φ(z) is computed, then it equals %s to 1e-15', (z, expected) => {
    expect(Math.abs(normalCdf(z) - expected)).toBeLessThan(1e-15);
  });
});

describe('twoSidedPValue', () => {
  it('given z = 1.96, when the two-sided p is computed, then it is 0.04999579029644087', () => {
    expect(twoSidedPValue(1.96)).toBeCloseTo(0.04999579029644087, 15);
  });

  it('given opposite z-scores, when p-values are computed, then they are equal', () => {
    expect(twoSidedPValue(-2.3)).toBe(twoSidedPValue(2.3));
  });

  it('given z = 8 far in the tail, when the p-value is computed, then it is 1.244192114854348e-15 to 1e-12 relative', () => {
    expect(Math.abs(twoSidedPValue(8) / 1.244192114854348e-15 - 1)).toBeLessThan(1e-12);
  });

  it('given z = 0, when the p-value is computed, then it is exactly 1', () => {
    expect(twoSidedPValue(0)).toBe(1);
  });
});

describe('erfc', () => {
  it.each([
    [0.3, 0.6713732405408726], // first Cody interval (|x| ≤ 0.46875)
    [1, 0.15729920705028516], // second interval (≤ 4)
    [4.5, 1.9661604415428878e-10], // third interval (> 4)
    [-1.96, 1.9944262754648279], // negative argument: 2 − erfc(1.96)
  ])('given x = %s, when erfc(x) is computed, then it matches %s to 1e-14 relative', (x, expected) => {
    expect(Math.abs(erfc(x) / expected - 1)).toBeLessThan(1e-14);
  });

  it('given x beyond 26.543, when erfc(x) is computed, then it underflows to 0', () => {
    expect(erfc(27)).toBe(0);
  });
});
