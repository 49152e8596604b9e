/**
 * Bad input, for every endpoint and every parameter: malformed and reversed dates, unknown
 * values, out-of-range and non-numeric numbers, broken bboxes, unknown and repeated parameters,
 * overlong values and SQL-ish strings in every text field → 4xx in the contract's error shape,
 * never a 5xx or a stack trace; and afterwards the server still answers with the same data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client';
import { checkErrorBody, expectApiError, hasStackTrace } from './support/error-shape';
import { rawRequest } from './support/raw-http';
import { API_ROUTES, HOSTILE_STRINGS, PLANNER_FACTORS, type ApiRoute, type ParamKind } from './support/routes';
import { startTestServer, type TestServer } from './support/test-server';

interface BadValue {
  value: string;
  /** Exact status when it matters; any 4xx otherwise. */
  status?: number;
  code?: string;
}

const OVERLONG = '1'.repeat(201);

function badValues(kind: ParamKind): BadValue[] {
  switch (kind.kind) {
    case 'date':
      return ['2022-02-30', '2022-1-1', 'yesterday', '', '2022-13-01', '2022-00-10', '22-01-01', '2022/01/01', '2022-01-01T00:00:00Z', ' 2022-01-01', '+02022-01-01', '2021-02-29'].map(
        (value) => ({ value, status: 400, code: 'invalid_parameter' }),
      );
    case 'enum':
      return ['bogus', '', `${kind.values[0]} `, 'null', '*', ...kind.values.filter((v) => v.toUpperCase() !== v).map((v) => v.toUpperCase())].map((value) => ({
        value,
        status: 400,
        code: 'unknown_value',
      }));
    case 'int':
      return ['abc', '', '1.5', '1e3', '0x10', ' 5', String(kind.min - 1), String(kind.max + 1), '99999999999999999999999', '-99999999999999999999999', 'NaN', 'Infinity'].map(
        (value) => ({ value, status: 400, code: 'invalid_parameter' }),
      );
    case 'bbox':
      return [
        '200,0,201,1',
        '-181,0,0,1',
        '0,-91,1,0',
        '0,0,1,91',
        '10,0,5,1',
        '0,10,1,5',
        'a,b,c,d',
        '1,2,3',
        '1,2,3,4,5',
        '',
        'NaN,0,1,1',
        'Infinity,0,1,1',
        '0,0,1,1e999',
        '1,,2,3',
      ].map((value) => ({ value, status: 400, code: 'invalid_parameter' }));
    case 'district':
      return [
        { value: '999', status: 400, code: 'unknown_value' },
        ...['12', '2431', 'abc', '', '24 3', '243.0', '-243'].map((value) => ({ value, status: 400, code: 'invalid_parameter' })),
      ];
    case 'unit_code':
      return [{ value: '00000', status: 404, code: 'unknown_unit' }, ...['abc', '', '123456', '0', '-1'].map((value) => ({ value, status: 400, code: 'invalid_parameter' }))];
    case 'bool':
      return ['yes', '1', 'TRUE', '', 'on'].map((value) => ({ value, status: 400, code: 'unknown_value' }));
    case 'weight':
      return ['abc', '-1', '1001', 'Infinity', 'NaN', '', '  ', '1e400', '--1', '0x10', '1,5'].map((value) => ({ value, status: 400 }));
    case 'text':
      return [{ value: '', status: 400 }];
  }
}

/** Folding as the contract describes it (diacritics, case, spacing, đ → d), to check what a search matched. */
const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

let server: TestServer;
let admin: ApiClient;
beforeAll(async () => {
  server = await startTestServer();
  admin = await server.session('admin');
});
afterAll(() => server?.close());

/** The route's path with its path parameters filled by valid values. */
const basePath = (route: ApiRoute) => route.sample(0).path.split('?')[0]!;

function url(route: ApiRoute, params: [string, string][]): string {
  const search = new URLSearchParams(params);
  return `${basePath(route)}?${search.toString()}`;
}

/** The route called with these query parameters, by its own method (an upload is a POST with parameters). */
const call = (route: ApiRoute, params: [string, string][]) => admin.get(url(route, params), { method: route.method });

