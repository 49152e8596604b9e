/** Metric classes at display precision: legend lines share no end value, and every value is coloured by the number its tooltip shows. */
import { describe, expect, it } from 'vitest';
import { classIndex } from '#contract';
import type { ChoroplethResponse } from '#contract/api';
import { displayBreaks, displayClassBounds, metricClasses, roundTo } from '../../../web/src/style/metricClasses';

const response = (metric: ChoroplethResponse['metric'], breaks: number[], values: number[]): ChoroplethResponse => ({
  metric,
  unit: '',
  level: 'commune',
  scheme: 'quantile',
  classes: breaks.length - 1,
  period: { from: '2017-01-01', to: '2022-10-25' },
  breaks,
  breaks_basis: 'series',
  breaks_periods: [],
  values: values.map((value, i) => ({ code: String(8700 + i), value, count: 1 })),
  synthetic: true,
});

describe('display breaks', () => {
  it('given rate breaks, when rounded to one decimal, then each class starts a tenth above the break below it', () => {
    const breaks = displayBreaks('groups_per_1k_households', [5.34, 11.44, 18.46, 25, 47.11, 52.8]);
    expect(breaks).toEqual([5.3, 11.4, 18.5, 25, 47.1, 52.8]);
    expect([0, 1, 2, 3, 4].map((i) => displayClassBounds('groups_per_1k_households', breaks, i))).toEqual([
      [5.3, 11.4],
      [11.5, 18.5],
      [18.6, 25],
      [25.1, 47.1],
      [47.2, 52.8],
    ]);
  });

  it('given count breaks 0, 9, 14, then the classes read 0 – 9 and 10 – 14', () => {
    const breaks = displayBreaks('tips_count', [0, 9.25, 14]);
    expect([0, 1].map((i) => displayClassBounds('tips_count', breaks, i))).toEqual([
      [0, 9],
      [10, 14],
    ]);
  });

  it('given two breaks that round to the same whole count, then the empty class between them is dropped', () => {
    expect(displayBreaks('groups_count', [0, 3.2, 3.4, 10])).toEqual([0, 3, 10]);
  });

  it('given a one-value lowest class (b0 = b1), then it is kept', () => {
    expect(displayBreaks('tips_count', [0, 0, 4, 9])).toEqual([0, 0, 4, 9]);
  });
});

describe('values by the number shown', () => {
  it('given 11.44 and 11.46 with a break at 11.44, then the first (shown 11,4) is class 0 and the second (shown 11,5) class 1', () => {
    const classed = metricClasses(response('groups_per_1k_households', [5.34, 11.44, 18.46], [11.44, 11.46]));
    expect(classed.values.map((v) => classIndex(v.value, classed.breaks))).toEqual([0, 1]);
  });

  it('given 500 values spread over the range, then each lies within the bounds of the legend line of its class', () => {
    const raw = Array.from({ length: 500 }, (_, i) => 5 + (i * 47.77) / 499);
    const classed = metricClasses(response('groups_per_1k_households', [5, 11.44, 18.46, 25.049, 47.11, 52.77], raw));
    for (const v of classed.values) {
      const i = classIndex(v.value, classed.breaks)!;
      const [lo, hi] = displayClassBounds('groups_per_1k_households', classed.breaks, i);
      expect(v.value!).toBeGreaterThanOrEqual(lo);
      expect(v.value!).toBeLessThanOrEqual(hi);
    }
  });

  it('rounds halves away from zero, as the number format does', () => {
    expect([roundTo(2.25, 1), roundTo(2.35, 1), roundTo(0.05, 1)]).toEqual([2.3, 2.4, 0.1]);
  });
});
