/**
 * /api/users — account administration (admin only). A change takes effect only once its audit
 * entry is on disk (else 503 and nothing changed); a refused change is logged with its reason.
 */
import type { Context } from 'hono';
import { ENDPOINTS } from '#contract/api';
import { UserError } from '../auth/users';
import { ApiError } from '../errors';
import type { AppEnv } from '../http/app-env';
import { auditRecord, recordOrRefuse, recordWhenPossible } from '../http/middleware/audit';
import { defineRoute } from '../http/route';
import type { RouteDeps } from './deps';

/** File-system failures of the users file: the state directory is full, read-only or gone. */
const STATE_ERRORS = new Set(['ENOSPC', 'EROFS', 'EACCES', 'EPERM', 'EDQUOT', 'EIO', 'ENOENT']);

function asApiError(error: unknown): unknown {
  if (error instanceof UserError) {
    const status = error.code === 'user_exists' ? 409 : error.code === 'unknown_user' ? 404 : 400;
    return new ApiError(status, error.code, error.message);
  }
  if (STATE_ERRORS.has((error as NodeJS.ErrnoException)?.code ?? '')) {
    return new ApiError(
      503,
      'state_unavailable',
      'Không lưu được danh sách tài khoản; hãy báo quản trị viên kiểm tra thư mục trạng thái (TLG_STATE_DIR). Không có gì thay đổi. / ' +
        'The accounts file cannot be written; ask the administrator to check the state directory (TLG_STATE_DIR). Nothing was changed.',
    );
  }
  return error;
}

function ownAccount(): ApiError {
  return new ApiError(
    409,
    'own_account',
    'Không thể xóa tài khoản đang đăng nhập; hãy nhờ một quản trị viên khác. / You cannot remove the account you are logged in as; ask another administrator.',
  );
}

/** Applies an account change whose entry must be on disk before the change takes effect. */
async function auditedChange<T>(
  c: Context<AppEnv>,
  deps: RouteDeps,
  change: { action: string; params: Record<string, string>; status: number },
  apply: (beforeCommit: () => Promise<void>) => Promise<T>,
): Promise<T> {
  const { action, params, status } = change;
  try {
    return await apply(() => recordOrRefuse(c, deps.audit, auditRecord(c, action, status, { params })));
  } catch (error) {
    const refused = asApiError(error);
    if (refused instanceof ApiError && refused.code !== 'audit_unavailable') {
      await recordWhenPossible(c, deps.audit, auditRecord(c, action, refused.status, { params, code: refused.code }));
    }
    throw refused;
  }
}

export function userRoutes(deps: RouteDeps) {
  return [
    defineRoute(ENDPOINTS.listUsers, [], () => ({ users: deps.users.list() })),
    defineRoute(ENDPOINTS.addUser, [], async (c, { body }) => {
      const change = { action: 'user.add', params: { username: body.username, role: body.role }, status: 201 };
      const user = await auditedChange(c, deps, change, (beforeCommit) => deps.users.add(body.username, body.role, body.password, beforeCommit));
      return c.json(user, 201);
    }),
    defineRoute(ENDPOINTS.removeUser, [], async (c, { params }) => {
      const change = { action: 'user.remove', params: { username: params.username }, status: 204 };
      await auditedChange(c, deps, change, (beforeCommit) => {
        // An admin removing themselves would end their own session and could leave no admin.
        if (params.username === c.get('session')?.username) throw ownAccount();
        return deps.users.remove(params.username, beforeCommit);
      });
      deps.sessions.deleteUser(params.username);
      return c.body(null, 204);
    }),
  ];
}
