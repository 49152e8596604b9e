/** One line per request: method, path, status, duration. Query strings are left out (filters go to the audit log). */
import type { MiddlewareHandler } from 'hono';

export function requestLog(write: (line: string) => void = console.log): MiddlewareHandler {
  return async function requestLogMiddleware(c, next) {
    const started = performance.now();
    await next();
    const ms = performance.now() - started;
    write(`${c.req.method} ${c.req.path} ${c.res.status} ${ms.toFixed(1)}ms`);
  };
}
