/** Which responses the compression middleware compresses, and at which cost class. */
import { Hono } from 'hono';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compress } from '../../../server/http/middleware/compress';

const MiB = 1024 * 1024;
const text = (bytes: number) => 'tổ liên gia,08944,2021-03-01\r\n'.repeat(Math.ceil(bytes / 31)).slice(0, bytes);

function app() {
  const hono = new Hono();
  hono.use('*', compress());
  hono.get('/json/:bytes', (c) => c.body(text(Number(c.req.param('bytes'))), 200, { 'Content-Type': 'application/json' }));
  hono.get('/arrow/:bytes', (c) => c.body(new Uint8Array(Number(c.req.param('bytes'))).fill(7), 200, { 'Content-Type': 'application/vnd.apache.arrow.stream' }));
  hono.get('/file/:bytes', (c) => {
    const body = Buffer.from(text(Number(c.req.param('bytes'))));
    return c.body(new Blob([body]).stream(), 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Length': String(body.length) });
  });
  return hono;
}

const get = (path: string, encoding = 'gzip, deflate, br') => app().request(path, { headers: { 'accept-encoding': encoding } });

describe('compress', () => {
  it.each([
    ['br', brotliDecompressSync],
    ['gzip', gunzipSync],
  ] as const)('given a 200 KB JSON body and Accept-Encoding %s, then compressed, and it decodes to the same text', async (encoding, decode) => {
    const res = await get('/json/200000', encoding);
    expect(res.headers.get('content-encoding')).toBe(encoding);
    expect(res.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(decode(Buffer.from(await res.arrayBuffer())).toString()).toBe(text(200000));
  });

  it('given a body under 1 KiB, then it is sent as it is', async () => {
    expect((await get('/json/500')).headers.get('content-encoding')).toBeNull();
  });

  it('given an Arrow body up to 1 MiB, then compressed; above, sent as it is (no level pays for Float32 columns)', async () => {
    expect((await get(`/arrow/${MiB}`)).headers.get('content-encoding')).toBe('br');
    const large = await get(`/arrow/${MiB + 1}`);
    expect(large.headers.get('content-encoding')).toBeNull();
    expect((await large.arrayBuffer()).byteLength).toBe(MiB + 1);
  });

  it('given a streamed file above 1 MiB that says its length, then streamed as it is with that length', async () => {
    const res = await get(`/file/${2 * MiB}`);
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(res.headers.get('content-length')).toBe(String(Buffer.byteLength(text(2 * MiB))));
    expect(Buffer.from(await res.arrayBuffer()).toString()).toBe(text(2 * MiB));
  });

  it('given a client that refuses both encodings, then nothing is compressed', async () => {
    expect((await get('/json/200000', 'gzip;q=0, br;q=0')).headers.get('content-encoding')).toBeNull();
  });
});
