/**
 * Sessions and their protections: CSRF tokens on every state-changing request, login only as
 * JSON from our own origin (login CSRF), cookie flags, one answer for every failed login,
 * logout, expiry, login and heavy-route rate limits, and an audit log that names who asked for
 * what — and who was refused — without ever holding a secret.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../server/app';
import { SessionStore } from '../../server/auth/sessions';
import { UserStore } from '../../server/auth/users';
import { configFromEnv } from '../../server/config';
import { DatasetHolder } from '../../server/dataset/holder';
import { expectApiError } from './support/error-shape';
import { loginFrom, rawRequest } from './support/raw-http';
import { removeTempStateDirs, tempStateDir } from './support/temp-dirs';
import { startTestServer, type TestServer } from './support/test-server';

const password = () => inject('demoPassword');

const EIGHT_HOURS_S = 8 * 60 * 60;
/** Just past a 1-second session's end, with room for a slow timer. */
const ONE_SECOND_AND_A_BIT_MS = 1200;

let server: TestServer;
/** Each login comes from its own loopback address, so this file's logins never meet the per-address limit by accident. */
let nextAddress = 10;
const freshAddress = () => `127.0.1.${nextAddress++}`;

interface Session {
  cookie: string;
  csrf: string;
  setCookie: string;
}

async function login(username: string, secret = password()): Promise<Session> {
  const res = await loginFrom(server.url, freshAddress(), { username, password: secret });
  expect(res.status, res.body.toString()).toBe(204);
  const setCookie = String(res.headers['set-cookie']?.[0] ?? '');
  const cookie = setCookie.split(';')[0]!;
  const me = (await (await fetch(`${server.url}/api/session`, { headers: { cookie } })).json()) as { csrf_token: string };
  return { cookie, csrf: me.csrf_token, setCookie };
}

