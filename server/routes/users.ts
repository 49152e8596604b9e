/** /api/users — account administration (admin only). */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../http/app-env';
import { access } from '../auth/access';
import { ROLES } from '../auth/roles';
import { UserError } from '../auth/users';
import { ApiError } from '../http/errors';
import { readJson } from '../http/request-input';
import type { RouteDeps } from './deps';

const newUser = z
  .object({ username: z.string().max(40), role: z.enum(ROLES), password: z.string().max(1000) })
  .strict();

function asApiError(error: unknown): unknown {
  if (!(error instanceof UserError)) return error;
  const status = error.code === 'user_exists' ? 409 : error.code === 'unknown_user' ? 404 : 400;
  return new ApiError(status, error.code, error.message);
}

export function userRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>()
    .get('/', access('admin'), (c) => c.json({ users: deps.users.list() }))
    .post('/', access('admin'), async (c) => {
      const input = await readJson(c, newUser);
      try {
        const user = await deps.users.add(input.username, input.role, input.password);
        void deps.audit.record({ user: c.get('session')?.username ?? null, role: 'admin', action: 'user.add', method: 'POST', path: c.req.path, params: { username: input.username, role: input.role }, status: 201 });
        return c.json(user, 201);
      } catch (error) {
        throw asApiError(error);
      }
    })
    .delete('/:username', access('admin'), async (c) => {
      const username = c.req.param('username');
      try {
        await deps.users.remove(username);
      } catch (error) {
        throw asApiError(error);
      }
      deps.sessions.deleteUser(username);
      void deps.audit.record({ user: c.get('session')?.username ?? null, role: 'admin', action: 'user.remove', method: 'DELETE', path: c.req.path, params: { username }, status: 204 });
      return c.body(null, 204);
    });
}
