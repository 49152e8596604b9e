/**
 * POST /api/session (log in), GET /api/session (who am I + CSRF token), DELETE /api/session
 * (log out). The session cookie is HttpOnly and SameSite=Strict.
 */
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { ENDPOINTS } from '#contract/api';
import { SESSION_COOKIE } from '../auth/sessions';
import { ApiError } from '../errors';
import { clientAddress, rateLimit } from '../http/middleware/rate-limit';
import { defineRoute } from '../http/route';
import type { RouteDeps } from './deps';

/** Ten attempts a minute per client: plenty for typos, far too few for guessing. */
const LOGIN_ATTEMPTS_PER_MINUTE = 10;
const MINUTE_MS = 60_000;

/**
 * A script-readable cookie that only says "a session cookie was set", so the web app can skip
 * asking GET /api/session (a 401, logged as an error by browsers) when nobody has logged in.
 * It carries no secret: the session itself stays in the HttpOnly cookie.
 */
export const SIGNED_IN_MARKER = 'tlg_signed_in';

export function sessionRoutes(deps: RouteDeps) {
  const loginLimit = rateLimit({ limit: LOGIN_ATTEMPTS_PER_MINUTE, windowMs: MINUTE_MS, key: (c) => clientAddress(c) });
  return [
    defineRoute(ENDPOINTS.login, [loginLimit], async (c, { body }) => {
      const user = await deps.users.authenticate(body.username, body.password);
      if (!user) throw new ApiError(401, 'invalid_credentials', 'Wrong username or password.');
      deps.sessions.delete(getCookie(c, SESSION_COOKIE));
      const { token } = deps.sessions.create(user.username, user.role);
      const cookie = { sameSite: 'Strict', path: '/', secure: new URL(c.req.url).protocol === 'https:', maxAge: deps.sessions.ttl } as const;
      setCookie(c, SESSION_COOKIE, token, { ...cookie, httpOnly: true });
      setCookie(c, SIGNED_IN_MARKER, '1', cookie);
      void deps.audit.record({ user: user.username, role: user.role, action: 'login', method: 'POST', path: c.req.path, params: {}, status: 204 });
      return c.body(null, 204);
    }),
    defineRoute(ENDPOINTS.getSession, [], (c) => {
      const session = c.get('session');
      if (!session) throw new ApiError(401, 'unauthenticated', 'Please log in.');
      c.header('Cache-Control', 'no-store');
      return {
        username: session.username,
        role: session.role,
        csrf_token: session.csrfToken,
        expires_at: new Date(session.expiresAt).toISOString(),
      };
    }),
    defineRoute(ENDPOINTS.logout, [], (c) => {
      deps.sessions.delete(getCookie(c, SESSION_COOKIE));
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      deleteCookie(c, SIGNED_IN_MARKER, { path: '/' });
      return c.body(null, 204);
    }),
  ];
}
