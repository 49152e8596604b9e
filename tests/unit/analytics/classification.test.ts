import { describe, expect, it } from 'vitest';
import { classIndex } from '#contract';
import { classBreaks, equalIntervalBreaks, jenksBreaks, quantileBreaks } from '../../../server/analytics/classification';
import { thrownCode } from './thrown-code';

/*
 * Employment density of the 58 California counties: the example data set of PySAL mapclassify
 * (`mapclassify.load_example()`, calempdensity.csv), used in Rey, Arribas-Bel & Wolf,
 * "Geographic Data Science with Python" (2023), ch. 5 "Choropleth mapping". The mapclassify
 * README prints its Fisher–Jenks classes for k = 5:
 *   [0.13, 75.29] 49 | (75.29, 192.05] 3 | (192.05, 370.50] 4 | (370.50, 722.85] 1 | (722.85, 4111.45] 1
 * and its equal-interval upper bounds 822.394, 1644.658, 2466.922, 3289.186, 4111.45 (57, 0, 0, 0, 1).
 */
const CALIFORNIA_EMPLOYMENT_DENSITY = [
  329.92, 0.42, 5.9, 14.03, 2.78, 1.34, 181.27, 1.65, 10.03, 16.7, 1.32, 3.99, 3.16, 0.22, 8.7, 6.56, 3.27, 0.33, 370.5,
  4.51, 75.29, 0.99, 2.74, 8.68, 0.14, 0.92, 12.63, 28.7, 12.02, 722.85, 36.68, 0.74, 29.82, 192.05, 3.38, 11.15, 110.74,
  4111.45, 49.47, 10.33, 317.11, 20.47, 264.93, 66.26, 5.39, 0.13, 0.61, 50.65, 40.48, 36.67, 13.09, 1.81, 0.2, 7.6, 2.51,
  57.26, 24.32, 6.97,
];

const countsPerClass = (values: number[], breaks: number[]) => {
  const counts = new Array<number>(breaks.length - 1).fill(0);
  for (const value of values) counts[classIndex(value, breaks)!]! += 1;
  return counts;
};

describe('jenksBreaks', () => {
  it('given the California employment densities, when split into 5 Jenks classes, then the breaks are those of mapclassify', () => {
    expect(jenksBreaks(CALIFORNIA_EMPLOYMENT_DENSITY, 5)).toEqual([0.13, 75.29, 192.05, 370.5, 722.85, 4111.45]);
  });

  it('given the same classes, when counted, then they hold 49, 3, 4, 1 and 1 counties', () => {
    expect(countsPerClass(CALIFORNIA_EMPLOYMENT_DENSITY, jenksBreaks(CALIFORNIA_EMPLOYMENT_DENSITY, 5))).toEqual([49, 3, 4, 1, 1]);
  });

  it('given two obvious groups, when split into 2 classes, then the break is the top of the lower group', () => {
    // {1,2,3}|{10,11,12}: SSD 2 + 2 = 4; the next best split {1,2,3,10}|{11,12} has 50 + 0.5.
    expect(jenksBreaks([12, 1, 11, 2, 10, 3], 2)).toEqual([1, 3, 12]);
  });

  it('given three tied groups and 3 classes, when classified, then each group is one class and b₀ = b₁ = 1', () => {
    expect(jenksBreaks([1, 1, 1, 5, 5, 5, 9, 9], 3)).toEqual([1, 1, 5, 9]);
  });

  it('given 4,000 distinct values, when split into 5 classes, then the sampled breaks still start at the min and end at the max', () => {
    const values = Array.from({ length: 4000 }, (_, i) => (i * 7919) % 4001);
    const breaks = jenksBreaks(values, 5);
    expect(breaks).toHaveLength(6);
    expect(breaks[0]).toBe(Math.min(...values));
    expect(breaks[5]).toBe(Math.max(...values));
  });
});

