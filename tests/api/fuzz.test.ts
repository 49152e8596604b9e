/**
 * Fuzzing: thousands of seeded random and hostile requests — query strings, JSON bodies, every
 * method on every route, broken percent-encoding, oversized input — from every role. The server
 * answers only 2xx/3xx/4xx, every 4xx in the contract's error shape, never a 5xx or a stack
 * trace, and stays healthy with its data unchanged.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkErrorBody, hasStackTrace } from './support/error-shape';
import { loginFrom, rawRequest, type RawResponse } from './support/raw-http';
import { seededRandom, type Random } from './support/random';
import { API_ROUTES, HOSTILE_STRINGS, METRIC_VALUES, PLANNER_FACTORS, type ApiRoute, type ParamKind } from './support/routes';
import { startTestServer, type TestServer } from './support/test-server';

const ROLES = ['viewer', 'analyst', 'admin'] as const;
const METHODS = ['GET', 'POST', 'DELETE', 'PUT', 'PATCH', 'HEAD', 'OPTIONS'];
/** Requests in flight at once: enough to interleave handlers, few enough for a 2-core machine. */
const CONCURRENCY = 6;

let server: TestServer;
/** Cookie and CSRF token per role; null = no session. */
const identities = new Map<string, { cookie: string; csrf: string } | null>([['nobody', null]]);

beforeAll(async () => {
  server = await startTestServer();
  for (const [i, role] of ROLES.entries()) {
    const res = await loginFrom(server.url, `127.0.6.${i + 1}`, { username: `demo-${role}`, password: inject('demoPassword') });
    const cookie = String(res.headers['set-cookie']?.[0]).split(';')[0]!;
    const me = JSON.parse((await rawRequest(`${server.url}/api/session`, { headers: { cookie } })).body.toString()) as { csrf_token: string };
    identities.set(role, { cookie, csrf: me.csrf_token });
  }
});
afterAll(() => server?.close());

const ALL_PARAM_NAMES = [...new Set(API_ROUTES.flatMap((r) => Object.keys(r.query ?? {})))];
const UNICODE = ['Vĩnh Phúc', 'Bá Hiến', 'đ', '😀', '\u0301', '\uFEFF', 'ẞ', '中文', '\u200b', 'ı'];

function randomText(random: Random, maxLength: number): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789-_.,;:!?\'"()[]{}<>/\\|@#$%^&*+= ~`';
  const length = random.int(0, maxLength);
  let text = '';
  for (let i = 0; i < length; i++) text += random.chance(0.1) ? random.pick(UNICODE) : alphabet[random.int(0, alphabet.length - 1)];
  return text;
}

