/** GET /api/timeseries — counts per year or month for the province, a district or a commune. */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../http/app-env';
import { access } from '../auth/access';
import type { TimeseriesResponse } from '#contract/api';
import { ApiError, badRequest } from '../http/errors';
import { suppressionK } from '../privacy/policy';
import { hiddenUnits } from '../privacy/hidden-units';
import { suppressedKeys } from '../privacy/suppression';
import { TIMESERIES_LAYERS, timeseries } from '../queries/timeseries';
import { periodParams, readQuery, resolvePeriod, unitCode } from '../http/request-input';
import type { RouteDeps } from './deps';

const query = z
  .object({
    layer: z.enum(TIMESERIES_LAYERS),
    interval: z.enum(['year', 'month']).default('year'),
    level: z.enum(['province', 'district', 'commune']).default('province'),
    code: unitCode.optional(),
    ...periodParams,
  })
  .strict();

const SENSITIVE_LAYERS = new Set(['tips', 'events']);

export function timeseriesRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>().get('/', access('viewer'), ...deps.data, async (c) => {
    const dataset = c.get('dataset');
    const input = readQuery(c, query);
    const period = resolvePeriod(input, dataset.period);
    const code = input.level === 'province' ? (input.code ?? dataset.province.code) : input.code;
    if (!code) throw badRequest('missing_parameter', `Invalid request: code is required for level=${input.level}.`, { parameter: 'code' });
    const unit = dataset.unitByCode.get(code);
    if (!unit) throw new ApiError(404, 'unknown_unit', `There is no unit with code ${code} in the 2019 units.`);
    if (unit.level !== input.level) {
      throw badRequest('invalid_parameter', `Invalid request: ${code} is a ${unit.level}, not a ${input.level}.`, { parameter: 'code' });
    }
    const series = await timeseries(dataset, input.layer, input.interval, { level: unit.level, code }, period);
    // Province series are published totals; a smaller unit's periods add up to its total on the
    // map for the same period: all hidden when that total is hidden, else 0 or ≥ 2 of them.
    const k = SENSITIVE_LAYERS.has(input.layer) && unit.level !== 'province' ? suppressionK(c.get('session'), deps.config.privacyK) : 0;
    const totalHidden =
      k > 1 && unit.level !== 'province' && (await hiddenUnits(dataset, input.layer as 'tips' | 'events', unit.level, period, k)).has(unit.code);
    const hidden = totalHidden ? new Set(series.map((p) => p.period)) : suppressedKeys(series.map((p) => ({ key: p.period, count: p.value })), k);
    const body: TimeseriesResponse = {
      layer: input.layer,
      interval: input.interval,
      scope: { level: unit.level, code: unit.code, name: unit.name },
      period,
      series: series.map((p) => (hidden.has(p.period) ? { period: p.period, value: null, suppressed: true } : p)),
      synthetic: dataset.synthetic,
    };
    return c.json(body);
  });
}
