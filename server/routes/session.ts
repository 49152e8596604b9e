/**
 * POST /api/session (log in), GET /api/session (who am I + CSRF token), DELETE /api/session
 * (log out). The session cookie is HttpOnly and SameSite=Strict. Logging in takes only JSON from
 * our own origin (login CSRF), is throttled per address and per account, and every attempt is in
 * the audit log; a session is granted only once its login entry is on disk.
 */
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { ENDPOINTS } from '#contract/api';
import { LoginThrottle } from '../auth/login-throttle';
import { SESSION_COOKIE } from '../auth/sessions';
import { ApiError } from '../errors';
import { auditRecord, recordOrRefuse, recordWhenPossible } from '../http/middleware/audit';
import { loginRequestGuard } from '../http/middleware/login-request';
import { clientAddress } from '../http/middleware/rate-limit';
import { defineRoute } from '../http/route';
import type { RouteDeps } from './deps';

/**
 * A script-readable cookie that only says "a session cookie was set", so the web app can skip
 * asking GET /api/session (a 401, logged as an error by browsers) when nobody has logged in.
 * It carries no secret: the session itself stays in the HttpOnly cookie.
 */
export const SIGNED_IN_MARKER = 'tlg_signed_in';

export function sessionRoutes(deps: RouteDeps) {
  const throttle = new LoginThrottle();
  return [
    defineRoute(ENDPOINTS.login, [loginRequestGuard(deps.config.corsOrigins)], async (c, { body }) => {
      // The name tried is logged only when it is an account: people type passwords into the name field.
      const tried: Record<string, string> = deps.users.has(body.username) ? { username: body.username } : { username_known: 'false' };
      const verdict = throttle.attempt(body.username, clientAddress(c));
      if (!verdict.allowed) {
        const seconds = Math.max(1, Math.ceil(verdict.retryAfterMs / 1000));
        await recordWhenPossible(c, deps.audit, auditRecord(c, 'login.throttled', 429, { params: { ...tried, limit: verdict.reason }, code: 'rate_limited' }));
        c.header('Retry-After', String(seconds));
        throw new ApiError(429, 'rate_limited', `Đăng nhập sai quá nhiều lần; hãy thử lại sau ${seconds} giây. / Too many failed logins; try again in ${seconds} s.`, {
          retry_after_seconds: seconds,
        });
      }
      const user = await deps.users.authenticate(body.username, body.password);
      if (!user) {
        await recordWhenPossible(c, deps.audit, auditRecord(c, 'login.failed', 401, { params: tried, code: 'invalid_credentials' }));
        throw new ApiError(401, 'invalid_credentials', 'Sai tên đăng nhập hoặc mật khẩu. / Wrong username or password.');
      }
      verdict.succeeded();
      await recordOrRefuse(c, deps.audit, auditRecord(c, 'login', 204, { user: user.username, role: user.role, params: {} }));
      deps.sessions.delete(getCookie(c, SESSION_COOKIE));
      const { token } = deps.sessions.create(user.username, user.role);
      const cookie = { sameSite: 'Strict', path: '/', secure: new URL(c.req.url).protocol === 'https:', maxAge: deps.sessions.ttl } as const;
      setCookie(c, SESSION_COOKIE, token, { ...cookie, httpOnly: true });
      setCookie(c, SIGNED_IN_MARKER, '1', cookie);
      return c.body(null, 204);
    }),
    defineRoute(ENDPOINTS.getSession, [], (c) => {
      const session = c.get('session');
      if (!session) throw new ApiError(401, 'unauthenticated', 'Bạn chưa đăng nhập. / Please log in.');
      c.header('Cache-Control', 'no-store');
      return {
        username: session.username,
        role: session.role,
        csrf_token: session.csrfToken,
        expires_at: new Date(session.expiresAt).toISOString(),
      };
    }),
    defineRoute(ENDPOINTS.logout, [], async (c) => {
      deps.sessions.delete(getCookie(c, SESSION_COOKIE));
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      deleteCookie(c, SIGNED_IN_MARKER, { path: '/' });
      // Ending a session must always work; its entry is written when it can be.
      await recordWhenPossible(c, deps.audit, auditRecord(c, 'logout', 204));
      return c.body(null, 204);
    }),
  ];
}
