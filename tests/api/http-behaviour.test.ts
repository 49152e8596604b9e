/**
 * What a client sees around the data: security headers on every response, CORS closed unless
 * configured, conditional GET and compression for data, a graceful 503 while the data set is
 * prepared, request logging, body limits, and never a stack trace even when something breaks.
 */
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { createApp } from '../../server/app';
import { SessionStore } from '../../server/auth/sessions';
import { UserStore } from '../../server/auth/users';
import { configFromEnv, type ServerConfig } from '../../server/config';
import { DatasetHolder } from '../../server/dataset/holder';
import { anonymousClient, type ApiClient } from '../support/api-client';
import { expectApiError, hasStackTrace } from './support/error-shape';
import { loginFrom, rawRequest } from './support/raw-http';
import { removeTempStateDirs, tempStateDir } from './support/temp-dirs';
import { sharedSession } from './support/test-server';

const EIGHT_HOURS_S = 8 * 60 * 60;

let viewer: ApiClient;
let anonymous: ApiClient;
/** One in-process app over the demo build, with request logging on, for the tests that look inside. */
let loaded: Awaited<ReturnType<typeof inProcessApp>>;
beforeAll(async () => {
  viewer = await sharedSession('viewer');
  anonymous = anonymousClient();
  loaded = await inProcessApp({ logRequests: true });
});
afterAll(() => {
  loaded?.holder.close();
  removeTempStateDirs();
});

/** An app in this process with its own settings; `withData` opens the demo build, else it stays "preparing". */
async function inProcessApp(overrides: Partial<ServerConfig> = {}, withData = true) {
  const stateDir = tempStateDir('http');
  const holder = new DatasetHolder();
  if (withData) await holder.load(inject('datasetDir'));
  const sessions = new SessionStore(EIGHT_HOURS_S);
  const log: string[] = [];
  const { app } = createApp({
    config: { ...configFromEnv(), stateDir, logRequests: false, ...overrides },
    holder,
    users: await UserStore.open(stateDir),
    sessions,
    log: (line) => log.push(line),
  });
  const cookieFor = (role: 'viewer' | 'analyst' | 'admin') => `tlg_session=${sessions.create(`demo-${role}`, role).token}`;
  return { app, holder, log, cookieFor };
}

describe('security headers', () => {
  const responses: [string, () => Promise<Response>][] = [
    ['public JSON (health)', () => anonymous.get('/api/health')],
    ['data JSON (summary)', () => viewer.get('/api/summary')],
    ['a 401', () => anonymous.get('/api/summary')],
    ['a 404', () => viewer.get('/api/no-such-thing')],
    ['the web app path', () => anonymous.get('/')],
  ];

  it.each(responses)('%s carries a CSP without inline scripts, no framing, nosniff and a referrer policy', async (_label, request) => {
    const res = await request();
    const csp = res.headers.get('content-security-policy') ?? '';
    const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
    expect(directives.get('script-src')).toBeDefined();
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
    expect(directives.get('script-src')).not.toContain("'unsafe-eval'");
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin']).toContain(res.headers.get('referrer-policy'));
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });
});

