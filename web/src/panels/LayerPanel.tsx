/**
 * Which layers are on, what the choropleth shows (metric, commune or district, class scheme;
 * the gap score in the planner), and which boundaries are drawn (2019, or today's 2025 units on
 * top). Layers the role may not see are not offered at all.
 */
import { useId } from 'react';
import { CHOROPLETH_METRICS, CLASSIFICATION_SCHEMES, type ChoroplethMetric, type ClassificationScheme } from '#contract';
import type { Role } from '#contract';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { METRIC_LABEL_KEYS } from '../legend/metricText';
import {
  CHOROPLETH_LEVELS,
  MAP_LAYERS,
  UNIT_VERSIONS,
  type ChoroplethLevel,
  type MapLayerId,
  type UnitVersion,
} from '../state/atlasState';
import { canSeeLayer } from '../state/permissions';

const LAYER_LABEL_KEYS: Record<MapLayerId, MessageKey> = {
  choropleth: 'layer.choropleth',
  heatmap: 'layer.heatmap',
  hotspots: 'layer.hotspots',
  emerging: 'layer.emerging',
  tipHex: 'layer.tipHex',
  models: 'layer.models',
  labels: 'layer.labels',
};

const SCHEME_KEYS: Record<ClassificationScheme, MessageKey> = {
  quantile: 'scheme.quantile',
  jenks: 'scheme.jenks',
  equal: 'scheme.equal',
};

const LEVEL_KEYS: Record<ChoroplethLevel, MessageKey> = { commune: 'level.commune', district: 'level.district' };

const UNIT_VERSION_KEYS: Record<UnitVersion, MessageKey> = { '2019': 'units.2019', '2025': 'units.2025' };

interface LayerPanelProps {
  role: Role;
  layers: readonly MapLayerId[];
  metric: ChoroplethMetric;
  level: ChoroplethLevel;
  scheme: ClassificationScheme;
  advanced: boolean;
  /** The planner colours the map by gap score: no metric to choose. */
  planning: boolean;
  unitVersion: UnitVersion;
  onToggle: (layer: MapLayerId, on: boolean) => void;
  onMetric: (metric: ChoroplethMetric) => void;
  onLevel: (level: ChoroplethLevel) => void;
  onScheme: (scheme: ClassificationScheme) => void;
  onUnitVersion: (version: UnitVersion) => void;
}

export function LayerPanel(props: LayerPanelProps) {
  const { t } = useI18n();
  const id = useId();
  const allowed = MAP_LAYERS.filter((layer) => canSeeLayer(props.role, layer));
  return (
    <fieldset className="panel layers">
      <legend className="panel__title">{t('layers.title')}</legend>
      <ul className="layers__list">
        {allowed.map((layer) => (
          <li key={layer}>
            <label className="check">
              <input
                type="checkbox"
                checked={props.layers.includes(layer)}
                onChange={(e) => props.onToggle(layer, e.target.checked)}
                data-testid={`layer-${layer}`}
              />
              <span>{t(layer === 'choropleth' && props.planning ? 'layer.plannerGap' : LAYER_LABEL_KEYS[layer])}</span>
            </label>
          </li>
        ))}
      </ul>
      {props.planning ? (
        <p className="panel__note">{t('layers.plannerNote')}</p>
      ) : (
        <label className="field" htmlFor={`${id}-metric`}>
          <span>{t('layers.metric')}</span>
          <select
            id={`${id}-metric`}
            value={props.metric}
            onChange={(e) => props.onMetric(e.target.value as ChoroplethMetric)}
            data-testid="metric"
          >
            {CHOROPLETH_METRICS.map((metric) => (
              <option key={metric} value={metric}>
                {t(METRIC_LABEL_KEYS[metric])}
              </option>
            ))}
          </select>
        </label>
      )}
      {props.advanced && !props.planning && (
        <div className="layers__advanced">
          <label className="field" htmlFor={`${id}-level`}>
            <span>{t('layers.level')}</span>
            <select id={`${id}-level`} value={props.level} onChange={(e) => props.onLevel(e.target.value as ChoroplethLevel)}>
              {CHOROPLETH_LEVELS.map((level) => (
                <option key={level} value={level}>
                  {t(LEVEL_KEYS[level])}
                </option>
              ))}
            </select>
          </label>
          <label className="field" htmlFor={`${id}-scheme`}>
            <span>{t('layers.scheme')}</span>
            <select id={`${id}-scheme`} value={props.scheme} onChange={(e) => props.onScheme(e.target.value as ClassificationScheme)}>
              {CLASSIFICATION_SCHEMES.map((scheme) => (
                <option key={scheme} value={scheme}>
                  {t(SCHEME_KEYS[scheme])}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      <div className="field" role="radiogroup" aria-labelledby={`${id}-units`}>
        <span id={`${id}-units`}>{t('units.title')}</span>
        {UNIT_VERSIONS.map((version) => (
          <label key={version} className="check">
            <input
              type="radio"
              name={`${id}-units`}
              value={version}
              checked={props.unitVersion === version}
              onChange={() => props.onUnitVersion(version)}
              data-testid={`units-${version}`}
            />
            <span>{t(UNIT_VERSION_KEYS[version])}</span>
          </label>
        ))}
        {props.unitVersion === '2025' && <p className="panel__note">{t('units.note')}</p>}
      </div>
    </fieldset>
  );
}