const call = (session: Session | null, method: string, p: string, options: { csrf?: string | null; body?: unknown } = {}) => {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (session) headers.cookie = session.cookie;
  const csrf = options.csrf === undefined ? session?.csrf : options.csrf;
  if (csrf) headers['x-csrf-token'] = csrf;
  return fetch(`${server.url}${p}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
};

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
  removeTempStateDirs();
});

describe('CSRF', () => {
  const stateChanging = [
    { method: 'DELETE', path: '/api/session', role: 'demo-viewer', body: undefined },
    { method: 'POST', path: '/api/planner/what-if', role: 'demo-analyst', body: { code: '08944', groups: 1 } },
    { method: 'POST', path: '/api/planner/allocate', role: 'demo-analyst', body: { groups: 1 } },
    { method: 'POST', path: '/api/users', role: 'demo-admin', body: { username: 'csrf-victim', role: 'admin', password: 'a long enough password' } },
    { method: 'DELETE', path: '/api/users/nobody-at-all', role: 'demo-admin', body: undefined },
  ];
  const sessions = new Map<string, Session>();
  beforeAll(async () => {
    for (const username of ['demo-viewer', 'demo-analyst', 'demo-admin']) sessions.set(username, await login(username));
  });

  it.each(stateChanging)('$method $path without X-CSRF-Token → 403 csrf_failed', async ({ method, path: p, role, body }) => {
    await expectApiError(await call(sessions.get(role)!, method, p, { csrf: null, body }), 403, 'csrf_failed');
  });

  it.each(stateChanging)('$method $path with a wrong X-CSRF-Token → 403 csrf_failed', async ({ method, path: p, role, body }) => {
    await expectApiError(await call(sessions.get(role)!, method, p, { csrf: 'x'.repeat(43), body }), 403, 'csrf_failed');
  });

  it.each(stateChanging)('$method $path with another session’s token → 403 csrf_failed', async ({ method, path: p, role, body }) => {
    const other = [...sessions.entries()].find(([name]) => name !== role)![1];
    await expectApiError(await call(sessions.get(role)!, method, p, { csrf: other.csrf, body }), 403, 'csrf_failed');
  });

  it('after the refused requests, the user was not created and the viewer is still logged in', async () => {
    const users = (await (await call(sessions.get('demo-admin')!, 'GET', '/api/users')).json()) as { users: { username: string }[] };
    expect(users.users.map((u) => u.username)).not.toContain('csrf-victim');
    expect((await call(sessions.get('demo-viewer')!, 'GET', '/api/session')).status).toBe(200);
  });

  it('given no session at all, a state-changing request → 401 (there is nothing to forge)', async () => {
    await expectApiError(await call(null, 'POST', '/api/planner/allocate', { body: { groups: 1 } }), 401, 'unauthenticated');
  });

  it('reading needs no token: GET with the cookie alone → 200', async () => {
    expect((await call(sessions.get('demo-viewer')!, 'GET', '/api/summary', { csrf: null })).status).toBe(200);
  });
});

describe('login CSRF', () => {
  const credentials = () => JSON.stringify({ username: 'demo-viewer', password: password() });
  const attempt = (headers: Record<string, string>, body = credentials()) =>
    rawRequest(`${server.url}/api/session`, { method: 'POST', headers, body, localAddress: freshAddress() });
  const foreign = 'https://evil.example';

  it.each([
    ['text/plain (what a cross-site form or fetch can send without a preflight)', 'text/plain'],
    ['application/x-www-form-urlencoded', 'application/x-www-form-urlencoded'],
    ['multipart/form-data', 'multipart/form-data; boundary=x'],
    ['application/json', 'application/json'],
  ])('given a foreign Origin and a %s body with the right password, then 403 origin_not_allowed and no cookie', async (_label, contentType) => {
    const res = await attempt({ 'content-type': contentType, origin: foreign });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body.toString())).toMatchObject({ error: { code: 'origin_not_allowed' } });
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it.each(['null', 'http://127.0.0.1.evil.example', 'not a url'])('given Origin %j, then 403 and no cookie', async (origin) => {
    const res = await attempt({ 'content-type': 'application/json', origin });
    expect(res.status).toBe(403);
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', ''])('given no Origin but a %j body, then 415 unsupported_media_type and no cookie', async (contentType) => {
    const res = await attempt(contentType ? { 'content-type': contentType } : {});
    expect(res.status).toBe(415);
    expect(JSON.parse(res.body.toString())).toMatchObject({ error: { code: 'unsupported_media_type' } });
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('given JSON from the app’s own origin (what the browser sends on our login page), then 204 and the cookie', async () => {
    const res = await attempt({ 'content-type': 'application/json; charset=utf-8', origin: server.url });
    expect(res.status).toBe(204);
    expect(String(res.headers['set-cookie']?.[0])).toMatch(/^tlg_session=/);
  });

  it('given JSON without an Origin (a client that is not a browser), then 204', async () => {
    expect((await attempt({ 'content-type': 'application/json' })).status).toBe(204);
  });

  it('given an origin listed in TLG_CORS_ORIGINS, then it may log in and another still may not', async () => {
    const allowed = 'https://atlas.police.example';
    const stateDir = tempStateDir('login-origin');
    const users = await UserStore.open(stateDir);
    await users.addDemoUser('demo-viewer', 'viewer', password());
    const { app } = createApp({ config: { ...configFromEnv(), stateDir, logRequests: false, corsOrigins: [allowed] }, holder: new DatasetHolder(), users });
    const post = (origin: string) => app.request('/api/session', { method: 'POST', headers: { 'content-type': 'application/json', origin }, body: credentials() });
    expect((await post(allowed)).status).toBe(204);
    await expectApiError(await post(foreign), 403, 'origin_not_allowed');
  });
});

describe('logging in', () => {
  it('sets the session cookie HttpOnly, SameSite=Strict, for the whole site, for 8 hours', async () => {
    const { setCookie } = await login('demo-viewer');
    expect(setCookie).toMatch(/^tlg_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toMatch(/;\s*HttpOnly/i);
    expect(setCookie).toMatch(/;\s*SameSite=Strict/i);
    expect(setCookie).toMatch(/;\s*Path=\//);
    expect(setCookie).toMatch(new RegExp(`;\\s*Max-Age=${EIGHT_HOURS_S}`));
  });

  it('GET /api/session tells who is logged in, the CSRF token and the expiry, never cached', async () => {
    const session = await login('demo-analyst');
    const res = await call(session, 'GET', '/api/session');
    const body = (await res.json()) as { username: string; role: string; csrf_token: string; expires_at: string };
    expect(body).toMatchObject({ username: 'demo-analyst', role: 'analyst' });
    expect(body.csrf_token).not.toBe(session.cookie.split('=')[1]);
    expect(Math.abs(Date.parse(body.expires_at) - (Date.now() + EIGHT_HOURS_S * 1000))).toBeLessThan(60_000);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('gives the same 401 code and message for an unknown user and for a wrong password', async () => {
    const unknown = await loginFrom(server.url, freshAddress(), { username: 'no-such-user', password: 'whatever password' });
    const wrong = await loginFrom(server.url, freshAddress(), { username: 'demo-admin', password: 'not the password' });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(JSON.parse(unknown.body.toString())).toEqual(JSON.parse(wrong.body.toString()));
    expect(JSON.parse(wrong.body.toString())).toMatchObject({ error: { code: 'invalid_credentials' } });
    expect(unknown.headers['set-cookie']).toBeUndefined();
  });

  it('given a body that is not JSON, then 400 invalid_json', async () => {
    const res = await rawRequest(`${server.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":', localAddress: freshAddress() });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body.toString())).toMatchObject({ error: { code: 'invalid_json' } });
  });

  it('logging in again ends the session the browser had before', async () => {
    const first = await login('demo-viewer');
    const again = await rawRequest(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: first.cookie },
      body: JSON.stringify({ username: 'demo-viewer', password: password() }),
      localAddress: freshAddress(),
    });
    expect(again.status).toBe(204);
    await expectApiError(await call(first, 'GET', '/api/session'), 401, 'unauthenticated');
  });
});

