/**
 * GET /api/points — group or model locations in a bbox, as an Arrow IPC stream (default) or
 * JSON. Beyond the limit the answer is 413: zoom in or narrow the filter.
 */
import { Hono } from 'hono';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { z } from 'zod';
import type { AppEnv } from '../http/app-env';
import { access } from '../auth/access';
import { ApiError } from '../http/errors';
import { countPoints, DAY_EPOCH, POINT_KINDS, POINT_LAYERS, pointColumns, pointRows } from '../queries/points';
import { bboxParam, integerParam, readQuery } from '../http/request-input';
import type { RouteDeps } from './deps';
import { filterSchema, toFilter } from './filter-params';

/** Default cap: every group at the demo scale, ten times over. */
const DEFAULT_LIMIT = 100_000;
/** Hard cap: 500k points are ~5.5 MB binary, about what a browser draws smoothly. */
const MAX_LIMIT = 500_000;
const WORLD: [number, number, number, number] = [-180, -90, 180, 90];

const query = z
  .object({
    layer: z.enum(POINT_LAYERS),
    bbox: bboxParam.optional(),
    limit: integerParam(1, MAX_LIMIT).default(DEFAULT_LIMIT),
    format: z.enum(['arrow', 'json']).default('arrow'),
    ...filterSchema,
  })
  .strict();

export function pointRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>().get('/', access('analyst'), deps.heavy, ...deps.data, async (c) => {
    const dataset = c.get('dataset');
    const input = readQuery(c, query);
    const filter = toFilter(dataset, input);
    const bbox = input.bbox ?? WORLD;
    const total = await countPoints(dataset.db, input.layer, filter, bbox);
    if (total > input.limit) {
      throw new ApiError(413, 'too_many_points', `The request matches ${total} points, more than the limit of ${input.limit}; zoom in, pick a district or raise limit (at most ${MAX_LIMIT}).`, {
        count: total,
        limit: input.limit,
        max_limit: MAX_LIMIT,
      });
    }
    const headers = { 'X-Total-Count': String(total), 'X-Synthetic': String(dataset.synthetic) };
    if (input.format === 'json') {
      const points = await pointRows(dataset.db, input.layer, filter, bbox);
      return c.json({ layer: input.layer, count: total, period: filter.period, synthetic: dataset.synthetic, points }, 200, headers);
    }
    const columns = await pointColumns(dataset.db, input.layer, filter, bbox);
    const ipc = tableToIPC(tableFromArrays({ ...columns }), 'stream');
    return c.body(new Uint8Array(ipc), 200, {
      ...headers,
      'Content-Type': 'application/vnd.apache.arrow.stream',
      'X-Day-Epoch': DAY_EPOCH,
      'X-Kinds': POINT_KINDS[input.layer].join(','),
    });
  });
}
