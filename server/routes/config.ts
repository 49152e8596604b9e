/** GET /api/config — what the web app needs to know about this deployment. */
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env';
import { access } from '../auth/access';
import type { ConfigResponse } from '#contract/api';
import type { RouteDeps } from './deps';

export function configRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>().get('/', access('viewer'), ...deps.data, (c) => {
    const dataset = c.get('dataset');
    const body: ConfigResponse = {
      demo: dataset.synthetic,
      synthetic: dataset.synthetic,
      dataset_version: dataset.version,
      period: dataset.period,
      basemap_style_url: deps.config.basemapStyleUrl,
      privacy_k: deps.config.privacyK,
      province: { code: dataset.province.code, name: dataset.province.name, bbox: dataset.province.bbox },
    };
    return c.json(body);
  });
}
