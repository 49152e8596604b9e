import { describe, expect, it } from 'vitest';
import { calendarYears, enclosingYears, yearCell } from '../../../server/privacy/reporting-calendar';

const RANGE = { from: '2017-01-01', to: '2022-10-25' };

describe('the reporting calendar', () => {
  it('given a whole calendar year, then it is on the calendar', () => {
    expect(calendarYears({ from: '2020-01-01', to: '2020-12-31' }, RANGE)).toEqual([2020]);
  });

  it('given the last year of the data, then it ends on the last day of the data', () => {
    expect(yearCell(2022, RANGE)).toEqual({ from: '2022-01-01', to: '2022-10-25' });
    expect(calendarYears({ from: '2022-01-01', to: '2022-10-25' }, RANGE)).toEqual([2022]);
    expect(calendarYears({ from: '2022-01-01', to: '2022-12-31' }, RANGE)).toBeNull();
  });

  it('given the whole data range, then it is the union of its six years', () => {
    expect(calendarYears(RANGE, RANGE)).toEqual([2017, 2018, 2019, 2020, 2021, 2022]);
  });

  it.each([
    { from: '2020-01-01', to: '2020-12-30' },
    { from: '2020-01-02', to: '2020-12-31' },
    { from: '2020-03-01', to: '2020-03-31' },
    { from: '2017-01-01', to: '2018-03-31' },
    { from: '2016-01-01', to: '2016-12-31' },
  ])('given $from … $to, then it is not on the calendar', (period) => {
    expect(calendarYears(period, RANGE)).toBeNull();
  });

  it('given a month, then the enclosing years are suggested instead', () => {
    expect(enclosingYears({ from: '2018-03-01', to: '2019-02-28' }, RANGE)).toEqual({ from: '2018-01-01', to: '2019-12-31' });
  });
});
