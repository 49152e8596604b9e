/** GET /api/hotspots and /api/hotspots/emerging: significant clustering of tips or outcome events. */
import { ENDPOINTS } from '#contract/api';
import { defineRoute } from '../http/route';
import { emergingCommuneHotspots } from '../services/emerging-hotspots';
import { resolvePeriod } from '../services/filter';
import { hotspotsOf } from '../services/hotspots';
import type { RouteDeps } from './deps';

export function analysisRoutes(deps: RouteDeps) {
  const heavyData = [deps.heavy, ...deps.data];
  return [
    defineRoute(ENDPOINTS.getHotspots, heavyData, (c, { query }) => {
      const dataset = c.get('dataset');
      return hotspotsOf(dataset, c.get('figures'), { ...query, period: resolvePeriod(query, dataset.period) });
    }),
    defineRoute(ENDPOINTS.getEmergingHotspots, heavyData, (c, { query }) => {
      const dataset = c.get('dataset');
      const period = resolvePeriod(query, dataset.period);
      return emergingCommuneHotspots(dataset, c.get('figures'), { layer: query.layer, fdr: query.fdr, period });
    }),
  ];
}
