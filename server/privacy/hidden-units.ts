/**
 * Which communes or districts the choropleth hides for a flow layer and period. Other
 * responses about the same unit and period (its time series, its profile) must hide the
 * numbers that add up to the hidden total as well.
 */
import type { Period } from '#contract';
import type { Dataset } from '../dataset/dataset';
import { countsFor, metricValuesFromCounts } from '../queries/metric-values';
import { suppressUnitValues } from './suppress-values';

const COUNT_METRIC = { tips: 'tips_count', events: 'events_count' } as const;

export async function hiddenUnits(
  dataset: Dataset,
  layer: 'tips' | 'events',
  level: 'commune' | 'district',
  period: Period,
  k: number,
): Promise<Set<string>> {
  if (k <= 1) return new Set();
  const metric = COUNT_METRIC[layer];
  const counts = await countsFor(dataset, [metric], { period, district: null });
  const published = suppressUnitValues(metricValuesFromCounts(metric, level, counts, dataset), k);
  return new Set(published.filter((v) => v.suppressed).map((v) => v.code));
}
