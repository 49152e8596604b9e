/** What the title on the map says: the layer it is about, the period and area, the unit. */
import type { ChoroplethMetric, Period } from '#contract';
import type { Formatters } from '../i18n/format';
import type { MessageKey, Translate } from '../i18n/i18n';
import type { MapLayerId } from '../state/atlasState';
import { METRIC_LABEL_KEYS, metricUnitKey } from './metricText';

export interface MapTitleInputs {
  metric: ChoroplethMetric;
  planning: boolean;
  visibleLayers: ReadonlySet<MapLayerId>;
  period: Period;
  /** The district filter's name, or null for the whole province. */
  districtName: string | null;
  t: Translate;
  fmt: Formatters;
}

/** Layers that can carry the title when no choropleth is drawn, in order of precedence. */
const TITLE_LAYERS: [MapLayerId, MessageKey, MessageKey][] = [
  ['hotspots', 'layer.hotspots', 'legend.hotspotUnit'],
  ['emerging', 'layer.emerging', 'legend.emergingTitleUnit'],
  ['heatmap', 'layer.heatmap', 'measure.groups_per_km2'],
  ['tipHex', 'layer.tipHex', 'measure.tipsPerCell'],
  ['models', 'layer.models', 'measure.models'],
];

export function mapTitleText({ metric, planning, visibleLayers, period, districtName, t, fmt }: MapTitleInputs) {
  const subtitle = `${fmt.period(period.from, period.to)} · ${districtName ?? t('map.titleAll')}`;
  if (visibleLayers.has('choropleth')) {
    if (planning) return { title: t('legend.gapTitle'), subtitle, unit: t('map.gapUnit') };
    return { title: t(METRIC_LABEL_KEYS[metric]), subtitle, unit: t(metricUnitKey(metric)) };
  }
  const layer = TITLE_LAYERS.find(([id]) => visibleLayers.has(id));
  if (layer) return { title: t(layer[1]), subtitle, unit: t(layer[2]) };
  return { title: t('map.titleBasemap'), subtitle, unit: null };
}
