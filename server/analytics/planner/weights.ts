/**
 * Weights of the gap score. Users may change them; each is relative (they are rescaled to sum
 * to 1), so "twice the weight" means twice the influence of one standard deviation of that input.
 */
import { AnalyticsError } from '../errors';
import { DEFAULT_PLANNER_WEIGHTS, NEED_FACTORS, PLANNER_FACTORS, type PlannerFactor, type PlannerWeights } from '#contract';

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
