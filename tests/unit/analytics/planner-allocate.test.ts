import { describe, expect, it } from 'vitest';
import { allocateGroups } from '../../../server/analytics/planner';
import { HIGH_NEED, LOW_NEED, SIX_COMMUNES } from './planner-fixture';
import { thrownCode } from './thrown-code';

describe('allocateGroups', () => {
  it('given 0 new groups, when allocated, then no step is taken and no commune changes', () => {
    const result = allocateGroups(SIX_COMMUNES, { groups: 0 });
    expect(result.steps).toEqual([]);
    expect(result.groupsAllocated).toBe(0);
    result.communes.forEach((commune) => expect(commune.after).toEqual(commune.before));
    expect(result.provinceAfter).toEqual(result.provinceBefore);
  });

  it('given a needy commune with 30 uncovered households, when 3 groups of 20 are allocated, then it is filled first', () => {
    // Need multipliers: the needier commune's need inputs all standardise to +1 → 1 + 1 = 2; the other's
    // to −1 → max(0.1, 0) = 0.1. Step 1: 20 × 2 = 40 beats 20 × 0.1 = 2. Step 2: min(20, 10) × 2 = 20
    // still beats 2. Step 3: the needy commune is full, so the group goes to the other (20 × 0.1).
    const needy = { ...HIGH_NEED, householdsInGroups: 970 };
    const result = allocateGroups([LOW_NEED, needy], { groups: 3, householdsPerGroup: 20 });
    expect(result.steps.map(({ code, newlyCoveredHouseholds, cumulativeNewlyCovered }) => [code, newlyCoveredHouseholds, cumulativeNewlyCovered])).toEqual([
      [needy.code, 20, 20],
      [needy.code, 10, 30],
      [LOW_NEED.code, 20, 50],
    ]);
    result.steps.map(({ weightedGain }) => weightedGain).forEach((gain, index) => expect(gain).toBeCloseTo([40, 20, 2][index]!, 12));
  });

  it('given the same allocation, when the per-commune result is read, then it shows before and after coverage', () => {
    const needy = { ...HIGH_NEED, householdsInGroups: 970 };
    const [low, high] = allocateGroups([LOW_NEED, needy], { groups: 3, householdsPerGroup: 20 }).communes;
    expect([high!.groupsAdded, high!.before.householdsInGroups, high!.after.householdsInGroups, high!.after.householdsCoveredShare]).toEqual([2, 970, 1000, 1]);
    expect([low!.groupsAdded, low!.after.householdsInGroups]).toEqual([1, 820]);
  });

  it('given far more groups than needed, when allocated, then no commune exceeds its households and the rest is unallocated', () => {
    // 6,100 uncovered households; at 22 per group the communes take 73 + 55 + 14 + 50 + 28 + 60 = 280 groups.
    const result = allocateGroups(SIX_COMMUNES, { groups: 1000 });
    result.communes.forEach((commune, index) => expect(commune.after.householdsInGroups).toBeLessThanOrEqual(SIX_COMMUNES[index]!.households));
    expect(result.totalNewlyCovered).toBe(6100);
    expect(result.groupsAllocated).toBe(280);
    expect(result.groupsUnallocated).toBe(720);
    expect(result.provinceAfter.householdsCoveredShare).toBe(1);
  });

  it('given 100 groups, when allocated, then each step\'s weighted gain is no larger than the one before (greedy)', () => {
    const gains = allocateGroups(SIX_COMMUNES, { groups: 100 }).steps.map(({ weightedGain }) => weightedGain);
    gains.slice(1).forEach((gain, index) => expect(gain).toBeLessThanOrEqual(gains[index]!));
  });

  it('given two identical communes, when one group is allocated, then it goes to the lower code whatever the input order', () => {
    const twin = { ...LOW_NEED, code: '09000' };
    expect(allocateGroups([LOW_NEED, twin], { groups: 1 }).steps[0]!.code).toBe('09000');
    expect(allocateGroups([twin, LOW_NEED], { groups: 1 }).steps[0]!.code).toBe('09000');
  });

  it('given the same request twice, when allocated, then the results are identical', () => {
    expect(allocateGroups(SIX_COMMUNES, { groups: 40 })).toEqual(allocateGroups(SIX_COMMUNES, { groups: 40 }));
  });

  it('given a negative number of groups, when allocated, then it throws invalid_input', () => {
    expect(thrownCode(() => allocateGroups(SIX_COMMUNES, { groups: -1 }))).toBe('invalid_input');
  });
});
