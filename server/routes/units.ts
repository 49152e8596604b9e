/** GET /api/units (boundaries as GeoJSON) and GET /api/units/{code} (one unit's profile). */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../http/app-env';
import { access } from '../auth/access';
import { UNIT_LEVELS, UNIT_VERSIONS } from '#contract';
import { badRequest, ApiError } from '../http/errors';
import { suppressionK } from '../privacy/policy';
import { unitProfile } from '../services/unit-profile';
import { periodParams, readQuery, resolvePeriod, unitCode } from '../http/request-input';
import type { RouteDeps } from './deps';

const listQuery = z
  .object({ level: z.enum(UNIT_LEVELS).default('commune'), version: z.enum(UNIT_VERSIONS).default('2019') })
  .strict();

const profileQuery = z.object(periodParams).strict();

export function unitRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>()
    .get('/', access('viewer'), ...deps.data, (c) => {
      const { level, version } = readQuery(c, listQuery);
      const dataset = c.get('dataset');
      if (version === '2025' && level !== 'commune') {
        throw badRequest(
          'unknown_value',
          'Invalid request: the 2025 units have no district level (districts were abolished on 1 July 2025); use level=commune.',
          { parameter: 'level', allowed: ['commune'] },
        );
      }
      const text = version === '2025' ? dataset.geojson['2025'] : dataset.geojson[level];
      return c.body(text, 200, { 'Content-Type': 'application/geo+json; charset=utf-8' });
    })
    .get('/:code', access('viewer'), ...deps.data, async (c) => {
      const code = unitCode.safeParse(c.req.param('code'));
      if (!code.success) throw badRequest('invalid_parameter', 'Invalid request: code must be a GSO unit code (digits only).');
      const dataset = c.get('dataset');
      const unit = dataset.unitByCode.get(code.data);
      if (!unit) throw new ApiError(404, 'unknown_unit', `There is no unit with code ${code.data} in the 2019 units.`);
      const period = resolvePeriod(readQuery(c, profileQuery), dataset.period);
      const k = suppressionK(c.get('session'), deps.config.privacyK);
      return c.json(await unitProfile(dataset, unit, period, k));
    });
}
