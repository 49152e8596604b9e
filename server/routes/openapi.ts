/** GET /api/openapi.json — the API description. */
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env';
import { access } from '../auth/access';
import { openApiDocument } from '../http/openapi';
import type { RouteDeps } from './deps';

export function openApiRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>().get('/', access('viewer'), (c) => {
    const state = deps.holder.state;
    return c.json(openApiDocument(state.status === 'ready' ? state.dataset.version : 'preparing'));
  });
}
