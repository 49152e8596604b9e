/** What is under the pointer: the unit and its value, a tip cell's count (or "suppressed"), a model. */
import type { ChoroplethResponse } from '#contract/api';
import type { HotspotsResponse, UnitProperties } from '#contract/api';
import type { PlannerResponse } from '#contract/api';
import { useI18n } from '../i18n/i18n';
import { HOTSPOT_BIN_KEYS, MODEL_SETTING_KEYS } from '../legend/legendModel';
import { formatMetricValue, METRIC_LABEL_KEYS, metricUnitKey } from '../legend/metricText';
import type { HoverTarget } from '../state/hover';

/** Keeps the tooltip off the pointer so it never hides what is being pointed at. */
const POINTER_OFFSET = 14;

interface HoverTooltipProps {
  target: HoverTarget | null;
  unitsByCode: ReadonlyMap<string, UnitProperties>;
  choropleth: ChoroplethResponse | null;
  hotspots: HotspotsResponse | null;
  planner: PlannerResponse | null;
  privacyK: number;
}

function useLines({ target, unitsByCode, choropleth, hotspots, planner, privacyK }: HoverTooltipProps): string[] {
  const { t, fmt } = useI18n();
  if (!target) return [];
  if (target.kind === 'unit') {
    const unit = unitsByCode.get(target.code);
    const lines = [unit ? `${unit.type} ${unit.name}` : target.code];
    if (unit?.district_name) lines.push(unit.district_name);
    if (target.layer === 'hotspots') {
      const feature = hotspots?.features.find((f) => f.code === target.code);
      if (feature) lines.push(t(HOTSPOT_BIN_KEYS[feature.bin]));
    } else if (target.layer === 'planner') {
      const row = planner?.rows.find((r) => r.code === target.code);
      if (row) lines.push(t('tooltip.plannerRank', { rank: fmt.count(row.rank), of: fmt.count(planner?.rows.length ?? 0), score: fmt.signed(row.gapScore) }));
    } else if (choropleth) {
      const row = choropleth.values.find((v) => v.code === target.code);
      const label = t(METRIC_LABEL_KEYS[choropleth.metric]);
      if (row?.suppressed) lines.push(`${label}: ${t('tooltip.suppressed', { k: privacyK })}`);
      else if (row && row.value !== null) {
        lines.push(`${label}: ${formatMetricValue(choropleth.metric, row.value, fmt)} ${t(metricUnitKey(choropleth.metric))}`);
      } else lines.push(`${label}: ${t('legend.noData')}`);
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
  if (!props.target || lines.length === 0) return null;
  return (
    <div
      className="tooltip"
      role="tooltip"
      data-testid="tooltip"
      style={{ transform: `translate(${props.target.x + POINTER_OFFSET}px, ${props.target.y + POINTER_OFFSET}px)` }}
    >
      {lines.map((line, i) => (i === 0 ? <strong key={line}>{line}</strong> : <span key={line}>{line}</span>))}
    </div>
  );
}
