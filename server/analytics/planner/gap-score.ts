/**
 * Gap score and ranking: where need is high relative to coverage.
 *
 *   gapᵢ = Σ_f d_f · w_f · z_{f,i}
 *
 * over the six factors f, with z_{f,i} the factor standardised across communes (see
 * standardise), w_f the weights rescaled to sum to 1, and d_f = +1 for need factors, −1 for
 * coverage factors. Each term is the factor's contribution, so the "why" of a rank is the list
 * of its largest contributions. A weighted sum of z-scores is the usual composite-indicator
 * construction (OECD/JRC, "Handbook on Constructing Composite Indicators", 2008, §5–6).
 */
import { LOW_CONFIDENCE_MIN_INCIDENTS, NEED_FACTORS, PLANNER_FACTORS, type PlannerFactor, type PlannerWeights } from '#contract';
import { assertPlannerCommunes, incidentsOf, indicatorsOf } from './indicators';
import { standardise } from './standardise';
import type { PlannerCommune } from './types';
import { factorDirection, resolvePlannerWeights } from './weights';

/** The "why" column lists this many inputs: enough to explain a rank, few enough to read. */
export const WHY_LIST_LENGTH = 3;

export interface WhyItem {
  factor: PlannerFactor;
  /** Signed contribution to the gap score (positive raises the priority). */
  contribution: number;
  /** The commune's raw value of the factor. */
  value: number;
  /** The value standardised across communes. */
  standardised: number;
}

export interface RankedCommune {
  code: string;
  /** 1 = the largest gap (expand here first); ties go to the lower code. */
  rank: number;
  gapScore: number;
  /** Weighted mean of the standardised need factors (0 = average need). */
  needIndex: number;
  values: Record<PlannerFactor, number>;
  standardised: Record<PlannerFactor, number>;
  /** Per factor d·w·z; they sum to gapScore. */
  contributions: Record<PlannerFactor, number>;
  /** The WHY_LIST_LENGTH largest contributions by size, largest first; zero ones left out. */
  why: WhyItem[];
  /** Tips + events below LOW_CONFIDENCE_MIN_INCIDENTS: the rates rest on few records. */
  lowConfidence: boolean;
  incidents: number;
}

export interface PlannerRanking {
  /** The weights used, rescaled to sum to 1. */
  weights: PlannerWeights;
  /** One row per commune, in rank order. */
  communes: RankedCommune[];
}

/**
 * Ranks communes by gap score, largest first; equal scores are ordered by code.
 * @param weights partial weights by factor name; missing ones take DEFAULT_PLANNER_WEIGHTS.
 * @throws AnalyticsError `invalid_input` for invalid communes or weights.
 */
export function rankCommunes(communes: readonly PlannerCommune[], weights: Partial<Record<string, number>> = {}): PlannerRanking {
  assertPlannerCommunes(communes);
  const resolved = resolvePlannerWeights(weights);
  const values = communes.map(indicatorsOf);
  const zByFactor = Object.fromEntries(
    PLANNER_FACTORS.map((factor) => [factor, standardise(values.map((row) => row[factor]))]),
  ) as Record<PlannerFactor, number[]>;
  const needWeight = NEED_FACTORS.reduce((sum, factor) => sum + resolved[factor], 0);

  const rows = communes.map((commune, index) => {
    const standardised = perFactor((factor) => zByFactor[factor][index]!);
    const contributions = perFactor((factor) => factorDirection(factor) * resolved[factor] * standardised[factor]);
    const needIndex =
      needWeight === 0 ? 0 : NEED_FACTORS.reduce((sum, factor) => sum + resolved[factor] * standardised[factor], 0) / needWeight;
    return {
      code: commune.code,
      rank: 0,
      gapScore: PLANNER_FACTORS.reduce((sum, factor) => sum + contributions[factor], 0),
      needIndex,
      values: values[index]!,
      standardised,
      contributions,
      why: whyOf(values[index]!, standardised, contributions),
      lowConfidence: incidentsOf(commune) < LOW_CONFIDENCE_MIN_INCIDENTS,
      incidents: incidentsOf(commune),
    };
  });
  rows.sort((a, b) => b.gapScore - a.gapScore || compareCodes(a.code, b.code));
  rows.forEach((row, position) => {
    row.rank = position + 1;
  });
  return { weights: resolved, communes: rows };
}

/** Codes compare by their characters (not the locale), so order never depends on the machine. */
export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function whyOf(
  values: Record<PlannerFactor, number>,
  standardised: Record<PlannerFactor, number>,
  contributions: Record<PlannerFactor, number>,
): WhyItem[] {
  return PLANNER_FACTORS.filter((factor) => contributions[factor] !== 0)
    .map((factor) => ({ factor, contribution: contributions[factor], value: values[factor], standardised: standardised[factor] }))
    .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution))
    .slice(0, WHY_LIST_LENGTH);
}

function perFactor(value: (factor: PlannerFactor) => number): Record<PlannerFactor, number> {
  return Object.fromEntries(PLANNER_FACTORS.map((factor) => [factor, value(factor)])) as Record<PlannerFactor, number>;
}
