/**
 * Response compression with brotli (preferred) or gzip from node:zlib, for text and binary
 * bodies above a small size. Brotli at a low quality: most of the gain, a fraction of the CPU.
 */
import { promisify } from 'node:util';
import { brotliCompress, gzip, constants } from 'node:zlib';
import type { Context, MiddlewareHandler } from 'hono';

/** Below 1 KiB the headers cost more than compression saves. */
const MIN_BYTES = 1024;
/** Brotli quality 4: close to gzip -9 ratios at gzip -1 speed. */
const BROTLI_QUALITY = 4;
const COMPRESSIBLE = /^(application\/(json|geo\+json|javascript|vnd\.apache\.arrow\.stream|octet-stream)|text\/|image\/svg)/;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

export function compress(): MiddlewareHandler {
  return async function compressMiddleware(c, next) {
    await next();
    const res = c.res;
    if (!res.body || res.headers.has('Content-Encoding') || c.req.method === 'HEAD') return;
    if (!COMPRESSIBLE.test(res.headers.get('Content-Type') ?? '')) return;
    const accepted = c.req.header('Accept-Encoding') ?? '';
    const encoding = /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : null;
    if (!encoding) return;
    const body = Buffer.from(await res.arrayBuffer());
    const headers = new Headers(res.headers);
    headers.append('Vary', 'Accept-Encoding');
    if (body.length < MIN_BYTES) {
      replaceResponse(c, new Response(body, { status: res.status, headers }));
      return;
    }
    const compressed =
      encoding === 'br'
        ? await brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
        : await gzipAsync(body);
    headers.set('Content-Encoding', encoding);
    headers.set('Content-Length', String(compressed.length));
    replaceResponse(c, new Response(compressed, { status: res.status, headers }));
  };
}

/**
 * Hono copies the old response's headers over a response assigned to c.res, which would put
 * back the uncompressed Vary (dropping Accept-Encoding); `headers` already holds every old header.
 */
function replaceResponse(c: Context, response: Response): void {
  c.res = undefined;
  c.res = response;
}
