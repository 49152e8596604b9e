/** Choropleth metrics: names, units and what they measure. Shared by server and web. */

export const CHOROPLETH_METRICS = [
  'groups_count',
  'groups_per_1k_households',
  'households_covered_pct',
  'groups_per_km2',
  'tips_count',
  'tips_per_1k_households',
  'events_count',
  'models_count',
] as const;
export type ChoroplethMetric = (typeof CHOROPLETH_METRICS)[number];

export interface MetricInfo {
  /** Unit shown in legends (English; the web app translates). */
  unit: string;
  /** Whether the metric is built from tip or outcome-event records (privacy rules apply). */
  sensitive: boolean;
  /** Stock metrics count what is active at the end of the period, flow metrics what happened inside it. */
  kind: 'stock' | 'flow';
}

export const METRIC_INFO: Record<ChoroplethMetric, MetricInfo> = {
  groups_count: { unit: 'groups', sensitive: false, kind: 'stock' },
  groups_per_1k_households: { unit: 'groups per 1,000 households', sensitive: false, kind: 'stock' },
  households_covered_pct: { unit: '% of households', sensitive: false, kind: 'stock' },
  groups_per_km2: { unit: 'groups per km²', sensitive: false, kind: 'stock' },
  tips_count: { unit: 'tips', sensitive: true, kind: 'flow' },
  tips_per_1k_households: { unit: 'tips per 1,000 households', sensitive: true, kind: 'flow' },
  events_count: { unit: 'outcome events', sensitive: true, kind: 'flow' },
  models_count: { unit: '"4 an toàn" models', sensitive: false, kind: 'stock' },
};

/** The record layers metrics are computed from. */
export const METRIC_LAYERS = ['groups', 'tips', 'events', 'models'] as const;
export type MetricLayer = (typeof METRIC_LAYERS)[number];

/** The records each metric counts (its numerator); rates and densities divide that count by the census or the area. */
export const METRIC_LAYER: Record<ChoroplethMetric, MetricLayer> = {
  groups_count: 'groups',
  groups_per_1k_households: 'groups',
  households_covered_pct: 'groups',
  groups_per_km2: 'groups',
  tips_count: 'tips',
  tips_per_1k_households: 'tips',
  events_count: 'events',
  models_count: 'models',
};

/** The metric that is the plain count of each layer's records (a whole number). */
export const LAYER_COUNT_METRIC: Record<MetricLayer, ChoroplethMetric> = {
  groups: 'groups_count',
  tips: 'tips_count',
  events: 'events_count',
  models: 'models_count',
};

export const CLASSIFICATION_SCHEMES = ['quantile', 'jenks', 'equal'] as const;
export type ClassificationScheme = (typeof CLASSIFICATION_SCHEMES)[number];

export const DEFAULT_CLASSES = 5;
export const MIN_CLASSES = 2;
export const MAX_CLASSES = 9;
