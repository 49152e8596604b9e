/** GET /api/hotspots and /api/hotspots/emerging — significant clustering of tips or outcome events. */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../http/app-env';
import { access } from '../auth/access';
import type { EmergingResponse } from '#contract/api';
import { badRequest } from '../http/errors';
import { emergingCommuneHotspots } from '../services/emerging-hotspots';
import { communeHotspots, h3Hotspots } from '../services/hotspots';
import { suppressionK } from '../privacy/policy';
import { booleanParam, periodParams, readQuery, resolvePeriod } from '../http/request-input';
import type { RouteDeps } from './deps';

const layer = z.enum(['tips', 'events']).default('tips');
const fdr = booleanParam.default(false);

const hotspotQuery = z
  .object({
    layer,
    unit: z.enum(['commune', 'h3']).default('commune'),
    value: z.enum(['count', 'per_1k_households']).default('count'),
    fdr,
    resolution: z.enum(['7', '8']).default('8').transform((r) => (r === '7' ? 7 : 8) as 7 | 8),
    ...periodParams,
  })
  .strict();

const emergingQuery = z.object({ layer, fdr, ...periodParams }).strict();

export function hotspotRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>()
    .get('/', access('analyst'), deps.heavy, ...deps.data, async (c) => {
      const dataset = c.get('dataset');
      const input = readQuery(c, hotspotQuery);
      const period = resolvePeriod(input, dataset.period);
      const k = suppressionK(c.get('session'), deps.config.privacyK);
      if (input.unit === 'commune') {
        return c.json(await communeHotspots(dataset, { layer: input.layer, value: input.value, fdr: input.fdr, period, k }));
      }
      if (input.value !== 'count' || input.layer !== 'tips') {
        throw badRequest('unsupported_combination', 'Invalid request: unit=h3 supports layer=tips with value=count only (cells have no census households).', {
          parameter: 'unit',
        });
      }
      return c.json(await h3Hotspots(dataset, { resolution: input.resolution, fdr: input.fdr, period, k }));
    })
    .get('/emerging', access('analyst'), deps.heavy, ...deps.data, async (c) => {
      const dataset = c.get('dataset');
      const input = readQuery(c, emergingQuery);
      const period = resolvePeriod(input, dataset.period);
      const k = suppressionK(c.get('session'), deps.config.privacyK);
      const result = await emergingCommuneHotspots(dataset, { layer: input.layer, fdr: input.fdr, period, k });
      const body: EmergingResponse = {
        method: 'emerging_hot_spot',
        weights: 'queen',
        layer: input.layer,
        fdr: input.fdr,
        period,
        inputs: k > 1 ? 'published_counts' : 'exact_counts',
        ...result,
        synthetic: dataset.synthetic,
      };
      return c.json(body);
    });
}
