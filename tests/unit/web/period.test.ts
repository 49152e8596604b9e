import { describe, expect, it } from 'vitest';
import {
  dayFirstFromIso,
  enclosingYears,
  isoFromDayFirst,
  isWholeYears,
  normalizePeriod,
  periodForYear,
  periodMode,
  yearOfPeriod,
  yearsPeriod,
} from '../../../web/src/state/period';

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

  it('given whole years, then they run from 1 January (or the data start) to 31 December (or the review date)', () => {
    expect(yearsPeriod(2019, 2020)).toEqual({ from: '2019-01-01', to: '2020-12-31' });
    expect(yearsPeriod(2022, 2018)).toEqual({ from: '2018-01-01', to: '2022-10-25' });
    expect(isWholeYears({ from: '2017-01-01', to: '2022-10-25' })).toBe(true);
    expect(isWholeYears({ from: '2020-01-01', to: '2020-12-31' })).toBe(true);
    expect(isWholeYears({ from: '2020-03-01', to: '2020-12-31' })).toBe(false);
    expect(isWholeYears({ from: '2020-01-01', to: '2021-06-30' })).toBe(false);
    expect(enclosingYears({ from: '2020-03-01', to: '2021-06-30' })).toEqual({ from: '2020-01-01', to: '2021-12-31' });
  });

  it('given a day-first date, then it reads as that day, and nothing else does', () => {
    expect(isoFromDayFirst('25/10/2022')).toBe('2022-10-25');
    expect(isoFromDayFirst(' 1.3.2020 ')).toBe('2020-03-01');
    expect(isoFromDayFirst('10/25/2022')).toBeNull();
    expect(isoFromDayFirst('30/02/2020')).toBeNull();
    expect(isoFromDayFirst('2022-10-25')).toBeNull();
    expect(dayFirstFromIso('2022-10-25')).toBe('25/10/2022');
  });
});
