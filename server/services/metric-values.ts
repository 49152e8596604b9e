/**
 * A metric's value for every commune or district of the province: groups and models from the
 * exact rollup, tips and events from the role's figures (so rates and everything derived from
 * them rest on protected counts below admin).
 */
import { METRIC_INFO, METRIC_LAYER, type ChoroplethMetric, type Period, type SensitiveLayer } from '#contract';
import type { Dataset } from '../dataset/dataset';
import type { UnitRecord } from '../dataset/unit-record';
import { countsFor, metricValue, metricValuesFromCounts } from '../queries/metric-values';
import type { Figure, FigureSource } from './figures/figure-source';

export type MapLevel = 'commune' | 'district';

export interface UnitValue {
  code: string;
  /** District of a commune; null for districts. */
  district_code: string | null;
  /** Null when hidden for privacy. */
  value: number | null;
  /** The count behind the value; null when hidden. */
  count: number | null;
  /** The count counts hidden cells as stand-ins (see services/figures). */
  estimated?: true;
  /** What statistics and averages use: the value, or its estimate when hidden. */
  estimate: number;
}

export const isSensitive = (metric: ChoroplethMetric): boolean => METRIC_INFO[metric].sensitive;

function fromFigure(metric: ChoroplethMetric, unit: UnitRecord, figure: Figure): UnitValue {
  const valueOf = (count: number) => metricValue(metric, { n: count, households: 0 }, unit);
  return {
    code: unit.code,
    district_code: unit.district_code,
    value: figure.value === null ? null : valueOf(figure.value),
    count: figure.value,
    ...(figure.estimated ? { estimated: true as const } : {}),
    estimate: valueOf(figure.estimate),
  };
}

/** The metric for every unit of the level, province-wide (a district filter only selects from these). */
export async function metricValues(dataset: Dataset, figures: FigureSource, metric: ChoroplethMetric, level: MapLevel, period: Period): Promise<UnitValue[]> {
  if (isSensitive(metric)) {
    const layer = METRIC_LAYER[metric] as SensitiveLayer;
    const units = level === 'commune' ? dataset.communes : dataset.districts;
    const counts = level === 'commune' ? await figures.communes(layer, period) : await figures.districts(layer, period);
    return units.map((unit, i) => fromFigure(metric, unit, counts[i]!));
  }
  const counts = await countsFor(dataset, [metric], { period, district: null });
  return metricValuesFromCounts(metric, level, counts, dataset).map((v) => ({ ...v, estimate: v.value }));
}
