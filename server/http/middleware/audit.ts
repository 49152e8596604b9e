/**
 * The API's audit trail. A data answer leaves only once its entry is on disk, and becomes a 503
 * when the entry cannot be written (fail closed); refusals (401, 403) are logged too; routes log
 * logins and account changes with the same helpers.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env';
import { ApiError } from '../../errors';
import type { AuditLog, AuditRecord } from '../../state/audit-log';
import { clientAddress } from './rate-limit';

/** A full or read-only disk takes a person to fix: clients should not come back within seconds. */
const RETRY_AFTER_SECONDS = 30;

/** Statuses of refused requests, logged even where no route logs them. */
const DENIALS = new Set([401, 403]);

/** Requests whose entry is already taken care of: an outer `audited` (export) or a route's own. */
const claimed = new WeakSet<Request>();

export function auditUnavailable(): ApiError {
  return new ApiError(
    503,
    'audit_unavailable',
    'Không ghi được nhật ký kiểm tra nên yêu cầu không được trả lời; hãy báo quản trị viên kiểm tra thư mục trạng thái (TLG_STATE_DIR). / ' +
      'The audit log cannot be written, so the request is not answered; ask the administrator to check the state directory (TLG_STATE_DIR).',
    { retry_after_seconds: RETRY_AFTER_SECONDS },
  );
}

/** The entry of this request: who (from the session), what, from where, with which parameters. */
export function auditRecord(c: Context<AppEnv>, action: string, status: number, extra: Partial<AuditRecord> = {}): AuditRecord {
  const session = c.get('session');
  return {
    user: session?.username ?? null,
    role: session?.role ?? null,
    action,
    method: c.req.method,
    path: c.req.path,
    params: c.req.query(),
    status,
    address: clientAddress(c),
    ...extra,
  };
}

/** Writes the entry or throws the 503: for answers that grant something (a session, an account change). */
export async function recordOrRefuse(c: Context<AppEnv>, log: AuditLog, record: AuditRecord): Promise<void> {
  claimed.add(c.req.raw);
  try {
    await log.record(record);
  } catch {
    c.header('Retry-After', String(RETRY_AFTER_SECONDS));
    throw auditUnavailable();
  }
}

/**
 * Writes the entry and waits for it, but answers anyway when it cannot be written: for refusals,
 * which disclose nothing, and logouts, which must always work (the log reports its failure on stderr).
 */
export async function recordWhenPossible(c: Context<AppEnv>, log: AuditLog, record: AuditRecord): Promise<void> {
  claimed.add(c.req.raw);
  await log.record(record).catch(() => {});
}

/**
 * Every data request: answered only after its entry (who, route, filters, outcome) is on disk.
 * `details` adds to the entry what only the answer knows (the admin routes' outcomes).
 */
export function audited(log: AuditLog, action = 'read', details?: (c: Context<AppEnv>) => Partial<AuditRecord>): MiddlewareHandler<AppEnv> {
  return async function auditMiddleware(c, next) {
    if (claimed.has(c.req.raw)) return next();
    claimed.add(c.req.raw);
    await next();
    try {
      await log.record(auditRecord(c, action, c.res.status, details?.(c)));
    } catch {
      await c.res.body?.cancel();
      // Unset first: Hono would copy the aggregate's headers (ETag, Content-Disposition) onto the refusal.
      c.res = undefined;
      c.res = new Response(JSON.stringify(auditUnavailable().toBody()), {
        status: 503,
        headers: { 'Content-Type': 'application/json', 'Retry-After': String(RETRY_AFTER_SECONDS), 'Cache-Control': 'no-store' },
      });
    }
  };
}

/** Every 401 and 403 of the API that no route or data middleware logged itself, with its error code. */
export function auditedDenials(log: AuditLog): MiddlewareHandler<AppEnv> {
  return async function denialAuditMiddleware(c, next) {
    await next();
    if (!DENIALS.has(c.res.status) || claimed.has(c.req.raw)) return;
    const code = c.error instanceof ApiError ? c.error.code : undefined;
    await recordWhenPossible(c, log, auditRecord(c, 'deny', c.res.status, code ? { code } : {}));
  };
}
