/**
 * One metric for every commune or district, with class breaks over the whole province: over the
 * requested period, or over the metric's yearly series across the data range (a legend that
 * stays the same while a year slider moves, so the growth of the network shows as colour).
 */
import { METRIC_INFO, type ChoroplethMetric, type Period } from '#contract';
import type { BreaksBasis, ChoroplethResponse, ENDPOINTS, QueryOf } from '#contract/api';
import { classBreaks } from '../analytics/classification';
import type { Dataset } from '../dataset/dataset';
import { yearCell, yearsOfRange } from '../privacy/reporting-calendar';
import type { DataFilter } from '../queries/filters';
import type { FigureSource } from './figures/figure-source';
import { isSensitive, metricValues, type MapLevel, type UnitValue } from './metric-values';

type ChoroplethQuery = Pick<QueryOf<typeof ENDPOINTS.getChoropleth>, 'metric' | 'level' | 'scheme' | 'classes' | 'breaks'>;

/** What a legend may be built from: published values only, so it never reveals a hidden one (e.g. as the minimum). */
const published = (values: readonly UnitValue[]): number[] => values.flatMap((v) => (v.value === null ? [] : [v.value]));

/**
 * The yearly periods of the series. Stocks (active at the end of a period) and flows asked from
 * the start of the data are read as running totals to the end of each year, as a "growth" slider
 * shows them; other flows as single calendar years. Every one is a union of whole year cells, so
 * it is on the reporting calendar of every role.
 */
export function seriesPeriods(metric: ChoroplethMetric, period: Period, range: Period): Period[] {
  const runningTotals = METRIC_INFO[metric].kind === 'stock' || period.from === range.from;
  return yearsOfRange(range).map((year) => {
    const cell = yearCell(year, range);
    return runningTotals ? { from: range.from, to: cell.to } : cell;
  });
}

/**
 * Published values of the series, per data set, kept for the life of the data set: the slider
 * asks for the same series once per year it shows. Tips and events depend on the role's figures,
 * so their key names the protection.
 */
const seriesCache = new WeakMap<Dataset, Map<string, Promise<number[]>>>();

function seriesValues(dataset: Dataset, figures: FigureSource, metric: ChoroplethMetric, level: MapLevel, periods: Period[]): Promise<number[]> {
  let byKey = seriesCache.get(dataset);
  if (!byKey) {
    byKey = new Map();
    seriesCache.set(dataset, byKey);
  }
  const { method, threshold, noise_bound: noise } = figures.protection(dataset.period);
  const key = [metric, level, periods.map((p) => `${p.from}/${p.to}`).join(','), isSensitive(metric) ? `${method}/${threshold}/${noise}` : ''].join('|');
  let values = byKey.get(key);
  if (!values) {
    values = Promise.all(periods.map((p) => metricValues(dataset, figures, metric, level, p))).then((all) => all.flatMap(published));
    values.catch(() => byKey.delete(key));
    byKey.set(key, values);
  }
  return values;
}

export async function choroplethOf(dataset: Dataset, figures: FigureSource, query: ChoroplethQuery, filter: DataFilter): Promise<ChoroplethResponse> {
  const sensitive = isSensitive(query.metric);
  if (sensitive) figures.assertReportable(filter.period);
  const all = await metricValues(dataset, figures, query.metric, query.level, filter.period);
  const basis: BreaksBasis = query.breaks;
  const periods = basis === 'series' ? seriesPeriods(query.metric, filter.period, dataset.period) : [filter.period];
  const classified = basis === 'series' ? await seriesValues(dataset, figures, query.metric, query.level, periods) : published(all);
  const breaks = classBreaks(classified, query.scheme, query.classes);
  const inScope = filter.district
    ? all.filter((v) => (query.level === 'commune' ? v.district_code === filter.district : v.code === filter.district))
    : all;
  return {
    metric: query.metric,
    unit: METRIC_INFO[query.metric].unit,
    level: query.level,
    scheme: query.scheme,
    classes: query.classes,
    period: filter.period,
    breaks,
    breaks_basis: basis,
    breaks_periods: periods,
    values: inScope.map((v) => ({
      code: v.code,
      value: v.value,
      count: v.count,
      ...(v.value === null ? { suppressed: true } : {}),
      ...(v.estimated ? { estimated: true } : {}),
    })),
    synthetic: dataset.synthetic,
    ...(sensitive ? { protection: figures.protection(filter.period) } : {}),
  };
}
