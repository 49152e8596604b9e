/** GET /api/basemap/context (the region around the province), /api/grid (counts per H3 cell) and /api/points (group and model locations). */
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { POINT_KINDS, POINTS_DAY_EPOCH } from '#contract';
import { ENDPOINTS } from '#contract/api';
import { defineRoute } from '../http/route';
import { toFilter } from '../services/filter';
import { gridOf } from '../services/grid';
import { pointsOf } from '../services/points';
import type { RouteDeps } from './deps';

export function mapRoutes(deps: RouteDeps) {
  return [
    defineRoute(ENDPOINTS.getBasemapContext, deps.data, (c) =>
      c.body(c.get('dataset').contextGeojson, 200, { 'Content-Type': 'application/geo+json; charset=utf-8' }),
    ),
    defineRoute(ENDPOINTS.getGrid, deps.data, (c, { query }) => {
      const dataset = c.get('dataset');
      return gridOf(dataset, c.get('figures'), query.layer, query.resolution, toFilter(dataset, query));
    }),
    defineRoute(ENDPOINTS.getPoints, [deps.heavy, ...deps.data], async (c, { query }) => {
      const dataset = c.get('dataset');
      const result = await pointsOf(dataset, query, toFilter(dataset, query));
      const headers = { 'X-Total-Count': String(result.total), 'X-Synthetic': String(dataset.synthetic) };
      if (result.format === 'json') return c.json(result.body, 200, headers);
      const ipc = tableToIPC(tableFromArrays({ ...result.columns }), 'stream');
      return c.body(new Uint8Array(ipc), 200, {
        ...headers,
        'Content-Type': 'application/vnd.apache.arrow.stream',
        'X-Day-Epoch': POINTS_DAY_EPOCH,
        'X-Kinds': POINT_KINDS[query.layer].join(','),
      });
    }),
  ];
}
