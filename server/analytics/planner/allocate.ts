/**
 * "Allocate N new groups across the province": greedy allocation that maximises need-weighted
 * coverage with saturation,
 *
 *   U = Σᵢ mᵢ · Hᵢ · S(sᵢ),   S(s) = s − s²/2,   sᵢ = coveredᵢ / Hᵢ,
 *   mᵢ = max(MIN_NEED_MULTIPLIER, 1 + needIndexᵢ),
 *
 * with Hᵢ the commune's households, coveredᵢ those in a group and needIndexᵢ the weighted mean of
 * its standardised need factors (0 for an average commune, +1 one standard deviation above).
 * S′(s) = 1 − s: a household newly brought into a group counts with the commune's need multiplier
 * times the share of its households still uncovered when it joins. The first groups in a poorly
 * covered, needy commune count most; the last ones in a commune that is nearly covered count
 * almost nothing, so N groups spread over the communes instead of filling one after another.
 *
 * Each step gives one group (g = min(householdsPerGroup, uncoveredᵢ) households) to the commune
 * with the largest gain
 *
 *   ΔUᵢ = mᵢ · Hᵢ · (S(sᵢ + g/Hᵢ) − S(sᵢ)) = mᵢ · g · (1 − sᵢ − g / (2Hᵢ)),
 *
 * ties to the lower code. Every commune's successive gains fall (S is concave), so the greedy
 * rule is exact for this separable concave objective (marginal allocation: Gross 1956, Fox 1966)
 * and the marginal gain of the steps never rises. A group never covers more than the uncovered
 * households, and groups nobody can use are reported as unallocated.
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
  /** The step's gain ΔU of the objective (need-weighted households with saturation). */
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
    const weightedGain = stepGain(communes[best]!.households, uncovered[best]!, newlyCoveredHouseholds, needMultipliers[best]!);
    uncovered[best] = uncovered[best]! - newlyCoveredHouseholds;
    groupsAdded[best] = groupsAdded[best]! + 1;
    householdsAdded[best] = householdsAdded[best]! + newlyCoveredHouseholds;
    cumulativeNewlyCovered += newlyCoveredHouseholds;
    steps.push({
      step,
      code: communes[best]!.code,
      newlyCoveredHouseholds,
      needMultiplier: needMultipliers[best]!,
      weightedGain,
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
    const gain = stepGain(commune.households, uncovered[index]!, Math.min(householdsPerGroup, uncovered[index]!), needMultipliers[index]!);
    if (best === null || gain > bestGain || (gain === bestGain && compareCodes(commune.code, communes[best]!.code) < 0)) {
      best = index;
      bestGain = gain;
    }
  });
  return best;
}

/**
 * ΔU of covering `added` more of a commune's `households`, `uncovered` of which are not yet in a
 * group: m · added · (1 − s − added / 2H) with 1 − s = uncovered / H.
 */
function stepGain(households: number, uncovered: number, added: number, needMultiplier: number): number {
  return (needMultiplier * added * (uncovered - added / 2)) / households;
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
