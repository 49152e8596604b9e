/** Records every data request (who, which route, which filters, outcome) in the audit log. */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env';
import type { AuditLog } from '../../state/audit-log';

export function audited(log: AuditLog, action = 'read'): MiddlewareHandler<AppEnv> {
  return async function auditMiddleware(c, next) {
    let status = 500;
    try {
      await next();
      status = c.res.status;
    } finally {
      const session = c.get('session');
      void log.record({
        user: session?.username ?? null,
        role: session?.role ?? null,
        action,
        method: c.req.method,
        path: c.req.path,
        params: c.req.query(),
        status,
      });
    }
  };
}
