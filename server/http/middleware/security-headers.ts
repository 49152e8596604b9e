/**
 * Security headers for every response. The CSP allows only our own origin: scripts without
 * 'unsafe-inline', workers and blobs for MapLibre, data: images for canvas export; inline styles
 * are allowed because MapLibre and React set element styles.
 */
import type { MiddlewareHandler } from 'hono';

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "child-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};

export function securityHeaders(extraConnectSources: string[] = []): MiddlewareHandler {
  const headers = { ...HEADERS };
  if (extraConnectSources.length > 0) {
    headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY.replace(
      "connect-src 'self'",
      `connect-src 'self' ${extraConnectSources.join(' ')}`,
    ).replace("img-src 'self' data: blob:", `img-src 'self' data: blob: ${extraConnectSources.join(' ')}`);
  }
  return async function securityHeadersMiddleware(c, next) {
    await next();
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
  };
}
