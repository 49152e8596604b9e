/** Every data request gets the informant figures its role may see: exact for admins, protected below. */
import type { MiddlewareHandler } from 'hono';
import { exactFigures } from '../../services/figures/exact-figures';
import { protectedFigures } from '../../services/figures/protected-figures';
import type { PrivacySettings } from '../../services/figures/release-tables';
import type { AppEnv } from '../app-env';

export function informantFigures(settings: PrivacySettings): MiddlewareHandler<AppEnv> {
  return async function informantFiguresMiddleware(c, next) {
    const dataset = c.get('dataset');
    c.set('figures', c.get('session')?.role === 'admin' ? exactFigures(dataset) : protectedFigures(dataset, settings));
    await next();
  };
}
