/**
 * Statistics served below admin (Gi* z-scores, emerging patterns, planner scores) must not let
 * anyone solve for a hidden count: Gi* is linear in its inputs, so z-scores computed from the
 * true counts give them back. Such statistics are therefore computed from what is published:
 * visible cells as they are, hidden cells imputed as an equal share of what the published
 * totals leave for them. Everything here is derivable from published numbers, so the
 * statistics add no information about a hidden cell.
 */
import { suppressedKeys } from './suppression';

export interface CommuneCell {
  code: string;
  district_code: string | null;
  count: number;
}

export interface PublishedCounts {
  /** Count per cell for the statistic: exact where shown, imputed where hidden. */
  values: number[];
  /** Codes of the hidden cells (the same pattern the choropleth serves). */
  hidden: Set<string>;
}

/** Gives each hidden key an equal share of `remainder` (never negative). */
function shareOut(keys: string[], remainder: number, into: Map<string, number>): void {
  const share = keys.length > 0 ? Math.max(0, remainder) / keys.length : 0;
  for (const key of keys) into.set(key, share);
}

/**
 * Communes grouped by district, districts by the province, exactly as the commune and district
 * choropleths suppress them. k ≤ 1 (admins) returns the true counts.
 */
export function publishedCommuneCounts(cells: CommuneCell[], k: number): PublishedCounts {
  const raw = cells.map((c) => c.count);
  if (k <= 1) return { values: raw, hidden: new Set() };

  const districtTotals = new Map<string, number>();
  for (const c of cells) districtTotals.set(c.district_code ?? '', (districtTotals.get(c.district_code ?? '') ?? 0) + c.count);
  const province = raw.reduce((a, b) => a + b, 0);
  const hiddenDistricts = suppressedKeys([...districtTotals].map(([key, count]) => ({ key, count })), k);
  const districtValue = new Map<string, number>();
  let visibleDistrictSum = 0;
  for (const [code, total] of districtTotals) {
    if (hiddenDistricts.has(code)) continue;
    districtValue.set(code, total);
    visibleDistrictSum += total;
  }
  shareOut([...hiddenDistricts], province - visibleDistrictSum, districtValue);

  const hidden = suppressedKeys(cells.map((c) => ({ key: c.code, count: c.count, group: c.district_code })), k);
  const imputed = new Map<string, number>();
  for (const district of districtTotals.keys()) {
    const members = cells.filter((c) => (c.district_code ?? '') === district);
    const visibleSum = members.filter((c) => !hidden.has(c.code)).reduce((sum, c) => sum + c.count, 0);
    shareOut(members.filter((c) => hidden.has(c.code)).map((c) => c.code), (districtValue.get(district) ?? 0) - visibleSum, imputed);
  }
  return { values: cells.map((c) => imputed.get(c.code) ?? c.count), hidden };
}

/** Cells of one group whose total (the province's) is published: the H3 grid. */
export function publishedCellCounts(keys: string[], counts: number[], k: number): PublishedCounts {
  if (k <= 1) return { values: counts, hidden: new Set() };
  const hidden = suppressedKeys(keys.map((key, i) => ({ key, count: counts[i]! })), k);
  const total = counts.reduce((a, b) => a + b, 0);
  const visibleSum = counts.reduce((sum, n, i) => (hidden.has(keys[i]!) ? sum : sum + n), 0);
  const imputed = new Map<string, number>();
  shareOut([...hidden], total - visibleSum, imputed);
  return { values: keys.map((key, i) => imputed.get(key) ?? counts[i]!), hidden };
}
