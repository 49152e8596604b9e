/**
 * Weights of the gap score. Users may change them; each is relative (they are rescaled to sum
 * to 1), so "twice the weight" means twice the influence of one standard deviation of that input.
 */
import { AnalyticsError } from '../errors';
import { NEED_FACTORS, PLANNER_FACTORS, type PlannerFactor, type PlannerWeights } from './types';

/**
 * Default weights, need 0.6 and coverage 0.4: the planner's first question is where the work
 * is, the second where groups are missing.
 */
export const DEFAULT_PLANNER_WEIGHTS: Readonly<PlannerWeights> = {
  /** The most direct measure of demand: tips and outcome events the police follow up. */
  incidents_per_1k_households: 0.3,
  /** A significant cluster says the need is not chance and spans neighbouring communes. */
  hotspot_bin: 0.2,
  /** Rising activity signals growing need, but yearly series are short and noisy. */
  trend: 0.1,
  /** The programme's own target: households not yet in any group. */
  households_covered_share: 0.25,
  /** Overlaps with the covered share (fewer, bigger groups), so kept low to avoid double counting. */
  groups_per_1k_households: 0.1,
  /** Models cover agencies, enterprises, hospitals and schools, not households: a weak substitute. */
  models_per_1k_households: 0.05,
};

/**
 * Complete, validated weights rescaled to sum to 1; missing factors take their default.
 * @throws AnalyticsError `invalid_input` for a negative or non-finite weight, an unknown factor,
 *   or all weights zero.
 */
export function resolvePlannerWeights(weights: Partial<Record<string, number>> = {}): PlannerWeights {
  const unknown = Object.keys(weights).filter((factor) => !(PLANNER_FACTORS as readonly string[]).includes(factor));
  if (unknown.length > 0) {
    throw new AnalyticsError('invalid_input', `Unknown planner weight: ${unknown.join(', ')}.`, { unknown, known: PLANNER_FACTORS });
  }
  const merged = Object.fromEntries(
    PLANNER_FACTORS.map((factor) => [factor, weights[factor] ?? DEFAULT_PLANNER_WEIGHTS[factor]]),
  ) as PlannerWeights;
  for (const factor of PLANNER_FACTORS) {
    if (!(Number.isFinite(merged[factor]) && merged[factor] >= 0)) {
      throw new AnalyticsError('invalid_input', `The weight of ${factor} must be a number ≥ 0, not ${merged[factor]}.`, { factor });
    }
  }
  const total = PLANNER_FACTORS.reduce((sum, factor) => sum + merged[factor], 0);
  if (total === 0) throw new AnalyticsError('invalid_input', 'At least one planner weight must be positive.');
  return Object.fromEntries(PLANNER_FACTORS.map((factor) => [factor, merged[factor] / total])) as PlannerWeights;
}

/** +1 when a high value raises the priority (need), −1 when it lowers it (coverage). */
export function factorDirection(factor: PlannerFactor): 1 | -1 {
  return (NEED_FACTORS as readonly string[]).includes(factor) ? 1 : -1;
}
