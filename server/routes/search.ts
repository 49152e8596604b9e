/** GET /api/search — find a unit by name, whatever the diacritics, case or spacing. */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../http/app-env';
import { access } from '../auth/access';
import type { SearchHit } from '#contract/api';
import { integerParam, MAX_TEXT_PARAM, readQuery } from '../http/request-input';
import type { RouteDeps } from './deps';

/** Ten suggestions fill a dropdown; the province has 147 units in all. */
const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 50;

const query = z
  .object({
    q: z.string().min(1, 'must not be empty').max(MAX_TEXT_PARAM),
    limit: integerParam(1, MAX_LIMIT).default(DEFAULT_LIMIT),
  })
  .strict();

export function searchRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>().get('/', access('viewer'), ...deps.data, (c) => {
    const input = readQuery(c, query);
    const hits: SearchHit[] = c.get('dataset').search.search(input.q, input.limit);
    return c.json(hits);
  });
}
