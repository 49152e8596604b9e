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
      const answer = await pointsOf(dataset, query, toFilter(dataset, query));
      const headers: Record<string, string> = {
        'X-Points-Form': answer.form,
        'X-Total-Count': String(answer.total),
        'X-Synthetic': String(dataset.synthetic),
      };
      if (answer.format === 'json') return c.json(answer.body, 200, headers);
      if (answer.form === 'clusters') {
        headers['X-Cluster-Count'] = String(answer.clusters);
        headers['X-Cluster-Cell-Degrees'] = String(answer.cellDegrees);
      }
      // The typed arrays become the Arrow vectors as they are; tableToIPC writes them once.
      const ipc = tableToIPC(tableFromArrays({ ...answer.columns }), 'stream');
      return c.body(ipc as Uint8Array<ArrayBuffer>, 200, {
        ...headers,
        'Content-Type': 'application/vnd.apache.arrow.stream',
        'X-Day-Epoch': POINTS_DAY_EPOCH,
        'X-Kinds': POINT_KINDS[query.layer].join(','),
      });
    }),
  ];
}
