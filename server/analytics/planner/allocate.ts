/**
 * "Allocate N new groups across the province": greedy maximal-coverage allocation weighted by
 * need. Each step gives one group to the commune with the largest need-weighted gain
 *
 *   gainᵢ = min(householdsPerGroup, uncoveredᵢ) × needMultiplierᵢ,
 *   needMultiplierᵢ = max(MIN_NEED_MULTIPLIER, 1 + needIndexᵢ),
 *
 * where needIndexᵢ is the weighted mean of the commune's standardised need factors (0 for an
 * average commune, +1 one standard deviation above). Ties go to the lower code. Greedy is the
 * classic (1 − 1/e)-approximation for maximal coverage (Nemhauser, Wolsey & Fisher 1978); here
 * each commune's gain only falls once its uncovered households run short, so it is exact for
 * the weighted household count. A group never covers more than the uncovered households, and
 * communes with none left get no groups; groups nobody can use are reported as unallocated.
 */
import { compareCodes, rankCommunes } from './gap-score';
import { coverageOf, withAddedGroups } from './indicators';
import type { CoverageSnapshot, PlannerCommune } from './types';
import { assertGroupCount, resolveHouseholdsPerGroup } from './what-if';

/**
 * Floor of the need multiplier: a commune far below average need still gains something from
 * coverage, so it is served once the high-need communes are full rather than never.
 */
export const MIN_NEED_MULTIPLIER = 0.1;

export interface AllocationRequest {
  /** New groups to place, a whole number ≥ 0. */
  groups: number;
  /** Households each new group brings in; default defaultHouseholdsPerGroup(communes). */
  householdsPerGroup?: number;
}

export interface AllocationStep {
  /** 1-based step number. */
  step: number;
  code: string;
  /** Households this group brings in (the marginal coverage gain). */
  newlyCoveredHouseholds: number;
  needMultiplier: number;
  /** newlyCoveredHouseholds × needMultiplier: what the step maximised. */
  weightedGain: number;
  /** Households newly covered by this and all earlier steps. */
  cumulativeNewlyCovered: number;
}

export interface CommuneAllocation {
  code: string;
  groupsAdded: number;
  needMultiplier: number;
  before: CoverageSnapshot;
  after: CoverageSnapshot;
}

export interface ProvinceCoverage {
  households: number;
  householdsInGroups: number;
  groups: number;
  householdsCoveredShare: number;
}

export interface AllocationResult {
  householdsPerGroup: number;
  groupsRequested: number;
  groupsAllocated: number;
  /** Groups left over because no commune had uncovered households. */
  groupsUnallocated: number;
  totalNewlyCovered: number;
  steps: AllocationStep[];
  /** One row per commune, in input order. */
  communes: CommuneAllocation[];
  provinceBefore: ProvinceCoverage;
  provinceAfter: ProvinceCoverage;
}

/**
 * Greedy allocation of new groups. With 0 groups nothing changes.
 * @param weights gap-score weights (only the need weights matter here), as for rankCommunes.
 * @throws AnalyticsError `invalid_input` for invalid communes, weights, group count or
 *   households per group.
 */
export function allocateGroups(
  communes: readonly PlannerCommune[],
  request: AllocationRequest,
  weights: Partial<Record<string, number>> = {},
): AllocationResult {
  assertGroupCount(request.groups);
  const householdsPerGroup = resolveHouseholdsPerGroup(communes, request.householdsPerGroup);
  const needIndexByCode = new Map(rankCommunes(communes, weights).communes.map((row) => [row.code, row.needIndex]));
  const needMultipliers = communes.map((commune) => Math.max(MIN_NEED_MULTIPLIER, 1 + needIndexByCode.get(commune.code)!));
  const uncovered = communes.map((commune) => coverageOf(commune).uncoveredHouseholds);
  const groupsAdded = communes.map(() => 0);
  const householdsAdded = communes.map(() => 0);

  const steps: AllocationStep[] = [];
  let cumulativeNewlyCovered = 0;
  for (let step = 1; step <= request.groups; step += 1) {
    const best = bestCommune(communes, uncovered, needMultipliers, householdsPerGroup);
    if (best === null) break;
    const newlyCoveredHouseholds = Math.min(householdsPerGroup, uncovered[best]!);
    uncovered[best] = uncovered[best]! - newlyCoveredHouseholds;
    groupsAdded[best] = groupsAdded[best]! + 1;
    householdsAdded[best] = householdsAdded[best]! + newlyCoveredHouseholds;
    cumulativeNewlyCovered += newlyCoveredHouseholds;
    steps.push({
      step,
      code: communes[best]!.code,
      newlyCoveredHouseholds,
      needMultiplier: needMultipliers[best]!,
      weightedGain: newlyCoveredHouseholds * needMultipliers[best]!,
      cumulativeNewlyCovered,
    });
  }

  const after = communes.map((commune, index) => withAddedGroups(commune, groupsAdded[index]!, householdsAdded[index]!));
  return {
    householdsPerGroup,
    groupsRequested: request.groups,
    groupsAllocated: steps.length,
    groupsUnallocated: request.groups - steps.length,
    totalNewlyCovered: cumulativeNewlyCovered,
    steps,
    communes: communes.map((commune, index) => ({
      code: commune.code,
      groupsAdded: groupsAdded[index]!,
      needMultiplier: needMultipliers[index]!,
      before: coverageOf(commune),
      after: coverageOf(after[index]!),
    })),
    provinceBefore: provinceCoverage(communes),
    provinceAfter: provinceCoverage(after),
  };
}

/** Index of the commune with the largest weighted gain (ties: lower code), or null if none gains. */
function bestCommune(
  communes: readonly PlannerCommune[],
  uncovered: readonly number[],
  needMultipliers: readonly number[],
  householdsPerGroup: number,
): number | null {
  let best: number | null = null;
  let bestGain = 0;
  communes.forEach((commune, index) => {
    if (uncovered[index]! <= 0) return;
    const gain = Math.min(householdsPerGroup, uncovered[index]!) * needMultipliers[index]!;
    if (best === null || gain > bestGain || (gain === bestGain && compareCodes(commune.code, communes[best]!.code) < 0)) {
      best = index;
      bestGain = gain;
    }
  });
  return best;
}

function provinceCoverage(communes: readonly PlannerCommune[]): ProvinceCoverage {
  const households = communes.reduce((sum, commune) => sum + commune.households, 0);
  const householdsInGroups = communes.reduce((sum, commune) => sum + commune.householdsInGroups, 0);
  return {
    households,
    householdsInGroups,
    groups: communes.reduce((sum, commune) => sum + commune.groups, 0),
    householdsCoveredShare: households === 0 ? 0 : householdsInGroups / households,
  };
}
