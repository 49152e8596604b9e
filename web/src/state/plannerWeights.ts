/**
 * The planner's gap-score weights as view state: read from and written to the URL as
 * `w_<factor>=<number>` (the API's own parameter names), only where they differ from the
 * documented defaults, so the default planner has a short link. Weights are relative; the
 * server rescales them to sum to 1.
 */
import { DEFAULT_PLANNER_WEIGHTS, PLANNER_FACTORS, type PlannerFactor, type PlannerWeights } from '#contract';

/** The API's upper bound for one weight (server/routes/planner.ts): beyond it a link is not ours. */
export const MAX_WEIGHT = 1000;
/** Four decimals: finer than any slider step, and no 0.15000000000000002 in links. */
const WEIGHT_DECIMALS = 4;

export function weightParam(factor: PlannerFactor): string {
  return `w_${factor}`;
}

export function defaultWeights(): PlannerWeights {
  return { ...DEFAULT_PLANNER_WEIGHTS };
}

export function roundWeight(value: number): number {
  return Number(value.toFixed(WEIGHT_DECIMALS));
}

function parseWeight(text: string | null): number | null {
  if (text === null || text.trim() === '') return null;
  const value = Number(text);
  return Number.isFinite(value) && value >= 0 && value <= MAX_WEIGHT ? roundWeight(value) : null;
}

/** Each `w_<factor>` that is a number in 0…MAX_WEIGHT; every other factor keeps its default. */
export function parseWeights(query: URLSearchParams): PlannerWeights {
  const weights = defaultWeights();
  for (const factor of PLANNER_FACTORS) {
    const value = parseWeight(query.get(weightParam(factor)));
    if (value !== null) weights[factor] = value;
  }
  return weights;
}

/** Writes the weights that differ from the defaults, in the factors' fixed order. */
export function writeWeights(query: URLSearchParams, weights: PlannerWeights): void {
  for (const factor of PLANNER_FACTORS) {
    if (weights[factor] !== DEFAULT_PLANNER_WEIGHTS[factor]) query.set(weightParam(factor), String(roundWeight(weights[factor])));
  }
}

export function isDefaultWeights(weights: PlannerWeights): boolean {
  return PLANNER_FACTORS.every((factor) => weights[factor] === DEFAULT_PLANNER_WEIGHTS[factor]);
}

/** The server refuses all-zero weights (there would be nothing to rank by). */
export function hasPositiveWeight(weights: PlannerWeights): boolean {
  return PLANNER_FACTORS.some((factor) => weights[factor] > 0);
}

/** Each weight's share of the total, as the server rescales them (all 0 when none is positive). */
export function weightShares(weights: PlannerWeights): PlannerWeights {
  const total = PLANNER_FACTORS.reduce((sum, factor) => sum + weights[factor], 0);
  return Object.fromEntries(PLANNER_FACTORS.map((factor) => [factor, total > 0 ? weights[factor] / total : 0])) as PlannerWeights;
}

/** A stable text of the weights, for request keys. */
export function weightsKey(weights: PlannerWeights): string {
  return PLANNER_FACTORS.map((factor) => roundWeight(weights[factor])).join(',');
}