describe('quantileBreaks', () => {
  it('given the California densities, when split into quintiles, then breaks are the type-7 quantiles', () => {
    // Sorted x₀…x₅₇; the 20 % quantile sits at h = 57·0.2 = 11.4: x₁₁ + 0.4·(x₁₂ − x₁₁) = 1.34 + 0.4·0.31 = 1.464.
    const breaks = quantileBreaks(CALIFORNIA_EMPLOYMENT_DENSITY, 5);
    [0.13, 1.464, 5.798, 13.278, 54.616, 4111.45].forEach((expected, index) => expect(breaks[index]).toBeCloseTo(expected, 10));
  });

  it('given ties that make two quantiles coincide, when split into 3 classes, then the repeated break is merged', () => {
    // Type-7 tertiles of 1,1,1,1,2,3 are 1 and 1.333…: breaks [1, 1, 1.333, 3] → [1, 1.333, 3].
    const breaks = quantileBreaks([1, 1, 1, 1, 2, 3], 3);
    expect(breaks).toHaveLength(3);
    expect(breaks[1]).toBeCloseTo(4 / 3, 12);
  });

  it('given five values, when split into 2 classes, then the break is the median', () => {
    expect(quantileBreaks([5, 1, 4, 2, 3], 2)).toEqual([1, 3, 5]);
  });
});

describe('equalIntervalBreaks', () => {
  it('given the California densities, when split into 5 equal intervals, then breaks are min + c·range/5', () => {
    const breaks = equalIntervalBreaks(CALIFORNIA_EMPLOYMENT_DENSITY, 5);
    [0.13, 822.394, 1644.658, 2466.922, 3289.186, 4111.45].forEach((expected, index) => expect(breaks[index]).toBeCloseTo(expected, 9));
    expect(countsPerClass(CALIFORNIA_EMPLOYMENT_DENSITY, breaks)).toEqual([57, 0, 0, 0, 1]);
  });

  it('given values 0 to 10, when split into 4 classes, then the last break is exactly the max', () => {
    expect(equalIntervalBreaks([0, 3, 7, 10], 4)).toEqual([0, 2.5, 5, 7.5, 10]);
  });
});

describe('shared classification rules', () => {
  it.each(['quantile', 'equal', 'jenks'] as const)('given no values, when classified by %s, then there are no breaks', (scheme) => {
    expect(classBreaks([], scheme, 5)).toEqual([]);
  });

  it.each(['quantile', 'equal', 'jenks'] as const)('given one repeated value, when classified by %s, then there is one class [v, v]', (scheme) => {
    expect(classBreaks([4, 4, 4], scheme, 5)).toEqual([4, 4]);
  });

  it.each(['quantile', 'equal', 'jenks'] as const)('given 3 distinct values and 5 classes, when classified by %s, then there are at most 3 classes', (scheme) => {
    const breaks = classBreaks([1, 2, 3, 3, 2], scheme, 5);
    expect(breaks.length - 1).toBeLessThanOrEqual(3);
    expect(breaks[0]).toBe(1);
    expect(breaks[breaks.length - 1]).toBe(3);
  });

  it.each(['quantile', 'equal', 'jenks'] as const)('given null, NaN and Infinity among values, when classified by %s, then they are skipped', (scheme) => {
    expect(classBreaks([null, 1, Number.NaN, 5, undefined, Number.POSITIVE_INFINITY, 9], scheme, 3)).toEqual(classBreaks([1, 5, 9], scheme, 3));
  });

  it.each(['quantile', 'equal', 'jenks'] as const)('given the California densities, when classified by %s, then breaks never decrease', (scheme) => {
    const breaks = classBreaks(CALIFORNIA_EMPLOYMENT_DENSITY, scheme, 7);
    breaks.slice(1).forEach((value, index) => expect(value).toBeGreaterThanOrEqual(breaks[index]!));
  });

  it('given 0 classes, when classified, then it throws invalid_input', () => {
    expect(thrownCode(() => classBreaks([1, 2], 'jenks', 0))).toBe('invalid_input');
  });
});
