/** The small pure helpers the generator relies on for exact totals and reproducibility. */
import { describe, expect, it } from 'vitest';
import { allocateExactly } from '../../data/pipeline/support/allocate';
import { dayFromIso, isoFromDay } from '../../data/pipeline/support/dates';
import { createRandom } from '../../data/pipeline/support/prng';
import { YearRamp } from '../../data/pipeline/support/ramp';

describe('allocateExactly', () => {
  it('given weights 1:2:3 and a total of 10, when allocated, then the parts are 2, 3, 5 and sum to 10', () => {
    expect(allocateExactly(10, [1, 2, 3])).toEqual([2, 3, 5]);
  });

  it('given a cap on the heaviest slot, when allocated, then the overflow goes to the others and the total still holds', () => {
    expect(allocateExactly(10, [1, 1, 8], [10, 10, 4])).toEqual([3, 3, 4]);
  });

  it('given caps that cannot hold the total, when allocated, then it refuses', () => {
    expect(() => allocateExactly(10, [1, 1], [3, 3])).toThrow(RangeError);
  });
});

describe('seeded random streams', () => {
  it('given the same seed and stream, when drawing, then the numbers repeat; another stream differs', () => {
    const a = createRandom(20221025, 'groups');
    const b = createRandom(20221025, 'groups');
    const c = createRandom(20221025, 'tips');
    const draws = (r: ReturnType<typeof createRandom>) => Array.from({ length: 5 }, () => r.next());
    const first = draws(a);
    expect(draws(b)).toEqual(first);
    expect(draws(c)).not.toEqual(first);
  });
});

describe('dates and ramps', () => {
  it('given ISO dates, when converted to day numbers and back, then they round-trip', () => {
    expect(dayFromIso('1970-01-02')).toBe(1);
    expect(isoFromDay(dayFromIso('2022-10-25'))).toBe('2022-10-25');
    expect(() => dayFromIso('2022-02-30')).toThrow(RangeError);
  });

  it('given a launch in mid-2018, when sampling the ramp, then no date is before the launch or after the period', () => {
    const period = { start: dayFromIso('2017-01-01'), end: dayFromIso('2022-10-25') };
    const ramp = new YearRamp({ '2017': 18, '2018': 27, '2019': 22, '2020': 14, '2021': 10, '2022': 9 }, period);
    const random = createRandom(1, 'ramp');
    const launch = dayFromIso('2018-07-01');
    const days = Array.from({ length: 2000 }, () => ramp.sample(random, launch));
    expect(Math.min(...days)).toBeGreaterThanOrEqual(launch);
    expect(Math.max(...days)).toBeLessThanOrEqual(period.end);
  });
});
