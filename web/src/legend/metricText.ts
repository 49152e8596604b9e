/**
 * How a choropleth metric is named and written: its label, its unit and its number format, in the
 * UI's words. Which records a metric counts comes from the contract (METRIC_LAYER), so the unit
 * of a plain count is the name of its records.
 */
import { METRIC_LAYER, type ChoroplethMetric, type MetricLayer } from '#contract';
import type { Formatters } from '../i18n/format';
import type { MessageKey } from '../i18n/i18n';
import { metricDecimals } from '../style/metricClasses';

export const METRIC_LABEL_KEYS: Record<ChoroplethMetric, MessageKey> = {
  groups_count: 'metric.groups_count',
  groups_per_1k_households: 'metric.groups_per_1k_households',
  households_covered_pct: 'metric.households_covered_pct',
  groups_per_km2: 'metric.groups_per_km2',
  tips_count: 'metric.tips_count',
  tips_per_1k_households: 'metric.tips_per_1k_households',
  events_count: 'metric.events_count',
  models_count: 'metric.models_count',
};

/** What the records of each layer are called: the unit of the layer's plain count. */
const LAYER_MEASURE_KEYS: Record<MetricLayer, MessageKey> = {
  groups: 'measure.groups',
  tips: 'measure.tips',
  events: 'measure.events',
  models: 'measure.models',
};

/** Units of the rates, shares and densities (every metric that is not a plain count). */
const RATE_UNIT_KEYS: Partial<Record<ChoroplethMetric, MessageKey>> = {
  groups_per_1k_households: 'measure.groups_per_1k_households',
  households_covered_pct: 'measure.percent_households',
  groups_per_km2: 'measure.groups_per_km2',
  tips_per_1k_households: 'measure.tips_per_1k_households',
};

export function metricUnitKey(metric: ChoroplethMetric): MessageKey {
  return RATE_UNIT_KEYS[metric] ?? LAYER_MEASURE_KEYS[METRIC_LAYER[metric]];
}

/** Counts print as integers; rates and densities with one decimal (the precision the classes use). */
export function formatMetricValue(metric: ChoroplethMetric, value: number, fmt: Formatters): string {
  const decimals = metricDecimals(metric);
  return decimals === 0 ? fmt.count(value) : fmt.decimal(value, decimals);
}
