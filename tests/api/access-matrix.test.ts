/**
 * Who may call what: every route the server composes declares a role, the OpenAPI document
 * states the same role, and the real server answers each route × {no session, viewer, analyst,
 * admin} with 401, 403 or 2xx exactly as declared.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../server/app';
import { declaredAccess } from '../../server/http/middleware/access';
import { roleAtLeast, type Access, type Role } from '../../server/auth/roles';
import { UserStore } from '../../server/auth/users';
import { configFromEnv } from '../../server/config';
import { DatasetHolder } from '../../server/dataset/holder';
import type { ApiClient } from '../support/api-client';
import { expectApiError, hasStackTrace } from './support/error-shape';
import { prepareAdminSamples, privateStore, removePrivateStores, sendFile, uploadBody } from './support/admin-samples';
import { API_ROUTES, SWITCHES_TO_REAL_DATA, type ApiRoute } from './support/routes';
import { removeTempStateDirs, tempStateDir } from './support/temp-dirs';
import { startTestServer, type TestServer } from './support/test-server';

const key = (method: string, pattern: string) => `${method} ${pattern}`;
const catalogue = new Map(API_ROUTES.map((r) => [key(r.method, r.pattern), r.access]));

async function composedRoutes(): Promise<Map<string, Access | undefined>> {
  const stateDir = tempStateDir('access-matrix');
  const { app } = createApp({
    config: { ...configFromEnv(), stateDir, logRequests: false },
    holder: new DatasetHolder(),
    users: await UserStore.open(stateDir),
  });
  const routes = new Map<string, Access | undefined>();
  for (const route of app.routes) {
    if (route.method === 'ALL' || !route.path.startsWith('/api/')) continue;
    const declared = declaredAccess(route.handler);
    const k = key(route.method, route.path);
    if (declared || !routes.has(k)) routes.set(k, declared ?? routes.get(k));
  }
  return routes;
}

describe('declarations', () => {
  it('every route the app composes declares a role, and it is the role this test expects', async () => {
    const routes = await composedRoutes();
    for (const [route, declared] of routes) expect(declared, `${route} declares no role`).toBeDefined();
    expect(Object.fromEntries(routes)).toEqual(Object.fromEntries(catalogue));
  });

  it('only GET /api/health and POST /api/session are open without a session', () => {
    expect([...catalogue].filter(([, access]) => access === 'public').map(([route]) => route)).toEqual(['GET /api/health', 'POST /api/session']);
  });
});

const ROLES: Role[] = ['viewer', 'analyst', 'admin'];
const COLUMNS = [null, ...ROLES] as const;
/** Logging out and in changes the client's own session, so those two go last. */
const LAST = ['DELETE /api/session', 'POST /api/session'];
const ordered = [...API_ROUTES].sort((a, b) => LAST.indexOf(key(a.method, a.pattern)) - LAST.indexOf(key(b.method, b.pattern)));

function expectedStatus(access: Access, role: Role | null): 'success' | 401 | 403 {
  if (access === 'public') return 'success';
  if (role === null) return 401;
  return roleAtLeast(role, access) ? 'success' : 403;
}

let server: TestServer;
const clients = new Map<Role | null, ApiClient>();
/** Path parameters naming an upload and a version that exist (the admin column must reach the handlers). */
let existing: Awaited<ReturnType<typeof prepareAdminSamples>>;
beforeAll(async () => {
  // A store of its own: the admin column activates a version.
  server = await startTestServer({ dataDir: privateStore('access-matrix') });
  clients.set(null, server.anonymous());
  for (const role of ROLES) clients.set(role, await server.session(role));
  existing = await prepareAdminSamples(clients.get('admin')!);
});
afterAll(async () => {
  await server?.close();
  removeTempStateDirs();
  removePrivateStores();
});

describe('the matrix on the real server', () => {
  it('the OpenAPI document gives every route the same role (x-role)', async () => {
    const doc = await (await server.session('viewer')).json<{ paths: Record<string, Record<string, { 'x-role': Access }>> }>('/api/openapi.json');
    const documented = new Map<string, Access>();
    for (const [p, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) documented.set(key(method.toUpperCase(), p.replace(/\{(\w+)\}/g, ':$1')), operation['x-role']);
    }
    expect(Object.fromEntries(documented)).toEqual(Object.fromEntries(catalogue));
  });

  // An import as admin would end the demo sessions of every later cell (see SWITCHES_TO_REAL_DATA).
  const cells = ordered
    .flatMap((route: ApiRoute) => COLUMNS.map((role, column) => ({ route, role, column, label: `${key(route.method, route.pattern)} as ${role ?? 'nobody'}` })))
    .filter(({ route, role }) => !(role === 'admin' && SWITCHES_TO_REAL_DATA.has(route.operationId)));

  it.each(cells)('$label → as declared', async ({ route, role, column }) => {
    const client = clients.get(role)!;
    const sample = route.sample(column, role === 'admin' ? existing[route.operationId] : undefined);
    const body =
      route.pattern === '/api/session' && route.method === 'POST'
        ? { username: 'demo-viewer', password: inject('demoPassword') }
        : sample.body;
    const res = route.upload
      ? await sendFile(client, sample.path, route.upload.media, await uploadBody(route.upload))
      : route.method === 'GET'
        ? await client.get(sample.path)
        : await client.send(route.method, sample.path, body);
    const expected = expectedStatus(route.access, role);
    if (expected === 'success') {
      const text = await res.text();
      expect(res.status, text.slice(0, 300)).toBeGreaterThanOrEqual(200);
      expect(res.status, text.slice(0, 300)).toBeLessThan(300);
      expect(hasStackTrace(text)).toBe(false);
    } else {
      await expectApiError(res, expected, expected === 401 ? 'unauthenticated' : 'forbidden');
    }
  });
});
