/**
 * Counts per year or month for the province, a district or a commune: groups and models from
 * the rollup, tips and events from the role's figures (below admin: years only).
 */
import type { Period, TimeseriesInterval, TimeseriesLayer } from '#contract';
import type { TimeseriesResponse } from '#contract/api';
import type { Dataset } from '../dataset/dataset';
import type { UnitRecord } from '../dataset/unit-record';
import { lastDayOf } from '../dataset/days';
import { periodLabels, timeseries } from '../queries/timeseries';
import type { Figure, FigureSource } from './figures/figure-source';

const isSensitive = (layer: TimeseriesLayer): layer is 'tips' | 'events' => layer === 'tips' || layer === 'events';

/** The part of a year ('2021') or month ('2021-03') label inside the period. */
export function labelSlice(label: string, period: Period): Period {
  const first = label.length > 4 ? `${label}-01` : `${label}-01-01`;
  const last = lastDayOf(label);
  return { from: first < period.from ? period.from : first, to: last > period.to ? period.to : last };
}

/** The unit's figure for a period, from the province-wide lists. */
export async function unitFigure(dataset: Dataset, figures: FigureSource, layer: 'tips' | 'events', unit: UnitRecord, period: Period): Promise<Figure> {
  if (unit.level === 'province') return figures.province(layer, period);
  if (unit.level === 'district') return (await figures.districts(layer, period))[dataset.districts.indexOf(unit)]!;
  return (await figures.communes(layer, period))[dataset.communes.indexOf(unit)]!;
}

export async function timeseriesOf(
  dataset: Dataset,
  figures: FigureSource,
  request: { layer: TimeseriesLayer; interval: TimeseriesInterval; unit: UnitRecord; period: Period },
): Promise<TimeseriesResponse> {
  const { layer, interval, unit, period } = request;
  const scope = { level: unit.level, code: unit.code, name: unit.name };
  if (!isSensitive(layer)) {
    const series = await timeseries(dataset, layer, interval, { level: unit.level, code: unit.code }, period);
    return { layer, interval, scope, period, series, synthetic: dataset.synthetic };
  }
  const slices = periodLabels(period, interval).map((label) => ({ label, slice: labelSlice(label, period) }));
  for (const { slice } of slices) figures.assertReportable(slice);
  const values = await Promise.all(slices.map(({ slice }) => unitFigure(dataset, figures, layer, unit, slice)));
  return {
    layer,
    interval,
    scope,
    period,
    series: slices.map(({ label }, i) => {
      const figure = values[i]!;
      return figure.value === null ? { period: label, value: null, suppressed: true } : { period: label, value: figure.value, ...(figure.estimated ? { estimated: true as const } : {}) };
    }),
    synthetic: dataset.synthetic,
    protection: figures.protection(period),
  };
}
