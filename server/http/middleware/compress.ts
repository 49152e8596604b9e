/**
 * Response compression with brotli (preferred) or gzip from node:zlib, for text and binary
 * bodies above a small size. Brotli at a low quality: most of the gain, a fraction of the CPU.
 */
import { promisify } from 'node:util';
import { brotliCompress, gzip, constants } from 'node:zlib';
import type { Context, MiddlewareHandler } from 'hono';
import { accepts } from 'hono/accepts';

/** Below 1 KiB the headers cost more than compression saves. */
const MIN_BYTES = 1024;
/** Brotli quality 4: close to gzip -9 ratios at gzip -1 speed. */
const BROTLI_QUALITY = 4;
const COMPRESSIBLE = /^(application\/(json|geo\+json|javascript|vnd\.apache\.arrow\.stream|octet-stream)|text\/|image\/svg)/;

/** Our preference when the client weighs several equally: brotli compresses best. */
const ENCODINGS = ['br', 'gzip'] as const;
const IDENTITY = 'identity';

const brotli = promisify(brotliCompress);

/**
 * The encoding to answer in, by the client's q-values ("gzip, br;q=0" refuses brotli; "*" stands
 * for any encoding not named), ties broken by our preference.
 */
function negotiatedEncoding(c: Context): (typeof ENCODINGS)[number] | null {
  const chosen = accepts(c, {
    header: 'Accept-Encoding',
    supports: [...ENCODINGS],
    default: IDENTITY,
    match: (offers, { supports, default: fallback }) => {
      const quality = (encoding: string) => (offers.find((o) => o.type.toLowerCase() === encoding) ?? offers.find((o) => o.type === '*'))?.q ?? 0;
      let best = fallback;
      let bestQuality = 0;
      for (const encoding of supports) {
        const q = quality(encoding);
        if (q > bestQuality) [best, bestQuality] = [encoding, q];
      }
      return best;
    },
  });
  return chosen === IDENTITY ? null : (chosen as (typeof ENCODINGS)[number]);
}
const gzipAsync = promisify(gzip);

export function compress(): MiddlewareHandler {
  return async function compressMiddleware(c, next) {
    await next();
    const res = c.res;
    if (!res.body || res.headers.has('Content-Encoding') || c.req.method === 'HEAD') return;
    if (!COMPRESSIBLE.test(res.headers.get('Content-Type') ?? '')) return;
    const encoding = negotiatedEncoding(c);
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
