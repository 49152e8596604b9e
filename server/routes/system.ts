/** GET /api/health, /api/config and /api/openapi.json. */
import { ENDPOINTS, type HealthResponse } from '#contract/api';
import { defineRoute } from '../http/route';
import { openApiDocument } from '../http/openapi';
import type { RouteDeps } from './deps';

export function systemRoutes(deps: RouteDeps) {
  return [
    defineRoute(ENDPOINTS.getHealth, [], (c) => {
      const state = deps.holder.state;
      const body: HealthResponse =
        state.status === 'ready'
          ? { status: 'ok', dataset: { version: state.dataset.version, synthetic: state.dataset.synthetic } }
          : { status: state.status === 'preparing' ? 'preparing' : 'error', dataset: { version: '', synthetic: true } };
      c.header('Cache-Control', 'no-store');
      return c.json(body, state.status === 'ready' ? 200 : 503);
    }),
    defineRoute(ENDPOINTS.getConfig, deps.data, (c) => {
      const dataset = c.get('dataset');
      return {
        demo: dataset.synthetic,
        synthetic: dataset.synthetic,
        dataset_version: dataset.version,
        period: dataset.period,
        basemap_style_url: deps.config.basemapStyleUrl,
        privacy_k: deps.config.privacyK,
        province: { code: dataset.province.code, name: dataset.province.name, bbox: dataset.province.bbox },
      };
    }),
    defineRoute(ENDPOINTS.getOpenApi, [], () => {
      const state = deps.holder.state;
      return openApiDocument(state.status === 'ready' ? state.dataset.version : 'preparing');
    }),
  ];
}
