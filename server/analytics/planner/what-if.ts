/**
 * What-if: "add N groups to commune X". The new groups bring in householdsPerGroup households
 * each, but never more than the commune's households not yet in a group; the ranking is then
 * recomputed with every commune re-standardised, so the result shows how far X moves.
 */
import { AnalyticsError } from '../errors';
import { rankCommunes } from './gap-score';
import { defaultHouseholdsPerGroup } from './households-per-group';
import { assertPlannerCommunes, coverageOf, withAddedGroups } from './indicators';
import type { CoverageSnapshot, PlannerCommune } from './types';

export interface AddGroupsRequest {
  code: string;
  /** Number of new groups, a whole number ≥ 0. */
  groups: number;
  /** Households each new group brings in; default defaultHouseholdsPerGroup(communes). */
  householdsPerGroup?: number;
}

export interface AddGroupsResult {
  code: string;
  groupsAdded: number;
  householdsPerGroup: number;
  /** Households that join a group: min(groups × householdsPerGroup, uncovered before). */
  newlyCoveredHouseholds: number;
  /** True when the uncovered households, not the groups, limited the gain. */
  cappedByUncoveredHouseholds: boolean;
  before: CoverageSnapshot;
  after: CoverageSnapshot;
  rankBefore: number;
  rankAfter: number;
  gapScoreBefore: number;
  gapScoreAfter: number;
}

/**
 * Effect of adding groups to one commune. With 0 groups, after equals before.
 * @param weights gap-score weights, as for rankCommunes.
 * @throws AnalyticsError `unknown_commune` for a code not in `communes`, `invalid_input` for a
 *   negative or fractional number of groups or a non-positive householdsPerGroup.
 */
export function addGroupsWhatIf(
  communes: readonly PlannerCommune[],
  request: AddGroupsRequest,
  weights: Partial<Record<string, number>> = {},
): AddGroupsResult {
  assertPlannerCommunes(communes);
  assertGroupCount(request.groups);
  const householdsPerGroup = resolveHouseholdsPerGroup(communes, request.householdsPerGroup);
  const index = communes.findIndex((commune) => commune.code === request.code);
  if (index < 0) throw new AnalyticsError('unknown_commune', `No commune with code ${request.code}.`, { code: request.code });
  const commune = communes[index]!;

  const before = coverageOf(commune);
  const wanted = request.groups * householdsPerGroup;
  const newlyCoveredHouseholds = Math.min(wanted, before.uncoveredHouseholds);
  const changed = withAddedGroups(commune, request.groups, newlyCoveredHouseholds);
  const rankingBefore = rankCommunes(communes, weights);
  const rankingAfter = rankCommunes(
    communes.map((other, position) => (position === index ? changed : other)),
    weights,
  );
  const rowBefore = rankingBefore.communes.find((row) => row.code === commune.code)!;
  const rowAfter = rankingAfter.communes.find((row) => row.code === commune.code)!;
  return {
    code: commune.code,
    groupsAdded: request.groups,
    householdsPerGroup,
    newlyCoveredHouseholds,
    cappedByUncoveredHouseholds: wanted > before.uncoveredHouseholds,
    before,
    after: coverageOf(changed),
    rankBefore: rowBefore.rank,
    rankAfter: rowAfter.rank,
    gapScoreBefore: rowBefore.gapScore,
    gapScoreAfter: rowAfter.gapScore,
  };
}

/** The given households per group, validated, or the default from the data. */
export function resolveHouseholdsPerGroup(communes: readonly PlannerCommune[], householdsPerGroup: number | undefined): number {
  if (householdsPerGroup === undefined) return defaultHouseholdsPerGroup(communes);
  if (!(Number.isFinite(householdsPerGroup) && householdsPerGroup > 0)) {
    throw new AnalyticsError('invalid_input', `Households per group must be a positive number, not ${householdsPerGroup}.`, {
      householdsPerGroup,
    });
  }
  return householdsPerGroup;
}

export function assertGroupCount(groups: number): void {
  if (!(Number.isInteger(groups) && groups >= 0)) {
    throw new AnalyticsError('invalid_input', `The number of new groups must be a whole number ≥ 0, not ${groups}.`, { groups });
  }
}
