/** GET /api/units (boundaries as GeoJSON), GET /api/units/{code} (one unit's profile), GET /api/search. */
import { ENDPOINTS } from '#contract/api';
import { defineRoute } from '../http/route';
import { resolvePeriod } from '../services/filter';
import { unitProfile } from '../services/unit-profile';
import { unitByCode, unitGeojson } from '../services/units';
import type { RouteDeps } from './deps';

export function unitRoutes(deps: RouteDeps) {
  return [
    defineRoute(ENDPOINTS.getUnits, deps.data, (c, { query }) =>
      c.body(unitGeojson(c.get('dataset'), query.level, query.version), 200, { 'Content-Type': 'application/geo+json; charset=utf-8' }),
    ),
    defineRoute(ENDPOINTS.getUnitProfile, deps.data, (c, { params, query }) => {
      const dataset = c.get('dataset');
      const unit = unitByCode(dataset, params.code);
      return unitProfile(dataset, c.get('figures'), unit, resolvePeriod(query, dataset.period));
    }),
    defineRoute(ENDPOINTS.searchUnits, deps.data, (c, { query }) => c.get('dataset').search.search(query.q, query.limit)),
  ];
}
