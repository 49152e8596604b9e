/**
 * Every route declares who may call it with `access(level)`, its first middleware. The
 * declaration is kept on the middleware function, so a test can walk `app.routes` and fail on
 * a route that declares nothing.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env';
import { ApiError } from '../../errors';
import { roleAtLeast, type Access } from '../../auth/roles';

export const ACCESS_DECLARATION = Symbol('tlg.access');

export type AccessMiddleware = MiddlewareHandler<AppEnv> & { [ACCESS_DECLARATION]: Access };

export function access(level: Access): AccessMiddleware {
  const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (level !== 'public') {
      const session = c.get('session');
      if (!session) throw new ApiError(401, 'unauthenticated', 'Bạn cần đăng nhập để dùng phần này của API. / Please log in to use this part of the API.');
      if (!roleAtLeast(session.role, level)) {
        throw new ApiError(403, 'forbidden', `Phần này cần vai trò ${level}; bạn đang đăng nhập với vai trò ${session.role}. / This needs the ${level} role; you are logged in as ${session.role}.`, {
          required: level,
          role: session.role,
        });
      }
    }
    await next();
  };
  return Object.assign(middleware, { [ACCESS_DECLARATION]: level });
}

export function declaredAccess(handler: unknown): Access | undefined {
  return typeof handler === 'function' ? (handler as Partial<AccessMiddleware>)[ACCESS_DECLARATION] : undefined;
}
