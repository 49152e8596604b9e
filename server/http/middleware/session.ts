/**
 * Reads the session cookie into `c.get('session')` and enforces CSRF on state-changing requests:
 * every non-GET request of a logged-in session must carry the session's token in X-CSRF-Token.
 * Logging in is the one exception (there is no session yet): it takes only JSON from our own
 * origin instead (middleware/login-request.ts).
 */
import { getCookie } from 'hono/cookie';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env';
import { csrfMatches, SESSION_COOKIE, type SessionStore } from '../../auth/sessions';
import { ApiError } from '../../errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'X-CSRF-Token';

export function sessionMiddleware(sessions: SessionStore, loginPath: string): MiddlewareHandler<AppEnv> {
  return async function session(c, next) {
    const current = sessions.get(getCookie(c, SESSION_COOKIE));
    c.set('session', current);
    const isLogin = c.req.method === 'POST' && c.req.path === loginPath;
    if (!SAFE_METHODS.has(c.req.method) && !isLogin) {
      if (!current) throw new ApiError(401, 'unauthenticated', 'Bạn cần đăng nhập để dùng phần này của API. / Please log in to use this part of the API.');
      if (!csrfMatches(current, c.req.header(CSRF_HEADER))) {
        throw new ApiError(403, 'csrf_failed', `Yêu cầu này cần tiêu đề ${CSRF_HEADER} lấy từ GET /api/session. / This request needs the ${CSRF_HEADER} header from GET /api/session.`);
      }
    }
    await next();
  };
}
