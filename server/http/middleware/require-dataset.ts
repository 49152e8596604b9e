/** Data routes answer 503 (with Retry-After) while the data set is being prepared or failed to load. */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env';
import type { DatasetHolder } from '../../dataset/holder';
import { ApiError } from '../../errors';

/** Preparing the demo data takes under a minute here; ask clients to come back after a short wait. */
const RETRY_AFTER_SECONDS = 10;

export function requireDataset(holder: DatasetHolder): MiddlewareHandler<AppEnv> {
  return async function requireDatasetMiddleware(c, next) {
    const state = holder.state;
    if (state.status !== 'ready') {
      c.header('Retry-After', String(RETRY_AFTER_SECONDS));
      const message =
        state.status === 'preparing'
          ? 'The data set is being prepared; try again shortly.'
          : `The data set could not be loaded: ${state.message}`;
      throw new ApiError(503, state.status === 'preparing' ? 'data_preparing' : 'data_unavailable', message);
    }
    c.set('dataset', state.dataset);
    await next();
  };
}
