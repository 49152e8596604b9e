/** Indicators of one commune: what the gap score and the what-if tools read. */
import { AnalyticsError } from '../errors';
import type { PlannerFactor } from '#contract';
import type { CoverageSnapshot, PlannerCommune } from './types';

/** Rates are expressed per this many households, like the choropleth metrics. */
const PER_HOUSEHOLDS = 1000;

/** Tips plus outcome events: the demand the groups generate and the police follow up. */
export function incidentsOf(commune: PlannerCommune): number {
  return commune.tips + commune.events;
}

export function coverageOf(commune: PlannerCommune): CoverageSnapshot {
  return {
    groups: commune.groups,
    householdsInGroups: commune.householdsInGroups,
    uncoveredHouseholds: commune.households - commune.householdsInGroups,
    householdsCoveredShare: commune.householdsInGroups / commune.households,
    groupsPer1kHouseholds: (commune.groups / commune.households) * PER_HOUSEHOLDS,
  };
}

/** Raw value of every gap-score input. */
export function indicatorsOf(commune: PlannerCommune): Record<PlannerFactor, number> {
  const coverage = coverageOf(commune);
  return {
    incidents_per_1k_households: (incidentsOf(commune) / commune.households) * PER_HOUSEHOLDS,
    hotspot_bin: commune.hotspotBin,
    trend: commune.trend,
    households_covered_share: coverage.householdsCoveredShare,
    groups_per_1k_households: coverage.groupsPer1kHouseholds,
    models_per_1k_households: (commune.models / commune.households) * PER_HOUSEHOLDS,
  };
}

/** A copy of the commune with `groups` more groups covering `households` more households. */
export function withAddedGroups(commune: PlannerCommune, groups: number, households: number): PlannerCommune {
  return {
    ...commune,
    groups: commune.groups + groups,
    householdsInGroups: Math.min(commune.households, commune.householdsInGroups + households),
  };
}

/**
 * Checks the planner inputs.
 * @throws AnalyticsError `invalid_input` for an empty or repeated code, a negative or
 *   non-finite count, households ≤ 0, more households in groups than households, or a hotspot
 *   bin outside −3…3.
 */
export function assertPlannerCommunes(communes: readonly PlannerCommune[]): void {
  const seen = new Set<string>();
  communes.forEach((commune, index) => {
    const fail = (message: string): never => {
      throw new AnalyticsError('invalid_input', `Commune ${commune.code || `#${index}`}: ${message}`, { index, code: commune.code });
    };
    if (!commune.code) fail('the code is empty.');
    if (seen.has(commune.code)) fail('the code is listed twice.');
    seen.add(commune.code);
    const counts = [commune.households, commune.groups, commune.householdsInGroups, commune.models, commune.tips, commune.events];
    if (!counts.every((count) => Number.isFinite(count) && count >= 0)) fail('counts must be finite numbers ≥ 0.');
    if (commune.households <= 0) fail('households must be positive (rates are per 1,000 households).');
    if (commune.householdsInGroups > commune.households) fail('more households in groups than households.');
    if (!(Number.isFinite(commune.hotspotBin) && commune.hotspotBin >= -3 && commune.hotspotBin <= 3)) fail('the hotspot bin must lie in -3…3.');
    if (!Number.isFinite(commune.trend)) fail('the trend must be a finite number.');
  });
}
