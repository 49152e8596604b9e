/**
 * The expansion planner's vocabulary: the six inputs of the gap score, their default weights and
 * the limits of its scenarios. toLienGia groups ("Tổ liên gia tự quản") are the neighbourhood
 * groups whose coverage the planner extends.
 */

/** Need factors raise the priority of a commune, coverage factors lower it. */
export const NEED_FACTORS = ['incidents_per_1k_households', 'hotspot_bin', 'trend'] as const;
export const COVERAGE_FACTORS = ['households_covered_share', 'groups_per_1k_households', 'models_per_1k_households'] as const;
export const PLANNER_FACTORS = [...NEED_FACTORS, ...COVERAGE_FACTORS] as const;
export type PlannerFactor = (typeof PLANNER_FACTORS)[number];

export type PlannerWeights = Record<PlannerFactor, number>;

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
 * Fewer tips + events than this mark a commune's rates as low-confidence: a Poisson count under
 * 20 has a relative standard error (1/√count) of 23 % or more, where US NCHS calls a rate
 * unreliable.
 */
export const LOW_CONFIDENCE_MIN_INCIDENTS = 20;

/** Limits of the planner's scenarios (validated by the API, offered by the forms). */
export const PLANNER_LIMITS = {
  /** One step per group: 5,000 new groups is half the current network, far beyond any plan. */
  maxGroups: 5_000,
  /** Tổ liên gia have 10–30 households; what-ifs may use a wider band. */
  minHouseholdsPerGroup: 5,
  maxHouseholdsPerGroup: 60,
} as const;
