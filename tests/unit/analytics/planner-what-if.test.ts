import { describe, expect, it } from 'vitest';
import { addGroupsWhatIf } from '../../../server/analytics/planner';
import { SIX_COMMUNES } from './planner-fixture';
import { thrownCode } from './thrown-code';

describe('addGroupsWhatIf', () => {
  it('given 0 new groups, when the what-if runs, then nothing changes', () => {
    const result = addGroupsWhatIf(SIX_COMMUNES, { code: '08710', groups: 0 });
    expect(result.newlyCoveredHouseholds).toBe(0);
    expect(result.after).toEqual(result.before);
    expect(result.rankAfter).toBe(result.rankBefore);
    expect(result.gapScoreAfter).toBe(result.gapScoreBefore);
  });

  it('given 3 groups of the default 22 households for 08716, when the what-if runs, then 66 households join', () => {
    // 08716: 1,800 households, 700 in 35 groups → 1,100 uncovered; 3 × 22 = 66 ≤ 1,100.
    const result = addGroupsWhatIf(SIX_COMMUNES, { code: '08716', groups: 3 });
    expect(result.householdsPerGroup).toBe(22);
    expect(result.newlyCoveredHouseholds).toBe(66);
    expect(result.cappedByUncoveredHouseholds).toBe(false);
    expect(result.after).toEqual({
      groups: 38,
      householdsInGroups: 766,
      uncoveredHouseholds: 1034,
      householdsCoveredShare: 766 / 1800,
      groupsPer1kHouseholds: (38 / 1800) * 1000,
    });
  });

  it('given more groups than uncovered households can fill, when the what-if runs, then coverage stops at all households', () => {
    // 08713: 300 uncovered; 20 × 22 = 440 wanted → 300 join, coverage 100 %.
    const result = addGroupsWhatIf(SIX_COMMUNES, { code: '08713', groups: 20 });
    expect(result.newlyCoveredHouseholds).toBe(300);
    expect(result.cappedByUncoveredHouseholds).toBe(true);
    expect(result.after.householdsInGroups).toBe(3300);
    expect(result.after.householdsCoveredShare).toBe(1);
  });

  it('given an explicit 15 households per group, when the what-if runs, then it is used instead of the default', () => {
    expect(addGroupsWhatIf(SIX_COMMUNES, { code: '08716', groups: 2, householdsPerGroup: 15 }).newlyCoveredHouseholds).toBe(30);
  });

  it('given 60 new groups for the top-ranked commune, when the what-if runs, then its priority falls', () => {
    const result = addGroupsWhatIf(SIX_COMMUNES, { code: '08710', groups: 60 });
    expect(result.rankBefore).toBe(1);
    expect(result.rankAfter).toBeGreaterThan(1);
    expect(result.gapScoreAfter).toBeLessThan(result.gapScoreBefore);
  });

  it('given an unknown commune code, when the what-if runs, then it throws unknown_commune', () => {
    expect(thrownCode(() => addGroupsWhatIf(SIX_COMMUNES, { code: '99999', groups: 1 }))).toBe('unknown_commune');
  });

  it('given 1.5 groups, when the what-if runs, then it throws invalid_input', () => {
    expect(thrownCode(() => addGroupsWhatIf(SIX_COMMUNES, { code: '08716', groups: 1.5 }))).toBe('invalid_input');
  });

  it('given 0 households per group, when the what-if runs, then it throws invalid_input', () => {
    expect(thrownCode(() => addGroupsWhatIf(SIX_COMMUNES, { code: '08716', groups: 1, householdsPerGroup: 0 }))).toBe('invalid_input');
  });
});
