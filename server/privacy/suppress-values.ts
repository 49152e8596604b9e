/**
 * Applies small-cell suppression to per-unit metric values: communes are grouped by district
 * (district totals are published), districts by the province (the province total is published).
 */
import type { UnitMetricValue } from '../queries/metric-values';
import { suppressedKeys } from './suppression';

export interface PublishedValue extends Omit<UnitMetricValue, 'value' | 'count'> {
  value: number | null;
  count: number | null;
  suppressed?: true;
}

/** Values with hidden cells nulled; k = 0 (admins, non-sensitive metrics) returns them unchanged. */
export function suppressUnitValues(values: UnitMetricValue[], k: number): PublishedValue[] {
  if (k <= 1) return values;
  const hidden = suppressedKeys(
    values.map((v) => ({ key: v.code, count: v.count, group: v.district_code })),
    k,
  );
  return values.map((v) => (hidden.has(v.code) ? { ...v, value: null, count: null, suppressed: true } : v));
}
