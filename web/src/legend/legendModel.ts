/**
 * The legend as data: one section per visible layer, in real units, with the exact colours the
 * layers draw. The legend panel renders it as HTML and the PNG export draws it on a canvas, so
 * both always agree with the map.
 */
import { EMERGING_MIN_TIME_STEPS, MODEL_SETTINGS, type ModelSetting, type Period } from '#contract';
import type { ChoroplethResponse, EmergingResponse } from '#contract/api';
import type { HotspotBin } from '#contract';
import type { Formatters } from '../i18n/format';
import type { MessageKey, Translate } from '../i18n/i18n';
import { classBounds } from '../style/classify';
import { GROUP_DENSITY_MAX_PER_KM2, GROUP_DENSITY_TICKS, TIP_HEX_BREAKS } from '../style/domains';
import { GAP_SCORE_BREAKS, GAP_SCORE_PALETTE } from '../style/gapScore';
import {
  choroplethPalette,
  HEATMAP_RAMP,
  HOTSPOT_BIN_COLORS,
  MODEL_SETTING_COLORS,
  NO_DATA_COLOR,
  rgbOfHex,
  SCENARIO_MARK_COLOR,
  SUPPRESSED_COLOR,
  TIP_HEX_RAMP,
  UNITS_2025_LINE_COLOR,
  UNMAPPED_HATCH_COLOR,
  type Rgb,
} from '../style/palettes';
import { displayBreaks, displayClassBounds } from '../style/metricClasses';
import type { Language } from '../state/atlasState';
import type { ScenarioMarks } from '../state/scenario';
import { calendarYears, hasEnoughYears } from '../state/emergingPeriod';
import { EMERGING_PATTERN_COLORS } from '../style/emergingPalette';
import { patternCounts } from './emergingCounts';
import { EMERGING_PATTERN_KEYS } from './emergingText';
import { formatMetricValue, METRIC_LABEL_KEYS, metricUnitKey } from './metricText';

export interface LegendSwatch {
  color: Rgb;
  label: string;
  /** How the swatch is drawn: a filled box (default), a dashed line, diagonal hatching, or a disc. */
  pattern?: 'fill' | 'dashedLine' | 'hatch' | 'disc' | 'outline';
}

/** Sentences under a section: how its colours were fixed, what protection of informants means. */
type Notes = { notes?: string[] };

export type LegendSection =
  | ({ kind: 'swatches'; id: string; title: string; unit: string | null; items: LegendSwatch[] } & Notes)
  | ({ kind: 'ramp'; id: string; title: string; unit: string; colors: readonly Rgb[]; ticks: { at: number; label: string }[] } & Notes);

/** Gi* bins from hottest to coldest, as the legend lists them. */
export const HOTSPOT_BIN_KEYS: Record<HotspotBin, MessageKey> = {
  3: 'hotspot.hot99',
  2: 'hotspot.hot95',
  1: 'hotspot.hot90',
  0: 'hotspot.none',
  [-1]: 'hotspot.cold90',
  [-2]: 'hotspot.cold95',
  [-3]: 'hotspot.cold99',
};
const HOTSPOT_LEGEND_ORDER: HotspotBin[] = [3, 2, 1, 0, -1, -2, -3];

export const MODEL_SETTING_KEYS: Record<ModelSetting, MessageKey> = {
  agency: 'setting.agency',
  enterprise: 'setting.enterprise',
  hospital: 'setting.hospital',
  school: 'setting.school',
};

/** What the legend says when the models are drawn as clusters. */
export interface ModelClustersLegend {
  records: number;
  clusters: number;
  /** Side of the grid's cells in degrees (null when the server did not say). */
  cellDegrees: number | null;
}

/** Metres in a degree of latitude: the cluster grid's cells are square in degrees. */
const METRES_PER_DEGREE = 111_320;

function cellSize(degrees: number | null, fmt: Formatters): string {
  if (degrees === null) return '—';
  const metres = degrees * METRES_PER_DEGREE;
  return metres >= 1000 ? `${fmt.decimal(metres / 1000)} km` : `${fmt.count(Math.round(metres / 10) * 10)} m`;
}

/** What the legend says about today's (2025) units when they are drawn. */
export interface Units2025Legend {
  units: number;
  unmapped: number;
}

