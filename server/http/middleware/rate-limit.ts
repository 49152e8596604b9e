/**
 * Fixed-window rate limiting in memory, keyed per client (IP or session). Enough for one server
 * process; a reverse proxy would do this across processes.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env';
import { ApiError } from '../../errors';

export interface RateLimitOptions {
  /** Requests allowed per window and key. */
  limit: number;
  windowMs: number;
  key: (c: Context<AppEnv>) => string;
  now?: () => number;
}

export function rateLimit(options: RateLimitOptions): MiddlewareHandler<AppEnv> {
  const now = options.now ?? Date.now;
  const windows = new Map<string, { start: number; count: number }>();
  return async function rateLimitMiddleware(c, next) {
    const t = now();
    const key = options.key(c);
    let window = windows.get(key);
    if (!window || t - window.start >= options.windowMs) {
      if (windows.size > 10_000) for (const [k, w] of windows) if (t - w.start >= options.windowMs) windows.delete(k);
      window = { start: t, count: 0 };
      windows.set(key, window);
    }
    window.count += 1;
    if (window.count > options.limit) {
      const retryAfter = Math.ceil((window.start + options.windowMs - t) / 1000);
      c.header('Retry-After', String(retryAfter));
      throw new ApiError(429, 'rate_limited', `Too many requests; try again in ${retryAfter} s.`, { retry_after_seconds: retryAfter });
    }
    await next();
  };
}

/** The client address as seen by the server socket (no proxy headers trusted by default). */
export function clientAddress(c: Context): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
}
