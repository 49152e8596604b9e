/** GET /api/summary, /api/choropleth and /api/timeseries: the briefing's numbers, map and series. */
import { ENDPOINTS } from '#contract/api';
import { defineRoute } from '../http/route';
import { choroplethOf } from '../services/choropleth';
import { resolvePeriod, toFilter } from '../services/filter';
import { summaryOf } from '../services/summary';
import { timeseriesOf } from '../services/timeseries';
import { unitAtLevel } from '../services/units';
import type { RouteDeps } from './deps';

export function briefingRoutes(deps: RouteDeps) {
  return [
    defineRoute(ENDPOINTS.getSummary, deps.data, (c, { query }) => {
      const dataset = c.get('dataset');
      return summaryOf(dataset, c.get('figures'), toFilter(dataset, query));
    }),
    defineRoute(ENDPOINTS.getChoropleth, deps.data, (c, { query }) => {
      const dataset = c.get('dataset');
      return choroplethOf(dataset, c.get('figures'), query, toFilter(dataset, query));
    }),
    defineRoute(ENDPOINTS.getTimeseries, deps.data, (c, { query }) => {
      const dataset = c.get('dataset');
      const period = resolvePeriod(query, dataset.period);
      const unit = unitAtLevel(dataset, query.level, query.code);
      return timeseriesOf(dataset, c.get('figures'), { layer: query.layer, interval: query.interval, unit, period });
    }),
  ];
}
