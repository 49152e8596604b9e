/**
 * Bounds of the what-if and allocation inputs, from the shared contract (the server validates
 * the same): the form says what is allowed before sending.
 */
import { PLANNER_LIMITS } from '#contract';

export interface WholeNumberLimits {
  min: number;
  max: number;
}

/** New groups per request: 0 (nothing changes) up to the server's maximum. */
export const GROUPS_LIMITS: WholeNumberLimits = { min: 0, max: PLANNER_LIMITS.maxGroups };
/** Households a new group brings in. */
export const HOUSEHOLDS_PER_GROUP_LIMITS: WholeNumberLimits = {
  min: PLANNER_LIMITS.minHouseholdsPerGroup,
  max: PLANNER_LIMITS.maxHouseholdsPerGroup,
};

/** A whole number within the limits, or null ("", "2.5", "-1", "1e9" are not). */
export function parseWholeNumber(text: string, limits: WholeNumberLimits): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const value = Number(text);
  return Number.isSafeInteger(value) && value >= limits.min && value <= limits.max ? value : null;
}