describe('logging out', () => {
  it('DELETE /api/session → 204, clears the cookie, and the old cookie no longer opens anything', async () => {
    const session = await login('demo-analyst');
    const res = await call(session, 'DELETE', '/api/session');
    expect(res.status).toBe(204);
    expect(res.headers.get('set-cookie')).toMatch(/^tlg_session=;.*Max-Age=0/);
    await expectApiError(await call(session, 'GET', '/api/session'), 401, 'unauthenticated');
    await expectApiError(await call(session, 'GET', '/api/summary'), 401, 'unauthenticated');
  });

  it('removing a user ends that user’s sessions at once', async () => {
    const admin = await login('demo-admin');
    const created = await call(admin, 'POST', '/api/users', { body: { username: 'short-lived', role: 'analyst', password: 'a long enough password' } });
    expect(created.status).toBe(201);
    const user = await login('short-lived', 'a long enough password');
    expect(((await (await call(user, 'GET', '/api/session')).json()) as { role: string }).role).toBe('analyst');
    expect((await call(admin, 'DELETE', '/api/users/short-lived')).status).toBe(204);
    await expectApiError(await call(user, 'GET', '/api/summary'), 401, 'unauthenticated');
  });

  it('an admin cannot remove their own account: 409 own_account, still logged in', async () => {
    const admin = await login('demo-admin');
    await expectApiError(await call(admin, 'DELETE', '/api/users/demo-admin'), 409, 'own_account');
    expect((await call(admin, 'GET', '/api/session')).status).toBe(200);
  });
});

describe('session expiry', () => {
  it('given a session store whose clock passes 8 hours, then the session is gone: 401 on reads and writes', async () => {
    let now = Date.parse('2022-10-25T08:00:00Z');
    const stateDir = tempStateDir('expiry');
    const users = await UserStore.open(stateDir);
    await users.addDemoUser('demo-viewer', 'viewer', password());
    const { app } = createApp({
      config: { ...configFromEnv(), stateDir, logRequests: false },
      holder: new DatasetHolder(),
      users,
      sessions: new SessionStore(EIGHT_HOURS_S, () => now),
    });
    const res = await app.request('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'demo-viewer', password: password() }),
    });
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    const me = () => app.request('/api/session', { headers: { cookie } });
    const { csrf_token: csrf } = (await (await me()).json()) as { csrf_token: string };

    now += EIGHT_HOURS_S * 1000 - 1;
    expect((await me()).status).toBe(200);
    now += 1;
    await expectApiError(await me(), 401, 'unauthenticated');
    await expectApiError(await app.request('/api/session', { method: 'DELETE', headers: { cookie, 'x-csrf-token': csrf } }), 401, 'unauthenticated');
  });

  it('given 1-second sessions on the real clock, then the cookie says so and stops working after a second', async () => {
    const stateDir = tempStateDir('short-session');
    const users = await UserStore.open(stateDir);
    await users.addDemoUser('demo-viewer', 'viewer', password());
    const { app } = createApp({ config: { ...configFromEnv(), stateDir, logRequests: false, sessionTtlSeconds: 1 }, holder: new DatasetHolder(), users });
    const res = await app.request('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'demo-viewer', password: password() }),
    });
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/Max-Age=1;/);
    const cookie = setCookie.split(';')[0]!;
    expect((await app.request('/api/session', { headers: { cookie } })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, ONE_SECOND_AND_A_BIT_MS));
    await expectApiError(await app.request('/api/session', { headers: { cookie } }), 401, 'unauthenticated');
  });
});

