/**
 * Response compression with brotli (preferred) or gzip from node:zlib, at a level chosen so that
 * compressing costs little next to producing the body (measured on this 2-core machine, see the
 * README's performance section):
 *   - small bodies (≤ 64 KiB, nearly every JSON answer): brotli 4 / gzip 6, well under a millisecond;
 *   - larger bodies in memory: brotli 1 / gzip 1, about 4× faster for 1–3 % more bytes;
 *   - binary bodies above 1 MiB (Arrow points) and bodies streamed from a file (record exports,
 *     which announce their length): sent as they are. No level is cheap enough there: brotli 0,
 *     the fastest, takes as long as DuckDB's scan for 4.6 MB of points and half of its COPY for a
 *     14 MB CSV, and Float32 coordinates shrink by only ~40 %. The compact export is GeoParquet.
 * Static assets never come here compressed: they are served precompressed at build time.
 */
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Context, MiddlewareHandler } from 'hono';
import { negotiatedEncoding, type Encoding } from './encoding';

/** Below 1 KiB the headers cost more than compression saves. */
const MIN_BYTES = 1024;
/** Up to here the best cheap levels pay off; above, the fast ones. */
const SMALL_BYTES = 64 * 1024;
/** Binary bodies above this, and streamed ones, are sent as they are. */
const LARGE_BYTES = 1024 * 1024;
const COMPRESSIBLE = /^(application\/(json|geo\+json|javascript|vnd\.apache\.arrow\.stream|octet-stream)|text\/|image\/svg)/;
const BINARY = /^application\/(vnd\.apache\.arrow\.stream|octet-stream)/;

const LEVELS = {
  small: { br: 4, gzip: 6 },
  large: { br: 1, gzip: 1 },
} as const;
type Size = keyof typeof LEVELS;

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

function compressBuffer(body: Buffer, encoding: Encoding, size: Size): Promise<Buffer> {
  const level = LEVELS[size][encoding];
  return encoding === 'br'
    ? brotliAsync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: level, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
    : gzipAsync(body, { level });
}

export function compress(): MiddlewareHandler {
  return async function compressMiddleware(c, next) {
    await next();
    const res = c.res;
    if (!res.body || res.headers.has('Content-Encoding') || c.req.method === 'HEAD') return;
    const type = res.headers.get('Content-Type') ?? '';
    if (!COMPRESSIBLE.test(type)) return;
    const encoding = negotiatedEncoding(c);
    if (!encoding) return;
    const headers = new Headers(res.headers);
    headers.append('Vary', 'Accept-Encoding');
    // A body that says its length before it is read is a file being streamed: left as it is.
    if (Number(res.headers.get('Content-Length') ?? 0) > LARGE_BYTES) return replaceResponse(c, new Response(res.body, { status: res.status, headers }));
    const body = Buffer.from(await res.arrayBuffer());
    if (body.length < MIN_BYTES || (body.length > LARGE_BYTES && BINARY.test(type))) {
      return replaceResponse(c, new Response(body, { status: res.status, headers }));
    }
    const compressed = await compressBuffer(body, encoding, body.length <= SMALL_BYTES ? 'small' : 'large');
    headers.set('Content-Encoding', encoding);
    headers.set('Content-Length', String(compressed.length));
    replaceResponse(c, new Response(compressed as Uint8Array<ArrayBuffer>, { status: res.status, headers }));
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
