/**
 * Inputs and factor names of the expansion planner. toLienGia groups ("Tổ liên gia tự quản")
 * are the neighbourhood groups whose coverage the planner extends; "4 an toàn" models are the
 * safety models run in agencies, enterprises, hospitals and schools.
 */

/** What the planner knows about one commune for the chosen period. */
export interface PlannerCommune {
  /** GSO commune code. */
  code: string;
  /** Households (2019 census); must be > 0. */
  households: number;
  /** Active toLienGia groups. */
  groups: number;
  /** Households that belong to a group; at most `households`. */
  householdsInGroups: number;
  /** Active "4 an toàn" models. */
  models: number;
  /** Security tips passed to the police in the period. */
  tips: number;
  /** Outcome events reported in the period. */
  events: number;
  /** Gi* confidence bin of the commune's tips (−3…3; 0 when not significant). */
  hotspotBin: number;
  /** Trend of yearly tips, e.g. the Mann–Kendall z (positive = rising); 0 when unknown. */
  trend: number;
}


/** Coverage of one commune at one moment (before or after a what-if). */
export interface CoverageSnapshot {
  groups: number;
  householdsInGroups: number;
  uncoveredHouseholds: number;
  /** householdsInGroups / households, 0…1. */
  householdsCoveredShare: number;
  groupsPer1kHouseholds: number;
}
