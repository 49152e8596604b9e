/** One metric for every commune or district, with class breaks over the whole province. */
import { METRIC_INFO } from '#contract';
import type { ChoroplethResponse, ENDPOINTS, QueryOf } from '#contract/api';
import { classBreaks } from '../analytics/classification';
import type { Dataset } from '../dataset/dataset';
import type { DataFilter } from '../queries/filters';
import type { FigureSource } from './figures/figure-source';
import { isSensitive, metricValues } from './metric-values';

type ChoroplethQuery = Pick<QueryOf<typeof ENDPOINTS.getChoropleth>, 'metric' | 'level' | 'scheme' | 'classes'>;

export async function choroplethOf(dataset: Dataset, figures: FigureSource, query: ChoroplethQuery, filter: DataFilter): Promise<ChoroplethResponse> {
  const sensitive = isSensitive(query.metric);
  if (sensitive) figures.assertReportable(filter.period);
  const all = await metricValues(dataset, figures, query.metric, query.level, filter.period);
  // Breaks from what is published, so a legend never reveals a hidden value (e.g. as the minimum).
  const breaks = classBreaks(
    all.flatMap((v) => (v.value === null ? [] : [v.value])),
    query.scheme,
    query.classes,
  );
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