/** Sends every value and returns the ones not answered as expected ("value → status body"). */
async function misanswered(route: ApiRoute, param: string, values: BadValue[]): Promise<string[]> {
  const required = Object.entries(route.required ?? {}).filter(([name]) => name !== param);
  const wrong: string[] = [];
  for (const bad of values) {
    const res = await call(route, [...required, [param, bad.value]]);
    const text = await res.text();
    let body: unknown = null;
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
    const statusOk = bad.status === undefined ? res.status >= 400 && res.status < 500 : res.status === bad.status;
    const codeOk = bad.code === undefined || (body as { error?: { code?: string } } | null)?.error?.code === bad.code;
    if (!statusOk || !codeOk || !checkErrorBody(body) || hasStackTrace(text)) wrong.push(`${JSON.stringify(bad.value)} → ${res.status} ${text.slice(0, 160)}`);
  }
  return wrong;
}

const queryRoutes = API_ROUTES.filter((r) => r.query);
const parameterCases = queryRoutes.flatMap((route) =>
  Object.entries(route.query!).map(([param, kind]) => ({ route, param, kind, label: `${route.method} ${route.pattern} ${param}` })),
);

describe('every query parameter', () => {
  it.each(parameterCases)('$label: malformed, out-of-range and unknown values → 4xx in the error shape', async ({ route, param, kind }) => {
    expect(await misanswered(route, param, [...badValues(kind), { value: OVERLONG, status: 400 }])).toEqual([]);
  });

  it.each(parameterCases.filter((c) => c.kind.kind !== 'text'))('$label: SQL-ish and other hostile strings → 4xx in the error shape', async ({ route, param }) => {
    expect(await misanswered(route, param, HOSTILE_STRINGS.map((value) => ({ value })))).toEqual([]);
  });

  it.each(HOSTILE_STRINGS)('search q=%j is matched as plain text: 200, and only names containing the folded text', async (q) => {
    const res = await admin.get(`/api/search?${new URLSearchParams({ q })}`);
    expect(res.status).toBe(200);
    const hits = (await res.json()) as { name: string; type: string }[];
    for (const hit of hits) expect(fold(hit.type) + fold(hit.name)).toContain(fold(q));
  });
});

describe('every route with parameters', () => {
  const withPeriod = queryRoutes.filter((r) => r.query!.from && r.query!.to);

  it.each(withPeriod.map((route) => ({ route, label: `${route.method} ${route.pattern}` })))('$label: a reversed period → 400 invalid_period', async ({ route }) => {
    const res = await call(route, [...Object.entries(route.required ?? {}), ['from', '2022-06-01'], ['to', '2022-01-01']]);
    await expectApiError(res, 400, 'invalid_period');
  });

  it.each(queryRoutes.map((route) => ({ route, label: `${route.method} ${route.pattern}` })))('$label: an unknown parameter → 400 unknown_parameter', async ({ route }) => {
    const res = await call(route, [...Object.entries(route.required ?? {}), ['frmo', '2020-01-01']]);
    const body = await expectApiError(res, 400, 'unknown_parameter');
    expect(body.error.message).toContain('frmo');
  });

  it.each(queryRoutes.map((route) => ({ route, label: `${route.method} ${route.pattern}` })))('$label: a repeated parameter → 400 repeated_parameter', async ({ route }) => {
    const params = Object.entries(route.required ?? { from: '2020-01-01' });
    await expectApiError(await call(route, [...params, params[0]!]), 400, 'repeated_parameter');
  });
});

