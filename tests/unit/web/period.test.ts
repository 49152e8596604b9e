import { describe, expect, it } from 'vitest';
import { normalizePeriod, periodForYear, periodMode, yearOfPeriod } from '../../../web/src/state/period';

describe('periods', () => {
  it.each([
    [{ from: '2017-01-01', to: '2022-10-25' }, 'all'],
    [{ from: '2017-01-01', to: '2019-12-31' }, 'cumulative'],
    [{ from: '2017-01-01', to: '2017-12-31' }, 'cumulative'],
    [{ from: '2019-01-01', to: '2019-12-31' }, 'year'],
    [{ from: '2022-01-01', to: '2022-10-25' }, 'year'],
    [{ from: '2018-03-01', to: '2019-12-31' }, 'custom'],
  ] as const)('classifies %o as %s', (period, mode) => {
    expect(periodMode(period)).toBe(mode);
  });

  it('given the last year, when a year period is made, then it ends on the review date', () => {
    expect(periodForYear(2022, 'cumulative')).toEqual({ from: '2017-01-01', to: '2022-10-25' });
    expect(periodForYear(2030, 'year')).toEqual({ from: '2022-01-01', to: '2022-10-25' });
  });

  it('given a period, then the slider shows the year it ends in', () => {
    expect(yearOfPeriod({ from: '2017-01-01', to: '2018-12-31' })).toBe(2018);
  });

  it('given dates outside the data range or reversed, when normalised, then they are clamped or rejected', () => {
    expect(normalizePeriod('2010-01-01', '2030-01-01')).toEqual({ from: '2017-01-01', to: '2022-10-25' });
    expect(normalizePeriod('2020-05-01', '2019-01-01')).toBeNull();
    expect(normalizePeriod('2020-02-30', '2020-03-01')).toBeNull();
  });
});
