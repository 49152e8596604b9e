/**
 * Sliding-window rate limiting in memory, keyed per client (user or address): at most `limit`
 * requests in any `windowMs`, so no window boundary lets a double burst through. Enough for one
 * server process; a reverse proxy would do this across processes.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env';
import { ApiError } from '../../errors';

/** Clients tracked at most; beyond it the least recent is forgotten (memory bound). */
const MAX_KEYS = 10_000;

export interface RateLimitOptions {
  /** Requests allowed per window and key. */
  limit: number;
  windowMs: number;
  key: (c: Context<AppEnv>) => string;
  now?: () => number;
}

export function rateLimit(options: RateLimitOptions): MiddlewareHandler<AppEnv> {
  const now = options.now ?? Date.now;
  /** Per key, the times of its requests inside the window, oldest first. */
  const recent = new Map<string, number[]>();
  return async function rateLimitMiddleware(c, next) {
    const t = now();
    const key = options.key(c);
    const times = recent.get(key) ?? [];
    while (times.length > 0 && times[0]! <= t - options.windowMs) times.shift();
    recent.delete(key);
    recent.set(key, times);
    if (recent.size > MAX_KEYS) recent.delete(recent.keys().next().value!);
    if (times.length >= options.limit) {
      const retryAfter = Math.max(1, Math.ceil((times[0]! + options.windowMs - t) / 1000));
      c.header('Retry-After', String(retryAfter));
      throw new ApiError(429, 'rate_limited', `Quá nhiều yêu cầu; hãy thử lại sau ${retryAfter} giây. / Too many requests; try again in ${retryAfter} s.`, {
        retry_after_seconds: retryAfter,
      });
    }
    times.push(t);
    await next();
  };
}

/** The client address as seen by the server socket (no proxy headers trusted by default). */
export function clientAddress(c: Context): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
}
