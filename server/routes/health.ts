/** GET /api/health — liveness and the data set's version; open to everyone (load balancers, login page). */
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env';
import { access } from '../auth/access';
import type { HealthResponse } from '#contract/api';
import type { RouteDeps } from './deps';

export function healthRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>().get('/', access('public'), (c) => {
    const state = deps.holder.state;
    const body: HealthResponse =
      state.status === 'ready'
        ? { status: 'ok', dataset: { version: state.dataset.version, synthetic: state.dataset.synthetic } }
        : { status: state.status === 'preparing' ? 'preparing' : 'error', dataset: { version: '', synthetic: true } };
    c.header('Cache-Control', 'no-store');
    return c.json(body, state.status === 'ready' ? 200 : 503);
  });
}