export interface LegendInputs {
  choropleth: ChoroplethResponse | null;
  /** The UI language: protection notes come from the server in both. */
  lang?: Language;
  /** In the planner the choropleth slot shows the gap score; its legend replaces the metric's. */
  planning?: boolean;
  /** Today's boundaries drawn over the map; null or absent when they are off. */
  units2025?: Units2025Legend | null;
  /** A planner scenario's marks on the map; null or absent when there are none. */
  scenario?: ScenarioMarks | null;
  privacyK: number;
  /** Set when the model layer draws clusters (more models than the request's limit). */
  modelClusters?: ModelClustersLegend | null;
  /** The emerging hot-spot answer (null while it loads) and the period it is asked for. */
  emerging?: { response: EmergingResponse | null; period: Period } | null;
  /** Layers the role may see and that are switched on. */
  visibleLayers: ReadonlySet<string>;
  t: Translate;
  fmt: Formatters;
}

/** Which years share the colours, or that they belong to the period on screen only. */
function breaksNote(choropleth: ChoroplethResponse, t: Translate, fmt: Formatters): string {
  const periods = choropleth.breaks_periods;
  if (choropleth.breaks_basis === 'period' || periods.length === 0) {
    return t('legend.periodNote', { period: fmt.period(choropleth.period.from, choropleth.period.to) });
  }
  return t('legend.seriesNote', { first: periods[0]!.to.slice(0, 4), last: periods.at(-1)!.to.slice(0, 4) });
}

function choroplethSection({ choropleth, privacyK, lang = 'vi', t, fmt }: LegendInputs): LegendSection | null {
  if (!choropleth) return null;
  const { metric } = choropleth;
  const breaks = displayBreaks(metric, choropleth.breaks);
  const colors = choroplethPalette(breaks.length - 1);
  const items: LegendSwatch[] = colors.map((color, i) => {
    const [lo, hi] = displayClassBounds(metric, breaks, i);
    const label = lo === hi ? formatMetricValue(metric, lo, fmt) : `${formatMetricValue(metric, lo, fmt)} – ${formatMetricValue(metric, hi, fmt)}`;
    return { color, label };
  });
  if (choropleth.values.some((v) => v.suppressed)) {
    items.push({ color: SUPPRESSED_COLOR, label: t('legend.suppressed', { k: privacyK }) });
  }
  if (choropleth.values.some((v) => v.value === null && !v.suppressed)) {
    items.push({ color: NO_DATA_COLOR, label: t('legend.noData') });
  }
  return {
    kind: 'swatches',
    id: 'choropleth',
    title: t(METRIC_LABEL_KEYS[metric]),
    unit: t(metricUnitKey(metric)),
    items,
    notes: [
      breaksNote(choropleth, t, fmt),
      ...(choropleth.protection && choropleth.protection.method !== 'exact' ? [choropleth.protection.note[lang]] : []),
    ],
  };
}

/** Class labels of the fixed gap-score edges; the open ends read "≤ −1,00" and "> +1,00". */
function gapSection({ t, fmt }: LegendInputs): LegendSection {
  const classes = GAP_SCORE_BREAKS.length - 1;
  const items: LegendSwatch[] = GAP_SCORE_PALETTE.slice(0, classes).map((color, i) => {
    const [lo, hi] = classBounds(GAP_SCORE_BREAKS, i);
    let label = `${fmt.signed(lo)} – ${fmt.signed(hi)}`;
    if (!Number.isFinite(lo)) label = `≤ ${fmt.signed(hi)}`;
    else if (!Number.isFinite(hi)) label = `> ${fmt.signed(lo)}`;
    return { color, label };
  });
  // Highest gap first: the legend reads top-down like the ranking.
  return { kind: 'swatches', id: 'plannerGap', title: t('legend.gapTitle'), unit: t('legend.gapUnit'), items: items.reverse() };
}

function units2025Section({ t }: LegendInputs, units2025: Units2025Legend): LegendSection {
  return {
    kind: 'swatches',
    id: 'units2025',
    title: t('legend.units2025Title'),
    unit: t('legend.units2025Unit'),
    items: [
      { color: UNITS_2025_LINE_COLOR, pattern: 'dashedLine', label: t('legend.units2025Lines', { count: units2025.units }) },
      { color: UNMAPPED_HATCH_COLOR, pattern: 'hatch', label: t('legend.unmapped', { count: units2025.unmapped }) },
    ],
  };
}

function scenarioSection({ t }: LegendInputs, scenario: ScenarioMarks): LegendSection {
  return {
    kind: 'swatches',
    id: 'scenario',
    title: scenario.title,
    unit: null,
    items: [{ color: rgbOfHex(SCENARIO_MARK_COLOR), pattern: 'disc', label: t('legend.scenarioMark') }],
  };
}

