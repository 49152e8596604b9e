/** GET /api/grid — counts per H3 cell, the basis of the group-density heatmap and the tip hex layer. */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../http/app-env';
import { access } from '../auth/access';
import type { GridResponse } from '#contract/api';
import { h3Universe } from '../dataset/neighbours';
import { suppressionK } from '../privacy/policy';
import { suppressedKeys } from '../privacy/suppression';
import { GRID_LAYERS, gridCounts } from '../queries/grid';
import { readQuery } from '../http/request-input';
import type { RouteDeps } from './deps';
import { filterSchema, toFilter } from './filter-params';

const query = z
  .object({
    layer: z.enum(GRID_LAYERS),
    resolution: z.enum(['7', '8']).default('8').transform((r) => (r === '7' ? 7 : 8) as 7 | 8),
    ...filterSchema,
  })
  .strict();

export function gridRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>().get('/', access('viewer'), ...deps.data, async (c) => {
    const dataset = c.get('dataset');
    const input = readQuery(c, query);
    const filter = toFilter(dataset, input);
    let cells: GridResponse['cells'];
    if (input.layer === 'tips') {
      // Tip cells are always counted province-wide (a district filter only selects cells), so the
      // same cell never shows two different counts that could be subtracted; the settled area's
      // empty cells take part, so a lone small cell can be paired with an empty one.
      const k = suppressionK(c.get('session'), deps.config.privacyK);
      const universe = await h3Universe(dataset, input.resolution);
      const counts = new Map((await gridCounts(dataset.db, 'tips', input.resolution, { ...filter, district: null })).map((cell) => [cell.h3, cell.n]));
      const hidden = suppressedKeys(universe.cells.map((h3) => ({ key: h3, count: counts.get(h3) ?? 0 })), k);
      const inDistrict = filter.district
        ? new Set((await gridCounts(dataset.db, 'tips', input.resolution, filter)).map((cell) => cell.h3))
        : null;
      cells = universe.cells
        .filter((h3) => (counts.has(h3) || hidden.has(h3)) && (!inDistrict || inDistrict.has(h3)))
        .map((h3) => (hidden.has(h3) ? { h3, count: null, suppressed: true } : { h3, count: counts.get(h3) ?? 0 }));
    } else {
      cells = (await gridCounts(dataset.db, input.layer, input.resolution, filter)).map((cell) => ({ h3: cell.h3, count: cell.n }));
    }
    const body: GridResponse = {
      layer: input.layer,
      resolution: input.resolution,
      period: filter.period,
      cells,
      synthetic: dataset.synthetic,
    };
    return c.json(body);
  });
}