function validValue(random: Random, kind: ParamKind): string {
  switch (kind.kind) {
    case 'date':
      return `20${random.int(16, 23)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
    case 'enum':
      return random.pick(kind.values);
    case 'int':
      return String(random.int(kind.min, Math.min(kind.max, kind.min + 20)));
    case 'bbox': {
      const lon = 105 + random.next();
      const lat = 21 + random.next();
      return [lon, lat, lon + random.next() / 5, lat + random.next() / 5].map((n) => n.toFixed(4)).join(',');
    }
    case 'district':
      return random.pick(['243', '244', '246', '247', '248', '249', '251', '252', '253']);
    case 'unit_code':
      return random.pick(['26', '252', '08944', '08707', '09085']);
    case 'text':
      return random.pick(['ba hien', 'vinh', 'd', 'Phúc Yên', 'tam']);
    case 'bool':
      return random.pick(['true', 'false']);
    case 'weight':
      return String(random.int(0, 10) / 10);
  }
}

function randomValue(random: Random, kind: ParamKind | undefined): string {
  const roll = random.next();
  if (kind && roll < 0.45) return validValue(random, kind);
  if (roll < 0.6) return random.pick(HOSTILE_STRINGS);
  if (roll < 0.7) return random.pick([...METRIC_VALUES, ...PLANNER_FACTORS, 'tips', 'events', 'h3', '7', '8', '9', '-1', '0', '1e9', 'NaN', '']);
  if (roll < 0.75) return 'x'.repeat(random.int(195, 260));
  return randomText(random, 30);
}

/** A query string: mostly the route's own parameters, some from other routes, some nonsense; sometimes repeated. */
function randomQuery(random: Random, route: ApiRoute | undefined): string {
  const own = Object.entries(route?.query ?? {});
  const pairs: [string, string][] = [];
  if (route?.required && random.chance(0.7)) pairs.push(...Object.entries(route.required));
  for (let i = random.int(0, 4); i > 0; i--) {
    const roll = random.next();
    if (own.length > 0 && roll < 0.6) {
      const [name, kind] = random.pick(own);
      pairs.push([name, randomValue(random, kind)]);
    } else if (roll < 0.8) pairs.push([random.pick(ALL_PARAM_NAMES), randomValue(random, undefined)]);
    else pairs.push([randomText(random, 8) || 'x', randomValue(random, undefined)]);
  }
  const encoded = pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  if (random.chance(0.05)) encoded.push(random.pick(['%zz=1', 'from=%', 'q=%E0%A4%A', '=', '&&', 'from', 'to=2022-01-01%00', '%26=%3D']));
  return encoded.join('&');
}

function randomJson(random: Random, depth = 0): unknown {
  const roll = random.next();
  if (depth > 3 || roll < 0.3) return random.pick([null, true, false, 0, -1, 1.5, 1e308, -0, 5000, 5001, 2 ** 53, '', '08944', ...HOSTILE_STRINGS, randomText(random, 12)]);
  if (roll < 0.6) return Array.from({ length: random.int(0, 4) }, () => randomJson(random, depth + 1));
  const keys = ['code', 'groups', 'weights', 'from', 'to', 'households_per_group', 'username', 'password', 'role', ...PLANNER_FACTORS, randomText(random, 6)];
  return Object.fromEntries(Array.from({ length: random.int(0, 5) }, () => [random.pick(keys), randomJson(random, depth + 1)]));
}

/** A body: a mutated valid sample, random JSON, or text that is not JSON at all. */
function randomBody(random: Random, route: ApiRoute | undefined): string | undefined {
  const roll = random.next();
  if (roll < 0.1) return undefined;
  if (roll < 0.45 && route?.sample(0).body) {
    const body = { ...(route.sample(random.int(100, 1e6)).body as Record<string, unknown>) };
    for (let i = random.int(1, 3); i > 0; i--) body[random.pick([...Object.keys(body), 'extra', 'weights'])] = randomJson(random, 1);
    if (route.pattern === '/api/session') body.password = randomText(random, 20) || 'x';
    return JSON.stringify(body);
  }
  if (roll < 0.8) return JSON.stringify(randomJson(random));
  if (roll < 0.97) return random.pick(['{', '{"groups":', 'null', '[', '"', 'groups=5', '\u0000', randomText(random, 40)]);
  return JSON.stringify({ groups: 1, padding: 'x'.repeat(random.int(60, 80) * 1024) });
}

function fillPath(random: Random, pattern: string): string {
  return pattern.replace(/:(\w+)/g, () =>
    encodeURIComponent(random.pick(['08944', '252', '26', 'tips', 'events', 'groups', 'demo-viewer', 'sample-user-1', ...HOSTILE_STRINGS, randomText(random, 10) || 'x'])),
  );
}

interface FuzzRequest {
  method: string;
  path: string;
  role: string;
  body?: string;
}

/**
 * Whatever came back, is it an answer the contract allows? Returns what is wrong, or null.
 * Paths that normalise out of /api/ ("/api/../x", "/api/%2e%2e/x" are "/x" by the URL standard)
 * belong to the web app and need not answer in the API's error shape.
 */
function judge(request: FuzzRequest, res: RawResponse): string | null {
  const text = res.body.toString();
  if (res.status >= 500 || res.status < 200) return `status ${res.status}`;
  if (hasStackTrace(text)) return 'stack trace in the body';
  const isApi = new URL(request.path, 'http://x').pathname.startsWith('/api/');
  if (res.status < 400 || request.method === 'HEAD' || !isApi) return null;
  if (!String(res.headers['content-type']).startsWith('application/json')) return `error as ${res.headers['content-type']}`;
  try {
    return checkErrorBody(JSON.parse(text)) ? null : 'not the error shape';
  } catch {
    return 'error body is not JSON';
  }
}

/** Answers by status class, to show the fuzzing reached the handlers and not only the gates. */
const statusClasses = new Map<string, number>();

async function send(request: FuzzRequest, address: string): Promise<string | null> {
  const identity = identities.get(request.role);
  const headers: Record<string, string> = {};
  if (identity) {
    headers.cookie = identity.cookie;
    headers['x-csrf-token'] = identity.csrf;
  }
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  const res = await rawRequest(`${server.url}${request.path}`, { method: request.method, headers, body: request.body, localAddress: address });
  const statusClass = `${Math.floor(res.status / 100)}xx`;
  statusClasses.set(statusClass, (statusClasses.get(statusClass) ?? 0) + 1);
  const wrong = judge(request, res);
  return wrong && `${request.role} ${request.method} ${request.path.slice(0, 120)} ${request.body?.slice(0, 80) ?? ''} → ${wrong}: ${res.body.toString().slice(0, 200)}`;
}

/** Sends the requests CONCURRENCY at a time; logins rotate over many loopback addresses so the login limit is met only sometimes. */
async function fuzz(requests: FuzzRequest[]): Promise<string[]> {
  const problems: string[] = [];
  for (let i = 0; i < requests.length; i += CONCURRENCY) {
    const batch = requests.slice(i, i + CONCURRENCY);
    const results = await Promise.all(batch.map((r, j) => send(r, `127.0.7.${((i + j) % 200) + 1}`)));
    for (const r of results) if (r) problems.push(r);
  }
  return problems;
}

/** Logging out would end the fuzzing identity's session; it is fuzzed without one. */
const keepsSession = (role: string, method: string, pattern: string) => !(role !== 'nobody' && method === 'DELETE' && pattern === '/api/session');

function generate(seed: number, count: number, make: (random: Random) => FuzzRequest): FuzzRequest[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => make(random));
}

const roles = [...identities.keys(), ...ROLES];

describe('fuzzing', () => {
  it('1,600 random query strings to every GET route, from every role → only 2xx/4xx, 4xx in the error shape', async () => {
    const gets = API_ROUTES.filter((r) => r.method === 'GET');
    const requests = generate(1, 1600, (random) => {
      const route = random.pick(gets);
      const query = randomQuery(random, route);
      return { method: 'GET', path: `${fillPath(random, route.pattern)}${query ? `?${query}` : ''}`, role: random.pick(roles) };
    });
    expect(await fuzz(requests)).toEqual([]);
  });

  it('1,000 random JSON bodies to every POST route, from every role → only 2xx/4xx, 4xx in the error shape', async () => {
    const posts = API_ROUTES.filter((r) => r.method === 'POST');
    const requests = generate(2, 1000, (random) => {
      const route = random.pick(posts);
      const query = random.chance(0.1) ? `?${randomQuery(random, undefined)}` : '';
      return { method: 'POST', path: `${route.pattern}${query}`, role: random.pick(roles), body: randomBody(random, route) };
    });
    expect(await fuzz(requests)).toEqual([]);
  });

  it('1,000 requests with any method on any path (and paths that do not exist) → only 2xx/4xx, 4xx in the error shape', async () => {
    const extraPaths = ['/api', '/api/', '/api/summary/extra', '/api/units/08944/more', '/api/../etc/passwd', '/api/%2e%2e/config', '/api/planner/', '/api/hotspots/emerging/x', '/api/export', '/api/users/'];
    const requests = generate(3, 1000, (random) => {
      const route = random.chance(0.85) ? random.pick(API_ROUTES) : undefined;
      const method = route && random.chance(0.5) ? route.method : random.pick(METHODS);
      const role = random.pick(roles);
      const pattern = route?.pattern ?? random.pick(extraPaths);
      const query = random.chance(0.5) ? randomQuery(random, route) : '';
      const body = method === 'GET' || method === 'HEAD' ? undefined : randomBody(random, route);
      return keepsSession(role, method, pattern)
        ? { method, path: `${fillPath(random, pattern)}${query ? `?${query}` : ''}`, role, body }
        : { method: 'GET', path: '/api/session', role };
    });
    expect(await fuzz(requests)).toEqual([]);
  });

  it('reached the handlers: at least a tenth of the 3,600 requests were answered 2xx', () => {
    const total = [...statusClasses.values()].reduce((a, b) => a + b, 0);
    expect(total).toBe(3600);
    expect(statusClasses.get('2xx') ?? 0, JSON.stringify(Object.fromEntries(statusClasses))).toBeGreaterThan(total / 10);
  });

  it('afterwards the server is healthy, every session still works and the published totals are unchanged', async () => {
    const health = JSON.parse((await rawRequest(`${server.url}/api/health`)).body.toString()) as { status: string };
    expect(health.status).toBe('ok');
    for (const role of ROLES) {
      const res = await rawRequest(`${server.url}/api/summary`, { headers: { cookie: identities.get(role)!.cookie } });
      expect(res.status, role).toBe(200);
      const summary = JSON.parse(res.body.toString()) as { to_lien_gia: { total_active: number }; outcomes: { guns_surrendered: number } };
      expect(summary.to_lien_gia.total_active).toBe(10762);
      expect(summary.outcomes.guns_surrendered).toBe(21);
    }
  });
});
