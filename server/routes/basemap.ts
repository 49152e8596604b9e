/** GET /api/basemap/context: the neighbouring provinces, rivers and towns drawn around the province. */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-env';
import { access } from '../auth/access';
import { readQuery } from '../validation';
import type { RouteDeps } from './deps';

/** The context has no variants: any parameter is a mistake worth a 400. */
const contextQuery = z.object({}).strict();

export function basemapRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>().get('/context', access('viewer'), ...deps.data, (c) => {
    readQuery(c, contextQuery);
    return c.body(c.get('dataset').contextGeojson, 200, { 'Content-Type': 'application/geo+json; charset=utf-8' });
  });
}
