/** How many households a new group is assumed to bring in, when the user does not say. */
import type { PlannerCommune } from './types';

/**
 * Fallback when no commune has a group yet: DOMAIN.md describes a toLienGia group as roughly
 * 10–30 neighbouring households; 20 is the middle.
 */
export const FALLBACK_HOUSEHOLDS_PER_GROUP = 20;

/**
 * Default households per new group: the median, over communes with groups, of each commune's
 * average group size (householdsInGroups / groups), rounded to whole households. The median
 * resists the few communes whose records give implausibly large or small groups.
 */
export function defaultHouseholdsPerGroup(communes: readonly PlannerCommune[]): number {
  const sizes = communes
    .filter((commune) => commune.groups > 0)
    .map((commune) => commune.householdsInGroups / commune.groups)
    .sort((a, b) => a - b);
  if (sizes.length === 0) return FALLBACK_HOUSEHOLDS_PER_GROUP;
  const middle = sizes.length >> 1;
  const median = sizes.length % 2 === 1 ? sizes[middle]! : (sizes[middle - 1]! + sizes[middle]!) / 2;
  return Math.max(1, Math.round(median));
}
