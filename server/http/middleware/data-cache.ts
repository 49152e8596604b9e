/**
 * Conditional GET for data responses. A response depends only on the data version, the URL and
 * who asks (role, privacy threshold), so the ETag is a hash of exactly those and a matching
 * If-None-Match answers 304 without touching DuckDB.
 */
import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env';

/** `privacy` fingerprints the privacy settings: other settings give other protected answers. */
export function dataCache(privacy: string): MiddlewareHandler<AppEnv> {
  return async function dataCacheMiddleware(c, next) {
    if (c.req.method !== 'GET') return next();
    const dataset = c.get('dataset');
    const role = c.get('session')?.role ?? 'public';
    const url = new URL(c.req.url);
    const tag = createHash('sha256')
      .update(`${dataset.version}\n${role}\n${privacy}\n${url.pathname}?${url.searchParams.toString()}`)
      .digest('base64url')
      .slice(0, 27);
    const etag = `W/"${tag}"`;
    const cacheControl = 'private, no-cache';
    const presented = c.req.header('If-None-Match');
    if (presented && presented.split(',').some((t) => t.trim() === etag)) {
      return c.body(null, 304, { ETag: etag, 'Cache-Control': cacheControl, Vary: 'Cookie' });
    }
    await next();
    if (c.res.status === 200) {
      c.res.headers.set('ETag', etag);
      c.res.headers.set('Cache-Control', cacheControl);
      c.res.headers.append('Vary', 'Cookie');
    }
  };
}