describe('dates the data do not cover', () => {
  const withPeriod = queryRoutes.filter((r) => r.query!.from && r.query!.to);
  const routeCases = withPeriod.map((route) => ({ route, label: `${route.method} ${route.pattern}` }));
  const data = { from: '2017-01-01', to: '2022-10-25' };

  it.each(routeCases)('$label: a period before the first record (to=2017-01-05) is inside the data → answered, never a 500', async ({ route }) => {
    const res = await admin.get(url(route, [...Object.entries(route.required ?? {}), ['to', '2017-01-05']]));
    // Five days are one yearly slice, too few for emerging hot spots: that is the route's own answer.
    if (route.pattern === '/api/hotspots/emerging') await expectApiError(res, 400, 'too_few_time_steps');
    else expect(res.status, await res.clone().text()).toBe(200);
  });

  it.each(routeCases)('$label: years 1–99 (from=0001-01-01&to=0099-12-31) → 400 period_outside_data naming the data range', async ({ route }) => {
    const res = await admin.get(url(route, [...Object.entries(route.required ?? {}), ['from', '0001-01-01'], ['to', '0099-12-31']]));
    const body = await expectApiError(res, 400, 'period_outside_data');
    expect(body.error.details).toMatchObject({ data_range: data });
  });

  it.each(routeCases)('$label: from=0001-01-01&to=9999-12-31 is clamped to the data → 200', async ({ route }) => {
    const res = await admin.get(url(route, [...Object.entries(route.required ?? {}), ['from', '0001-01-01'], ['to', '9999-12-31']]));
    expect(res.status, await res.clone().text()).toBe(200);
    if ((res.headers.get('content-type') ?? '').startsWith('application/json')) expect(((await res.json()) as { period?: unknown }).period ?? data).toEqual(data);
  });
});

describe('path parameters', () => {
  it.each(['abc', '0', '123456', '08944;', ...HOSTILE_STRINGS, '99', '99999'])('/api/units/%j → 4xx', async (code) => {
    await expectApiError(await admin.get(`/api/units/${encodeURIComponent(code)}`));
  });

  it.each(['groups', 'models', 'villages', 'TIPS', 'bogus', ...HOSTILE_STRINGS])('/api/export/%j → 4xx (only tips and events exist)', async (layer) => {
    await expectApiError(await admin.get(`/api/export/${encodeURIComponent(layer)}`));
  });

  it.each(['nobody', '../users.json', ...HOSTILE_STRINGS])('DELETE /api/users/%j → 4xx and no user is touched', async (username) => {
    await expectApiError(await admin.send('DELETE', `/api/users/${encodeURIComponent(username)}`));
  });
});

const hostileCodes = HOSTILE_STRINGS.map((code) => ({ code, groups: 1 }));
const weightCases = [{ bogus: 1 }, { incidents_per_1k_households: -1 }, { incidents_per_1k_households: '0.3' }, { incidents_per_1k_households: null }, { hotspot_bin: true }, Object.fromEntries(PLANNER_FACTORS.map((f) => [f, 0])), [0.3]];
const periodCases = [{ from: '2022-02-30' }, { from: 'yesterday' }, { to: '2022-1-1' }, { from: '2022-06-01', to: '2022-01-01' }, { from: 20220101 }];

const BODIES: Record<'what_if' | 'allocate' | 'new_user', unknown[]> = {
  what_if: [
    {},
    { code: '08944' },
    { groups: 1 },
    ...[-1, 1.5, '3', 5001, 1e308, null, true, []].map((groups) => ({ code: '08944', groups })),
    { code: 8944, groups: 1 },
    ...hostileCodes,
    { code: '08944', groups: 1, extra: 1 },
    ...weightCases.map((weights) => ({ code: '08944', groups: 1, weights })),
    ...[0, 61, 2.5, '20'].map((households_per_group) => ({ code: '08944', groups: 1, households_per_group })),
    ...periodCases.map((period) => ({ code: '08944', groups: 1, ...period })),
  ],
  allocate: [
    {},
    ...[-1, 1.5, '3', 5001, 1e308, null, true, {}].map((groups) => ({ groups })),
    { groups: 1, code: '08944' },
    ...weightCases.map((weights) => ({ groups: 1, weights })),
    ...[0, 61, 2.5, '20'].map((households_per_group) => ({ groups: 1, households_per_group })),
    ...periodCases.map((period) => ({ groups: 1, ...period })),
  ],
  new_user: [
    {},
    { username: 'ok-user', role: 'viewer' },
    { username: 'Bad Name', role: 'viewer', password: 'a long enough password' },
    { username: 'x'.repeat(41), role: 'viewer', password: 'a long enough password' },
    { username: 'ok-user', role: 'superuser', password: 'a long enough password' },
    { username: 'ok-user', role: 'viewer', password: 'short' },
    { username: 'ok-user', role: 'viewer', password: 'p'.repeat(1001) },
    { username: 'ok-user', role: 'viewer', password: 'a long enough password', admin: true },
    { username: 12, role: 'viewer', password: 'a long enough password' },
    { username: 'demo-admin', role: 'admin', password: 'a long enough password' },
    ...HOSTILE_STRINGS.map((username) => ({ username, role: 'admin', password: 'a long enough password' })),
  ],
};
const ROUTE_OF = { what_if: '/api/planner/what-if', allocate: '/api/planner/allocate', new_user: '/api/users' } as const;
const NOT_JSON = ['', 'not json', '{"groups":', '[]', 'null', '"08944"', '42'];