describe('rate limits', () => {
  it('given 10 failed logins from one address within a minute (ten accounts), then the 11th — even with the right password — gets 429 with Retry-After', async () => {
    const address = '127.0.2.1';
    for (let attempt = 1; attempt <= 10; attempt++) {
      const res = await loginFrom(server.url, address, { username: `someone-${attempt}`, password: `guess number ${attempt}` });
      expect(res.status, `attempt ${attempt}`).toBe(401);
    }
    const blocked = await loginFrom(server.url, address, { username: 'demo-admin', password: password() });
    expect(blocked.status).toBe(429);
    const body = JSON.parse(blocked.body.toString()) as { error: { code: string; details: { retry_after_seconds: number } } };
    expect(body.error.code).toBe('rate_limited');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(blocked.headers['set-cookie']).toBeUndefined();
  });

  it('given one address is blocked, then another address can still log in', async () => {
    const res = await loginFrom(server.url, '127.0.2.2', { username: 'demo-admin', password: password() });
    expect(res.status).toBe(204);
  });

  it('given a guesser’s failures on one account, then the guesser’s address is held back for it — and the right user from another address logs in', async () => {
    const guesser = '127.0.2.3';
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= 7; attempt++) statuses.push((await loginFrom(server.url, guesser, { username: 'demo-analyst', password: `guess ${attempt}` })).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const held = await loginFrom(server.url, guesser, { username: 'demo-analyst', password: password() });
    expect(held.status).toBe(429);
    expect(Number(held.headers['retry-after'])).toBeGreaterThan(0);
    expect((await loginFrom(server.url, '127.0.2.4', { username: 'demo-analyst', password: password() })).status).toBe(204);
  });

  it('given heavy routes limited to 3 a minute, then a user’s 4th request gets 429 while another user still gets through', async () => {
    const stateDir = tempStateDir('heavy-limit');
    const sessions = new SessionStore(EIGHT_HOURS_S);
    // No data loaded: the limit is checked before the data set, so requests that pass it answer 503.
    const { app } = createApp({ config: { ...configFromEnv(), stateDir, logRequests: false, heavyRequestsPerMinute: 3 }, holder: new DatasetHolder(), users: await UserStore.open(stateDir), sessions });
    const cookieOf = (username: string) => `tlg_session=${sessions.create(username, 'analyst').token}`;
    const busy = cookieOf('busy-analyst');
    for (let i = 0; i < 3; i++) await expectApiError(await app.request('/api/points?layer=models', { headers: { cookie: busy } }), 503, 'data_preparing');
    const limited = await app.request('/api/hotspots', { headers: { cookie: busy } });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    await expectApiError(limited, 429, 'rate_limited');
    await expectApiError(await app.request('/api/points?layer=models', { headers: { cookie: cookieOf('other-analyst') } }), 503, 'data_preparing');
  });
});

