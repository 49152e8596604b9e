/**
 * The planner table's order and district filter. Ranks are always the province-wide ranks the
 * server computed; sorting and filtering only change which rows show and in what order. The
 * sort is view state (`sort=name`, `sort=-district` in the URL).
 */
import type { PlannerRow } from '#contract/api';

export const PLANNER_SORT_KEYS = ['rank', 'name', 'district', 'confidence'] as const;
export type PlannerSortKey = (typeof PLANNER_SORT_KEYS)[number];

export interface PlannerSort {
  key: PlannerSortKey;
  descending: boolean;
}

/** Rank 1 first: the order the planner answers in. */
export const DEFAULT_PLANNER_SORT: PlannerSort = { key: 'rank', descending: false };

export function parsePlannerSort(text: string | null): PlannerSort {
  if (text === null) return DEFAULT_PLANNER_SORT;
  const descending = text.startsWith('-');
  const key = descending ? text.slice(1) : text;
  return (PLANNER_SORT_KEYS as readonly string[]).includes(key) ? { key: key as PlannerSortKey, descending } : DEFAULT_PLANNER_SORT;
}

/** null for the default order, so the default planner link carries no `sort`. */
export function formatPlannerSort(sort: PlannerSort): string | null {
  if (sort.key === DEFAULT_PLANNER_SORT.key && sort.descending === DEFAULT_PLANNER_SORT.descending) return null;
  return `${sort.descending ? '-' : ''}${sort.key}`;
}

/** Clicking the sorted column flips its direction; another column sorts ascending. */
export function nextPlannerSort(current: PlannerSort, key: PlannerSortKey): PlannerSort {
  return current.key === key ? { key, descending: !current.descending } : { key, descending: false };
}

const collator = new Intl.Collator('vi', { sensitivity: 'base' });

/** Primary comparison of each column; ties fall back to the rank. */
const COMPARE: Record<PlannerSortKey, (a: PlannerRow, b: PlannerRow) => number> = {
  rank: (a, b) => a.rank - b.rank,
  name: (a, b) => collator.compare(a.name, b.name),
  district: (a, b) => collator.compare(a.district_name ?? '', b.district_name ?? ''),
  // Low confidence first when ascending: those are the rows to read with care.
  confidence: (a, b) => Number(b.lowConfidence) - Number(a.lowConfidence),
};

/** The rows to show: only the given communes (a district's) when a set is given, in the chosen order. */
export function plannerTableRows(rows: readonly PlannerRow[], sort: PlannerSort, onlyCodes: ReadonlySet<string> | null): PlannerRow[] {
  const shown = onlyCodes === null ? [...rows] : rows.filter((row) => onlyCodes.has(row.code));
  const direction = sort.descending ? -1 : 1;
  return shown.sort((a, b) => direction * COMPARE[sort.key](a, b) || a.rank - b.rank);
}