describe('CORS', () => {
  const foreign = 'https://evil.example';

  it('by default, a foreign origin gets no Access-Control-Allow-Origin on a GET', async () => {
    const res = await viewer.get('/api/summary', { headers: { origin: foreign } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('by default, a preflight from a foreign origin is not granted', async () => {
    const res = await anonymous.get('/api/session', {
      method: 'OPTIONS',
      headers: { origin: foreign, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, x-csrf-token' },
    });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('access-control-allow-methods')).toBeNull();
  });

  it('given a configured origin, then that origin is allowed with credentials and a foreign one still is not', async () => {
    const allowed = 'https://atlas.police.example';
    const { app, cookieFor } = await inProcessApp({ corsOrigins: [allowed] }, false);
    const cookie = cookieFor('viewer');
    const mine = await app.request('/api/session', { headers: { origin: allowed, cookie } });
    expect(mine.headers.get('access-control-allow-origin')).toBe(allowed);
    expect(mine.headers.get('access-control-allow-credentials')).toBe('true');
    const theirs = await app.request('/api/session', { headers: { origin: foreign, cookie } });
    expect(theirs.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('conditional GET', () => {
  it('a data response carries a weak ETag, private no-cache, and varies by cookie', async () => {
    const res = await viewer.get('/api/choropleth?metric=groups_count');
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toMatch(/^W\/"[A-Za-z0-9_-]+"$/);
    expect(res.headers.get('cache-control')).toBe('private, no-cache');
    expect(res.headers.get('vary')).toMatch(/cookie/i);
  });

  it('given If-None-Match with that ETag, then 304 without a body', async () => {
    const first = await viewer.get('/api/summary?from=2020-01-01');
    const etag = first.headers.get('etag')!;
    const again = await viewer.get('/api/summary?from=2020-01-01', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
  });

  it('a different filter has a different ETag', async () => {
    const [a, b] = await Promise.all([viewer.get('/api/summary?from=2020-01-01'), viewer.get('/api/summary?from=2020-01-02')]);
    expect(a.headers.get('etag')).not.toBe(b.headers.get('etag'));
  });

  it('an admin’s ETag never matches a viewer’s, so an exact answer is never revalidated for a viewer', async () => {
    const { app, cookieFor } = loaded;
    const url = '/api/choropleth?metric=tips_count&from=2021-01-01&to=2021-12-31';
    const adminTag = (await app.request(url, { headers: { cookie: cookieFor('admin') } })).headers.get('etag')!;
    const asViewer = await app.request(url, { headers: { cookie: cookieFor('viewer'), 'if-none-match': adminTag } });
    expect(asViewer.status).toBe(200);
    expect(asViewer.headers.get('etag')).not.toBe(adminTag);
  });

  it('health and the session are never cached', async () => {
    expect((await anonymous.get('/api/health')).headers.get('cache-control')).toBe('no-store');
    expect((await viewer.get('/api/session')).headers.get('cache-control')).toBe('no-store');
  });
});

describe('compression', () => {
  /** A viewer cookie for raw requests, from a login on its own loopback address (outside the shared login budget). */
  let cookie: string;
  beforeAll(async () => {
    const res = await loginFrom(inject('baseUrl'), '127.0.3.1', { username: 'demo-viewer', password: inject('demoPassword') });
    cookie = String(res.headers['set-cookie']?.[0]).split(';')[0]!;
  });

  it.each([
    ['br', brotliDecompressSync],
    ['gzip', gunzipSync],
  ] as const)('given Accept-Encoding: %s, then the 100 KB commune boundaries come back compressed and decode to the same GeoJSON', async (encoding, decode) => {
    const url = `${inject('baseUrl')}/api/units?level=commune`;
    const [plain, packed] = await Promise.all([rawRequest(url, { headers: { cookie } }), rawRequest(url, { headers: { 'accept-encoding': encoding, cookie } })]);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(packed.headers['content-encoding']).toBe(encoding);
    expect(packed.headers.vary).toMatch(/accept-encoding/i);
    expect(packed.body.length).toBeLessThan(plain.body.length / 3);
    expect(decode(packed.body).equals(plain.body)).toBe(true);
  });

  it('given Accept-Encoding: br, then the Arrow stream of points is compressed too', async () => {
    const analyst = await loginFrom(inject('baseUrl'), '127.0.3.2', { username: 'demo-analyst', password: inject('demoPassword') });
    const analystCookie = String(analyst.headers['set-cookie']?.[0]).split(';')[0]!;
    const res = await rawRequest(`${inject('baseUrl')}/api/points?layer=models`, { headers: { 'accept-encoding': 'br', cookie: analystCookie } });
    expect(res.headers['content-type']).toBe('application/vnd.apache.arrow.stream');
    expect(res.headers['content-encoding']).toBe('br');
  });

  it.each([
    ['gzip, br;q=0', 'gzip'],
    ['br;q=0.5, gzip;q=0.9', 'gzip'],
    ['gzip, deflate, br, zstd', 'br'],
    ['*', 'br'],
    ['br;q=0, *;q=0.2', 'gzip'],
    ['identity', undefined],
    ['gzip;q=0, br;q=0', undefined],
  ] as const)('given Accept-Encoding: %s, then the answer is encoded as %s (q-values honoured)', async (header, expected) => {
    const res = await rawRequest(`${inject('baseUrl')}/api/units?level=district`, { headers: { 'accept-encoding': header, cookie } });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe(expected);
  });

  it('given a tiny response (health), then it is not compressed even when asked', async () => {
    const res = await rawRequest(`${inject('baseUrl')}/api/health`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.headers['content-encoding']).toBeUndefined();
  });
});

describe('while the data set is being prepared', () => {
  it('health says "preparing" with 503', async () => {
    const { app } = await inProcessApp({}, false);
    const res = await app.request('/api/health');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'preparing' });
  });

  it.each(['/api/summary', '/api/choropleth?metric=groups_count', '/api/units', '/api/search?q=ba', '/api/config', '/api/hotspots', '/api/planner'])(
    '%s answers 503 data_preparing with Retry-After, in the error shape',
    async (url) => {
      const { app, cookieFor } = await inProcessApp({}, false);
      const res = await app.request(url, { headers: { cookie: cookieFor('admin') } });
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      await expectApiError(res, 503, 'data_preparing');
    },
  );

  it('given a build that cannot be loaded, then data routes answer 503 data_unavailable and health says "error"', async () => {
    const { app, holder, cookieFor } = await inProcessApp({}, false);
    await expect(holder.load(path.join(os.tmpdir(), 'no-such-tlg-build'))).rejects.toThrow();
    expect((await app.request('/api/health')).status).toBe(503);
    expect(await (await app.request('/api/health')).json()).toMatchObject({ status: 'error' });
    await expectApiError(await app.request('/api/summary', { headers: { cookie: cookieFor('viewer') } }), 503, 'data_unavailable');
  });
});

describe('odd requests', () => {
  it('an unknown API path → 404 not_found in the error shape', async () => {
    await expectApiError(await viewer.get('/api/no-such-thing'), 404, 'not_found');
  });

  it('a method a route does not have (PUT /api/summary) → 4xx in the error shape', async () => {
    await expectApiError(await viewer.send('PUT', '/api/summary', {}));
  });

  it('a body over 64 KiB → 413 body_too_large', async () => {
    const res = await anonymous.send('POST', '/api/session', { username: 'demo-viewer', password: 'x'.repeat(70 * 1024) });
    await expectApiError(res, 413, 'body_too_large');
  });
});

describe('logging and failures', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('logs one line per request with method, path, status and duration, without the query string', async () => {
    const { app, log, cookieFor } = loaded;
    await app.request('/api/summary?from=2021-01-01&district=252', { headers: { cookie: cookieFor('viewer') } });
    expect(log.at(-1)).toMatch(/^GET \/api\/summary 200 \d+(\.\d+)?ms$/);
  });

  it('given a failure inside the server (a query that throws), then 500 internal_error with a plain sentence, no stack trace', async () => {
    const { app, holder, cookieFor } = loaded;
    if (holder.state.status !== 'ready') throw new Error('the demo build did not load');
    const failure = new Error('IO Error: could not read /work/main/data/build/tlg.duckdb');
    vi.spyOn(holder.state.dataset.db, 'all').mockRejectedValue(failure);
    vi.spyOn(holder.state.dataset.db, 'columns').mockRejectedValue(failure);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    // The grid always queries DuckDB (period totals may come from the rollup's day cache).
    const res = await app.request('/api/grid?layer=groups&to=2020-01-01', { headers: { cookie: cookieFor('viewer') } });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: { code: 'internal_error', message: expect.any(String) } });
    expect(hasStackTrace(text)).toBe(false);
    expect(text).not.toContain('IO Error');
    expect(logged).toHaveBeenCalled();
  });
});

describe('honesty', () => {
  it('/api/config tells the web app this is a demo on simulated data, with k = 5', async () => {
    expect(await viewer.json('/api/config')).toMatchObject({ demo: true, synthetic: true, privacy_k: 5 });
  });

  it('/api/health names the data version and says it is synthetic', async () => {
    const body = (await (await anonymous.get('/api/health')).json()) as { status: string; dataset: { version: string; synthetic: boolean } };
    expect(body.status).toBe('ok');
    expect(body.dataset.synthetic).toBe(true);
    expect(body.dataset.version.length).toBeGreaterThan(0);
  });
});
