import { describe, expect, it } from 'vitest';
import { allocateGroups, type PlannerCommune } from '../../../server/analytics/planner';
import { HIGH_NEED, LOW_NEED, SIX_COMMUNES } from './planner-fixture';
import { thrownCode } from './thrown-code';

/**
 * The documented objective, written out here independently of the implementation:
 * U = Σ m·H·(s − s²/2) over the communes, s = households in groups / households.
 */
function objective(communes: readonly { households: number; householdsInGroups: number }[], multipliers: readonly number[]): number {
  return communes.reduce((sum, c, i) => {
    const s = c.householdsInGroups / c.households;
    return sum + multipliers[i]! * c.households * (s - (s * s) / 2);
  }, 0);
}

/** Every way of splitting n groups over k communes. */
function* splits(n: number, k: number): Generator<number[]> {
  if (k === 1) {
    yield [n];
    return;
  }
  for (let first = 0; first <= n; first += 1) for (const rest of splits(n - first, k - 1)) yield [first, ...rest];
}

describe('allocateGroups: need-weighted coverage with saturation', () => {
  it('given 0 new groups, when allocated, then no step is taken and no commune changes', () => {
    const result = allocateGroups(SIX_COMMUNES, { groups: 0 });
    expect(result.steps).toEqual([]);
    expect(result.groupsAllocated).toBe(0);
    result.communes.forEach((commune) => expect(commune.after).toEqual(commune.before));
    expect(result.provinceAfter).toEqual(result.provinceBefore);
  });

  it('given a needy commune at 97 % coverage and an ordinary one at 80 %, when 3 groups of 20 are allocated, then the needy one gets one and the rest go where households are still uncovered', () => {
    // Need multipliers 2 (every need input +1 s.d.) and 0.1 (floor). Gains m·g·(1 − s − g/2H):
    // step 1: needy 2·20·(0.03 − 0.01) = 0.8 beats 0.1·20·(0.2 − 0.01) = 0.38;
    // step 2: needy, now 99 %, 2·10·(0.01 − 0.005) = 0.1 loses to 0.38;
    // step 3: the ordinary one at 82 %, 0.1·20·(0.18 − 0.01) = 0.34, still beats 0.1.
    const needy = { ...HIGH_NEED, householdsInGroups: 970 };
    const result = allocateGroups([LOW_NEED, needy], { groups: 3, householdsPerGroup: 20 });
    expect(result.steps.map(({ code, newlyCoveredHouseholds, cumulativeNewlyCovered }) => [code, newlyCoveredHouseholds, cumulativeNewlyCovered])).toEqual([
      [needy.code, 20, 20],
      [LOW_NEED.code, 20, 40],
      [LOW_NEED.code, 20, 60],
    ]);
    result.steps.map(({ weightedGain }) => weightedGain).forEach((gain, index) => expect(gain).toBeCloseTo([0.8, 0.38, 0.34][index]!, 12));
  });

  it('given the same allocation, when the per-commune result is read, then it shows before and after coverage', () => {
    const needy = { ...HIGH_NEED, householdsInGroups: 970 };
    const [low, high] = allocateGroups([LOW_NEED, needy], { groups: 3, householdsPerGroup: 20 }).communes;
    expect([high!.groupsAdded, high!.before.householdsInGroups, high!.after.householdsInGroups]).toEqual([1, 970, 990]);
    expect([low!.groupsAdded, low!.after.householdsInGroups, low!.after.householdsCoveredShare]).toEqual([2, 840, 0.84]);
  });

  it('given 40 groups for six communes, then each step gains the rise of the objective it causes, and the gains add up to U(after) − U(before)', () => {
    const result = allocateGroups(SIX_COMMUNES, { groups: 40 });
    const multipliers = result.communes.map((c) => c.needMultiplier);
    const before = objective(SIX_COMMUNES, multipliers);
    const after = objective(
      result.communes.map((c, i) => ({ households: SIX_COMMUNES[i]!.households, householdsInGroups: c.after.householdsInGroups })),
      multipliers,
    );
    expect(result.steps.reduce((sum, step) => sum + step.weightedGain, 0)).toBeCloseTo(after - before, 9);
  });

  it('given 12 groups for three communes, then no other split of the 12 groups reaches a higher objective (greedy is exact)', () => {
    const three = SIX_COMMUNES.slice(0, 3);
    const result = allocateGroups(three, { groups: 12, householdsPerGroup: 40 });
    const multipliers = result.communes.map((c) => c.needMultiplier);
    const value = (split: number[]) =>
      objective(
        three.map((c, i) => ({ households: c.households, householdsInGroups: Math.min(c.households, c.householdsInGroups + 40 * split[i]!) })),
        multipliers,
      );
    const best = Math.max(...[...splits(12, 3)].map(value));
    expect(value(result.communes.map((c) => c.groupsAdded))).toBeCloseTo(best, 9);
  });

  it('given 100 groups, when allocated, then every step gains no more than the one before: the marginal gain falls', () => {
    const gains = allocateGroups(SIX_COMMUNES, { groups: 100 }).steps.map(({ weightedGain }) => weightedGain);
    gains.slice(1).forEach((gain, index) => expect(gain).toBeLessThanOrEqual(gains[index]! + 1e-12));
    expect(gains.at(-1)!).toBeLessThan(0.8 * gains[0]!);
  });

  it('given 100 groups, then the three needy communes share them and none is filled to 90 %', () => {
    // Without saturation the neediest (08710, 1,200 uncovered) would take 55 groups and reach 100 %.
    const result = allocateGroups(SIX_COMMUNES, { groups: 100 });
    const receiving = result.communes.filter((c) => c.groupsAdded > 0);
    expect(receiving.map((c) => c.code)).toEqual(['08707', '08710', '08722']);
    for (const c of receiving) expect(c.after.householdsCoveredShare).toBeLessThan(0.9);
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

  it('given two identical communes, when one group is allocated, then it goes to the lower code whatever the input order', () => {
    const twin: PlannerCommune = { ...LOW_NEED, code: '09000' };
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
