/**
 * The built web app is served precompressed: the brotli or gzip file written at build time goes
 * out as it is (no compression per request), and the plain file says Vary too.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { webDistDir } from '../../data/paths';
import { ensureWebBuild } from '../../scripts/lib/web-build';
import { rawRequest } from './support/raw-http';

/** vite build and precompression take a while on two cores when the bundle is missing or stale. */
const BUILD_TIMEOUT_MS = 300_000;

let mapChunk: string;
beforeAll(() => {
  ensureWebBuild(() => {});
  mapChunk = readdirSync(path.join(webDistDir(), 'assets')).find((f) => /^MapView-.*\.js$/.test(f))!;
}, BUILD_TIMEOUT_MS);

/** The bytes on the wire (fetch would inflate them). */
const get = (file: string, encoding: string) => rawRequest(`${inject('baseUrl')}/assets/${file}`, { headers: { 'accept-encoding': encoding } });

describe('precompressed static assets', () => {
  it.each([
    ['br', '.br'],
    ['gzip', '.gz'],
    ['gzip, deflate, br, zstd', '.br'],
  ])('given Accept-Encoding: %s, then the map chunk is the %s file built beside it, byte for byte', async (encoding, extension) => {
    const res = await get(mapChunk, encoding);
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe(extension === '.br' ? 'br' : 'gzip');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.body.equals(readFileSync(path.join(webDistDir(), 'assets', mapChunk + extension)))).toBe(true);
  });

  it('given no Accept-Encoding, then the plain file, with Vary: Accept-Encoding all the same', async () => {
    const res = await get(mapChunk, 'identity');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.body.equals(readFileSync(path.join(webDistDir(), 'assets', mapChunk)))).toBe(true);
  });
});
