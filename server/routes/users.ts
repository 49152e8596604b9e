/** /api/users — account administration (admin only). */
import { ENDPOINTS } from '#contract/api';
import { UserError } from '../auth/users';
import { ApiError } from '../errors';
import { defineRoute } from '../http/route';
import type { RouteDeps } from './deps';

function asApiError(error: unknown): unknown {
  if (!(error instanceof UserError)) return error;
  const status = error.code === 'user_exists' ? 409 : error.code === 'unknown_user' ? 404 : 400;
  return new ApiError(status, error.code, error.message);
}

export function userRoutes(deps: RouteDeps) {
  return [
    defineRoute(ENDPOINTS.listUsers, [], () => ({ users: deps.users.list() })),
    defineRoute(ENDPOINTS.addUser, [], async (c, { body }) => {
      try {
        const user = await deps.users.add(body.username, body.role, body.password);
        void deps.audit.record({ user: c.get('session')?.username ?? null, role: 'admin', action: 'user.add', method: 'POST', path: c.req.path, params: { username: body.username, role: body.role }, status: 201 });
        return c.json(user, 201);
      } catch (error) {
        throw asApiError(error);
      }
    }),
    defineRoute(ENDPOINTS.removeUser, [], async (c, { params }) => {
      try {
        await deps.users.remove(params.username);
      } catch (error) {
        throw asApiError(error);
      }
      deps.sessions.deleteUser(params.username);
      void deps.audit.record({ user: c.get('session')?.username ?? null, role: 'admin', action: 'user.remove', method: 'DELETE', path: c.req.path, params: { username: params.username }, status: 204 });
      return c.body(null, 204);
    }),
  ];
}