describe('JSON bodies', () => {
  const bodyCases = (Object.keys(BODIES) as (keyof typeof BODIES)[]).flatMap((kind) => BODIES[kind].map((body) => ({ kind, body, path: ROUTE_OF[kind] })));

  it.each(bodyCases)('POST $path with $body → 4xx in the error shape', async ({ path, body }) => {
    await expectApiError(await admin.send('POST', path, body), undefined, undefined, JSON.stringify(body));
  });

  it.each(Object.values(ROUTE_OF).flatMap((path) => NOT_JSON.map((raw) => ({ path, raw }))))('POST $path with the raw body $raw → 400', async ({ path, raw }) => {
    const res = await admin.get(path, { method: 'POST', body: raw, headers: { 'content-type': 'application/json' } });
    await expectApiError(res, 400, undefined, raw);
  });

  it.each(Object.values(ROUTE_OF))('POST %s with a period in the query string instead of the body → 400 unknown_parameter', async (path) => {
    const sample = API_ROUTES.find((r) => r.pattern === path && r.method === 'POST')!.sample(0);
    await expectApiError(await admin.send('POST', `${path}?from=2020-01-01`, sample.body), 400, 'unknown_parameter');
  });

  it('after all of that, no user was created', async () => {
    const { users } = await admin.json<{ users: { username: string }[] }>('/api/users');
    expect(users.map((u) => u.username).sort()).toEqual(['demo-admin', 'demo-analyst', 'demo-viewer']);
  });
});

describe('login bodies', () => {
  const credentials = [
    'not json',
    '',
    '[]',
    'null',
    '{}',
    JSON.stringify({ username: 'demo-viewer' }),
    JSON.stringify({ password: 'x' }),
    JSON.stringify({ username: 5, password: 'x' }),
    JSON.stringify({ username: 'demo-viewer', password: 'x', role: 'admin' }),
    JSON.stringify({ username: '', password: '' }),
    JSON.stringify({ username: 'u'.repeat(101), password: 'x' }),
    JSON.stringify({ username: "' OR 1=1 --", password: "' OR 1=1 --" }),
    JSON.stringify({ username: 'demo-admin', password: "' OR '1'='1" }),
    JSON.stringify({ username: 'demo-admin', password: { $ne: null } }),
  ];

  it.each(credentials.map((body, i) => ({ body, address: `127.0.4.${i + 1}` })))('POST /api/session with $body → 4xx, no cookie', async ({ body, address }) => {
    const res = await rawRequest(`${server.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body, localAddress: address });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(checkErrorBody(JSON.parse(res.body.toString()))).toBe(true);
    expect(res.headers['set-cookie']).toBeUndefined();
  });
});

describe('afterwards', () => {
  it('the server is healthy and still serves the published totals (nothing was dropped or changed)', async () => {
    expect(await (await server.anonymous().get('/api/health')).json()).toMatchObject({ status: 'ok' });
    const summary = await admin.json<{ to_lien_gia: { total_active: number }; bon_an_toan: { total: number } }>('/api/summary');
    expect(summary.to_lien_gia.total_active).toBe(10762);
    expect(summary.bon_an_toan.total).toBe(1076);
  });
});