describe('audit log', () => {
  const auditFile = () => path.join(server.stateDir, 'audit', 'audit.log');
  const readLines = () => readFileSync(auditFile(), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
  const secrets: string[] = [];

  beforeAll(async () => {
    const analyst = await login('demo-analyst');
    const admin = await login('demo-admin');
    secrets.push(password(), analyst.cookie.split('=')[1]!, analyst.csrf, admin.cookie.split('=')[1]!, admin.csrf);
    expect((await call(analyst, 'GET', '/api/summary?from=2021-01-01&to=2021-12-31&district=252')).status).toBe(200);
    expect((await call(analyst, 'GET', '/api/choropleth?metric=tips_count&level=district')).status).toBe(200);
    expect((await call(analyst, 'GET', '/api/summary?password=hunter2-secret&token=tok-secret-123')).status).toBe(400);
    expect((await call(admin, 'GET', '/api/export/tips?from=2022-10-01')).status).toBe(200);
    // Refusals of every kind.
    expect((await call(null, 'GET', '/api/summary?district=252')).status).toBe(401);
    expect((await call(await login('demo-viewer'), 'GET', '/api/planner')).status).toBe(403);
    expect((await call(analyst, 'POST', '/api/planner/allocate', { csrf: null, body: { groups: 1 } })).status).toBe(403);
    expect((await loginFrom(server.url, '127.0.3.1', { username: 'demo-admin', password: 'a wrong guess' })).status).toBe(401);
    expect((await loginFrom(server.url, '127.0.3.1', { username: 'my-secret-passphrase', password: 'a wrong guess' })).status).toBe(401);
    // Account changes, done and refused.
    expect((await call(admin, 'POST', '/api/users', { body: { username: 'audited-user', role: 'viewer', password: 'a long enough password' } })).status).toBe(201);
    expect((await call(admin, 'POST', '/api/users', { body: { username: 'audited-user', role: 'admin', password: 'a long enough password' } })).status).toBe(409);
    expect((await call(admin, 'DELETE', '/api/users/audited-user')).status).toBe(204);
    expect((await call(analyst, 'DELETE', '/api/session')).status).toBe(204);
  });

  it('every line is a whole JSON entry, already on disk when the answers came', () => {
    expect(existsSync(auditFile())).toBe(true);
    expect(readFileSync(auditFile(), 'utf8').endsWith('\n')).toBe(true);
    expect(readLines().length).toBeGreaterThan(10);
  });

  it('names the user, the route and the filters of each data request, with its outcome and time', () => {
    const line = readLines().find((l) => l.path === '/api/summary' && l.status === 200 && l.user === 'demo-analyst');
    expect(line).toMatchObject({ role: 'analyst', action: 'read', method: 'GET', params: { from: '2021-01-01', to: '2021-12-31', district: '252' } });
    expect(Number.isNaN(Date.parse(String(line!.at)))).toBe(false);
  });

  it('records the admin export of raw tips as an export, with its filters', () => {
    expect(readLines().find((l) => l.action === 'export')).toMatchObject({ user: 'demo-admin', path: '/api/export/tips', params: { from: '2022-10-01' }, status: 200 });
  });

  it('records logins without their password', () => {
    expect(readLines().filter((l) => l.action === 'login' && l.user === 'demo-admin').length).toBeGreaterThan(0);
  });

  it('records refusals (401, 403 by role, 403 by CSRF) with their code, user and address', () => {
    const denials = readLines().filter((l) => l.action === 'deny');
    expect(denials).toContainEqual(expect.objectContaining({ user: null, path: '/api/summary', params: { district: '252' }, status: 401, code: 'unauthenticated' }));
    expect(denials).toContainEqual(expect.objectContaining({ user: 'demo-viewer', path: '/api/planner', status: 403, code: 'forbidden' }));
    expect(denials).toContainEqual(expect.objectContaining({ user: 'demo-analyst', method: 'POST', path: '/api/planner/allocate', status: 403, code: 'csrf_failed' }));
    for (const denial of denials) expect(denial.address).toMatch(/^(::ffff:)?127\./);
  });

  it('records failed logins with the account tried — but not a name that is no account (it may be a password typed in the wrong field)', () => {
    const failed = readLines().filter((l) => l.action === 'login.failed' && l.address === '127.0.3.1');
    expect(failed).toEqual([
      expect.objectContaining({ user: null, params: { username: 'demo-admin' }, status: 401, code: 'invalid_credentials' }),
      expect.objectContaining({ user: null, params: { username_known: 'false' }, status: 401, code: 'invalid_credentials' }),
    ]);
    expect(readFileSync(auditFile(), 'utf8')).not.toContain('my-secret-passphrase');
  });

  it('records account changes by the admin who made them, refused ones with their reason, and logouts', () => {
    const changes = readLines().filter((l) => (l.params as { username?: string }).username === 'audited-user');
    expect(changes).toEqual([
      expect.objectContaining({ user: 'demo-admin', action: 'user.add', params: { username: 'audited-user', role: 'viewer' }, status: 201 }),
      expect.objectContaining({ user: 'demo-admin', action: 'user.add', params: { username: 'audited-user', role: 'admin' }, status: 409, code: 'user_exists' }),
      expect.objectContaining({ user: 'demo-admin', action: 'user.remove', params: { username: 'audited-user' }, status: 204 }),
    ]);
    expect(readLines()).toContainEqual(expect.objectContaining({ user: 'demo-analyst', action: 'logout', status: 204 }));
  });

  it('never holds a password, a session cookie or a CSRF token, even when one is sent as a parameter', () => {
    const text = readFileSync(auditFile(), 'utf8');
    for (const secret of [...secrets, 'hunter2-secret', 'tok-secret-123']) expect(text.includes(secret), `secret ${secret.slice(0, 4)}…`).toBe(false);
  });

  it('is readable by the server’s user only (mode 600)', () => {
    expect(statSync(auditFile()).mode & 0o777).toBe(0o600);
  });
});
