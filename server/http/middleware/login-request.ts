/**
 * Login CSRF: a page of another site can make the victim's browser POST a form or a text/plain
 * body to /api/session and so log the victim into the attacker's account, where what they do
 * next is the attacker's to read. Logging in therefore takes only a JSON body — which a page of
 * another origin can send only after a CORS preflight we never grant it — and, when the browser
 * names the page's origin, only our own origin (the host the request was sent to) or one listed
 * in TLG_CORS_ORIGINS. Clients that are not browsers send no Origin and are let through: without
 * a victim's browser there is nothing to forge.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env';
import { ApiError } from '../../errors';

const JSON_MEDIA_TYPE = 'application/json';

function isOwnOrigin(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host.toLowerCase();
  } catch {
    return false;
  }
}

export function loginRequestGuard(allowedOrigins: readonly string[]): MiddlewareHandler<AppEnv> {
  const allowed = new Set(allowedOrigins);
  return async function loginRequestGuardMiddleware(c, next) {
    const origin = c.req.header('Origin');
    if (origin !== undefined && !allowed.has(origin) && !isOwnOrigin(origin, c.req.header('Host'))) {
      throw new ApiError(
        403,
        'origin_not_allowed',
        `Không đăng nhập được từ trang của nguồn khác (${origin}); hãy mở ứng dụng tại địa chỉ của nó. / Logging in from a page of another origin (${origin}) is not allowed; open the app at its own address.`,
        { origin },
      );
    }
    const mediaType = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (mediaType !== JSON_MEDIA_TYPE) {
      throw new ApiError(
        415,
        'unsupported_media_type',
        `Thông tin đăng nhập phải gửi dạng JSON (Content-Type: ${JSON_MEDIA_TYPE}). / Credentials must be sent as JSON (Content-Type: ${JSON_MEDIA_TYPE}).`,
        { content_type: mediaType || null, expected: JSON_MEDIA_TYPE },
      );
    }
    await next();
  };
}