function heatmapSection({ t, fmt }: LegendInputs): LegendSection {
  return {
    kind: 'ramp',
    id: 'heatmap',
    title: t('layer.heatmap'),
    unit: t('measure.groups_per_km2'),
    colors: HEATMAP_RAMP,
    ticks: GROUP_DENSITY_TICKS.map((at) => ({
      at: at / GROUP_DENSITY_MAX_PER_KM2,
      label: at === GROUP_DENSITY_MAX_PER_KM2 ? `≥ ${fmt.count(at)}` : fmt.count(at),
    })),
  };
}

/** Hot spots fill their communes, or outline them where a choropleth fills them already (no "not significant" line then). */
function hotspotSection({ t }: LegendInputs, outlined: boolean): LegendSection {
  const bins = outlined ? HOTSPOT_LEGEND_ORDER.filter((bin) => bin !== 0) : HOTSPOT_LEGEND_ORDER;
  return {
    kind: 'swatches',
    id: 'hotspots',
    title: t('layer.hotspots'),
    unit: t('legend.hotspotUnit'),
    items: bins.map((bin) => ({ color: HOTSPOT_BIN_COLORS[String(bin)] as Rgb, label: t(HOTSPOT_BIN_KEYS[bin]), ...(outlined ? { pattern: 'outline' as const } : {}) })),
    ...(outlined ? { notes: [t('legend.hotspotOutlined')] } : {}),
  };
}

/**
 * The patterns the emerging answer contains, with their fixed colours and commune counts; when
 * the period has too few calendar years to ask, a sentence saying so instead of swatches.
 */
function emergingSection({ lang = 'vi', t, fmt }: LegendInputs, { response, period }: { response: EmergingResponse | null; period: Period }): LegendSection {
  const base = { kind: 'swatches' as const, id: 'emerging', title: t('layer.emerging') };
  if (!hasEnoughYears(period)) {
    return { ...base, unit: null, items: [], notes: [t('legend.emergingTooFewYears', { minimum: EMERGING_MIN_TIME_STEPS, years: calendarYears(period) })] };
  }
  if (!response) return { ...base, unit: null, items: [] };
  return {
    ...base,
    unit: t('legend.emergingUnit', { years: response.slices.length }),
    items: patternCounts(response).map(([pattern, count]) => ({
      color: EMERGING_PATTERN_COLORS[pattern],
      label: `${t(EMERGING_PATTERN_KEYS[pattern])} (${fmt.count(count)})`,
    })),
    notes: [t('legend.emergingTrendNote'), ...(response.protection.method !== 'exact' ? [response.protection.note[lang]] : [])],
  };
}

function tipHexSection({ privacyK, t, fmt }: LegendInputs): LegendSection {
  const items: LegendSwatch[] = TIP_HEX_BREAKS.map((lo, i) => {
    const next = TIP_HEX_BREAKS[i + 1];
    const label = next === undefined ? `≥ ${fmt.count(lo)}` : `${fmt.count(lo)} – ${fmt.count(next - 1)}`;
    return { color: TIP_HEX_RAMP[i] as Rgb, label };
  });
  items.push({ color: SUPPRESSED_COLOR, label: t('legend.suppressed', { k: privacyK }) });
  return { kind: 'swatches', id: 'tipHex', title: t('layer.tipHex'), unit: t('measure.tipsPerCell'), items };
}

function modelsSection({ t, fmt, modelClusters }: LegendInputs): LegendSection {
  return {
    kind: 'swatches',
    id: 'models',
    title: t('layer.models'),
    unit: modelClusters
      ? t('legend.modelsClustered', {
          records: fmt.count(modelClusters.records),
          clusters: fmt.count(modelClusters.clusters),
          size: cellSize(modelClusters.cellDegrees, fmt),
        })
      : null,
    items: MODEL_SETTINGS.map((setting) => ({ color: MODEL_SETTING_COLORS[setting], label: t(MODEL_SETTING_KEYS[setting]) })),
  };
}

export function buildLegend(inputs: LegendInputs): LegendSection[] {
  const on = (id: string) => inputs.visibleLayers.has(id);
  const sections: (LegendSection | null)[] = [
    on('choropleth') ? (inputs.planning ? gapSection(inputs) : choroplethSection(inputs)) : null,
    on('heatmap') ? heatmapSection(inputs) : null,
    on('hotspots') ? hotspotSection(inputs, on('choropleth')) : null,
    on('emerging') && inputs.emerging ? emergingSection(inputs, inputs.emerging) : null,
    on('tipHex') ? tipHexSection(inputs) : null,
    on('models') ? modelsSection(inputs) : null,
    inputs.units2025 ? units2025Section(inputs, inputs.units2025) : null,
    inputs.scenario && inputs.scenario.marks.length > 0 ? scenarioSection(inputs, inputs.scenario) : null,
  ];
  return sections.filter((s): s is LegendSection => s !== null);
}
