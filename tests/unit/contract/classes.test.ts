/**
 * The one class rule server and web share: class i holds bᵢ < v ≤ bᵢ₊₁ (class 0 also b₀),
 * values outside the breaks clamp, missing values have no class. The mapclassify check of the
 * rule (California Jenks classes of 49, 3, 4, 1 and 1 counties) is in classification.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { classIndex } from '#contract';

/** Quintile-like breaks of groups per 1,000 households, as the choropleth serves them. */
const BREAKS = [17.2, 26.5, 31.0, 35.8, 41.3, 53.4];

describe('classIndex', () => {
  it.each([
    [17.2, 0, 'the lowest break belongs to the first class'],
    [20.0, 0, 'inside the first class'],
    [26.5, 0, 'an inner break belongs to the class it closes'],
    [26.50001, 1, 'just above an inner break is the next class'],
    [35.8, 2, 'the third break closes the third class'],
    [41.3, 3, 'the fourth break closes the fourth class'],
    [53.4, 4, 'the highest break belongs to the last class'],
  ])('given %s and breaks [17.2 … 53.4], when indexed, then it is class %s: %s', (value, expected) => {
    expect(classIndex(value, BREAKS)).toBe(expected);
  });

  it('given values below the lowest and above the highest break, when indexed, then they clamp to the first and last class', () => {
    expect([classIndex(3.1, BREAKS), classIndex(-5, BREAKS), classIndex(60, BREAKS), classIndex(1e9, BREAKS)]).toEqual([0, 0, 4, 4]);
  });

  it('given null, undefined, NaN or an infinite value, when indexed, then there is no class', () => {
    expect([null, undefined, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY].map((v) => classIndex(v, BREAKS))).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('given fewer than two breaks, when indexed, then there is no class', () => {
    expect([classIndex(4, []), classIndex(4, [4])]).toEqual([null, null]);
  });

  it('given a single-value legend [4, 4], when 4 is indexed, then it is class 0', () => {
    expect(classIndex(4, [4, 4])).toBe(0);
  });

  it('given repeated breaks [1, 1, 5, 9] (a one-value lowest Jenks class), when 1, 3, 5 and 9 are indexed, then they are classes 0, 1, 1 and 2', () => {
    expect([1, 3, 5, 9].map((v) => classIndex(v, [1, 1, 5, 9]))).toEqual([0, 1, 1, 2]);
  });

  it('given open-ended breaks [−∞, −1, 0, 1, +∞], when −1 and 1 are indexed, then each stays in the class it closes', () => {
    const breaks = [Number.NEGATIVE_INFINITY, -1, 0, 1, Number.POSITIVE_INFINITY];
    expect([-7, -1, -0.5, 0, 1, 1.01].map((v) => classIndex(v, breaks))).toEqual([0, 0, 1, 1, 2, 3]);
  });

});
