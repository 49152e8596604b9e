/** GET /api/choropleth — one metric for every commune or district, with province-wide class breaks. */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../http/app-env';
import { access } from '../auth/access';
import { classBreaks } from '../analytics/classification';
import { CHOROPLETH_METRICS, CLASSIFICATION_SCHEMES, DEFAULT_CLASSES, MAX_CLASSES, METRIC_INFO, MIN_CLASSES } from '#contract';
import type { ChoroplethResponse } from '#contract/api';
import { suppressionK } from '../privacy/policy';
import { suppressUnitValues } from '../privacy/suppress-values';
import { countsFor, isSensitiveMetric, metricValuesFromCounts } from '../queries/metric-values';
import { integerParam, readQuery } from '../http/request-input';
import type { RouteDeps } from './deps';
import { filterSchema, toFilter } from './filter-params';

const query = z
  .object({
    metric: z.enum(CHOROPLETH_METRICS),
    level: z.enum(['commune', 'district']).default('commune'),
    scheme: z.enum(CLASSIFICATION_SCHEMES).default('quantile'),
    classes: integerParam(MIN_CLASSES, MAX_CLASSES).default(DEFAULT_CLASSES),
    ...filterSchema,
  })
  .strict();

export function choroplethRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>().get('/', access('viewer'), ...deps.data, async (c) => {
    const dataset = c.get('dataset');
    const input = readQuery(c, query);
    const filter = toFilter(dataset, input);
    const counts = await countsFor(dataset, [input.metric], filter);
    const all = metricValuesFromCounts(input.metric, input.level, counts, dataset);
    const k = isSensitiveMetric(input.metric) ? suppressionK(c.get('session'), deps.config.privacyK) : 0;
    const published = suppressUnitValues(all, k);
    // Breaks from what is published, so a legend never reveals a hidden value (e.g. as the minimum).
    const breaks = classBreaks(
      published.flatMap((v) => (v.value === null ? [] : [v.value])),
      input.scheme,
      input.classes,
    );
    const inScope = filter.district
      ? published.filter((v) => (input.level === 'commune' ? v.district_code === filter.district : v.code === filter.district))
      : published;
    const body: ChoroplethResponse = {
      metric: input.metric,
      unit: METRIC_INFO[input.metric].unit,
      level: input.level,
      scheme: input.scheme,
      classes: input.classes,
      period: filter.period,
      breaks,
      values: inScope.map((v) => ({
        code: v.code,
        value: v.value,
        count: v.count,
        ...(v.suppressed ? { suppressed: true } : {}),
      })),
      synthetic: dataset.synthetic,
      ...(k > 0 ? { suppression: { k, suppressed: published.filter((v) => v.suppressed).length } } : {}),
    };
    return c.json(body);
  });
}
