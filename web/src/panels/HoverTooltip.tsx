/**
 * What is under the pointer: the unit and its value (protected values written ≈, hidden ones
 * as such), its Gi* hot-spot result with z, p and neighbours, its emerging pattern with the
 * Mann–Kendall trend and the yearly z-scores, a tip cell's count, a model. Kept
 * inside the map: near the right or bottom edge it opens to the other side of the pointer.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import type { ChoroplethResponse, EmergingFeature, EmergingResponse, HotspotFeature } from '#contract/api';
import type { HotspotsResponse, UnitProperties } from '#contract/api';
import type { PlannerResponse } from '#contract/api';
import type { Formatters } from '../i18n/format';
import { useI18n, type Translate } from '../i18n/i18n';
import { EMERGING_PATTERN_KEYS, TREND_KEYS } from '../legend/emergingText';
import { HOTSPOT_BIN_KEYS, MODEL_SETTING_KEYS } from '../legend/legendModel';
import { formatMetricValue, METRIC_LABEL_KEYS, metricUnitKey } from '../legend/metricText';
import type { HoverTarget } from '../state/hover';
import { EmergingTrendChart } from './EmergingTrendChart';

/** Keeps the tooltip off the pointer so it never hides what is being pointed at. */
const POINTER_OFFSET = 14;

interface HoverTooltipProps {
  target: HoverTarget | null;
  unitsByCode: ReadonlyMap<string, UnitProperties>;
  choropleth: ChoroplethResponse | null;
  hotspots: HotspotsResponse | null;
  emerging: EmergingResponse | null;
  planner: PlannerResponse | null;
  privacyK: number;
}

function hotspotLines(feature: HotspotFeature, t: Translate, fmt: Formatters): string[] {
  return [
    t(HOTSPOT_BIN_KEYS[feature.bin]),
    t('tooltip.giStar', { z: fmt.signed(feature.z), p: fmt.decimal(feature.p, 3), neighbours: fmt.count(feature.neighbours) }),
  ];
}

function emergingLines(feature: EmergingFeature, t: Translate, fmt: Formatters): string[] {
  const { trend } = feature;
  return [
    t(EMERGING_PATTERN_KEYS[feature.pattern]),
    t('tooltip.emergingTrend', { trend: t(TREND_KEYS[trend.trend]), z: fmt.signed(trend.z), p: fmt.decimal(trend.p, 3) }),
    t('tooltip.emergingSteps', {
      significant: fmt.count(feature.hot_steps + feature.cold_steps),
      years: fmt.count(feature.bins.length),
      hot: fmt.count(feature.hot_steps),
      cold: fmt.count(feature.cold_steps),
    }),
  ];
}

/** The commune's emerging result when the pointer is over the emerging layer. */
function emergingFeatureOf({ target, emerging }: HoverTooltipProps): EmergingFeature | null {
  if (target?.kind !== 'unit' || target.layer !== 'emerging') return null;
  return emerging?.features.find((f) => f.code === target.code) ?? null;
}

function useLines(props: HoverTooltipProps): string[] {
  const { target, unitsByCode, choropleth, hotspots, planner, privacyK } = props;
  const { t, fmt } = useI18n();
  if (!target) return [];
  if (target.kind === 'unit') {
    const unit = unitsByCode.get(target.code);
    const lines = [unit ? `${unit.type} ${unit.name}` : target.code];
    if (unit?.district_name) lines.push(unit.district_name);
    const spot = hotspots?.features.find((f) => f.code === target.code);
    if (target.layer === 'hotspots') {
      if (spot) lines.push(...hotspotLines(spot, t, fmt));
    } else if (target.layer === 'emerging') {
      const feature = emergingFeatureOf(props);
      if (feature) lines.push(...emergingLines(feature, t, fmt));
    } else if (target.layer === 'planner') {
      const row = planner?.rows.find((r) => r.code === target.code);
      if (row) lines.push(t('tooltip.plannerRank', { rank: fmt.count(row.rank), of: fmt.count(planner?.rows.length ?? 0), score: fmt.signed(row.gapScore) }));
    } else if (choropleth) {
      const row = choropleth.values.find((v) => v.code === target.code);
      const label = t(METRIC_LABEL_KEYS[choropleth.metric]);
      const approximate = choropleth.protection !== undefined && choropleth.protection.method !== 'exact';
      if (row?.suppressed) lines.push(`${label}: ${t('tooltip.suppressed', { k: privacyK })}`);
      else if (row && row.value !== null) {
        const value = `${formatMetricValue(choropleth.metric, row.value, fmt)} ${t(metricUnitKey(choropleth.metric))}`;
        lines.push(`${label}: ${approximate ? `≈ ${value}` : value}`);
        if (approximate) lines.push(t('tooltip.protected'));
      } else lines.push(`${label}: ${t('legend.noData')}`);
      // Hot spots drawn as outlines over the choropleth: their result joins the commune's.
      if (spot && spot.bin !== 0) lines.push(...hotspotLines(spot, t, fmt));
    }
    return lines;
  }
  if (target.kind === 'tipCell') {
    return [
      t('tooltip.tipCell'),
      target.suppressed || target.count === null ? t('tooltip.suppressed', { k: privacyK }) : t('tooltip.tips', { count: fmt.count(target.count) }),
    ];
  }
  const setting = target.setting ? t(MODEL_SETTING_KEYS[target.setting]) : '—';
  if (target.models !== null) {
    return [t('tooltip.modelCluster', { count: fmt.count(target.models), setting }), t('tooltip.firstFounded', { date: fmt.date(target.foundedOn) })];
  }
  return [t('tooltip.model', { setting }), t('tooltip.founded', { date: fmt.date(target.foundedOn) })];
}

export function HoverTooltip(props: HoverTooltipProps) {
  const lines = useLines(props);
  const emerging = emergingFeatureOf(props);
  const years = props.emerging?.slices.map((slice) => Number(slice.from.slice(0, 4))) ?? [];
  const ref = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0, frameWidth: Infinity, frameHeight: Infinity });
  const key = lines.join('|');
  useLayoutEffect(() => {
    const box = ref.current;
    const frame = box?.parentElement;
    if (box && frame) setSize({ width: box.offsetWidth, height: box.offsetHeight, frameWidth: frame.clientWidth, frameHeight: frame.clientHeight });
  }, [key]);
  if (!props.target || lines.length === 0) return null;
  const { x, y } = props.target;
  const left = x + POINTER_OFFSET + size.width > size.frameWidth ? x - POINTER_OFFSET - size.width : x + POINTER_OFFSET;
  const top = y + POINTER_OFFSET + size.height > size.frameHeight ? y - POINTER_OFFSET - size.height : y + POINTER_OFFSET;
  return (
    <div ref={ref} className="tooltip" role="tooltip" data-testid="tooltip" style={{ transform: `translate(${Math.max(0, left)}px, ${Math.max(0, top)}px)` }}>
      {lines.map((line, i) => (i === 0 ? <strong key={line}>{line}</strong> : <span key={line}>{line}</span>))}
      {emerging && <EmergingTrendChart feature={emerging} years={years} />}
    </div>
  );
}
