/**
 * Every date a client can type, on every route that takes a period, for the least and the most
 * privileged role allowed on it: the far past (years 1–99, whose Date arithmetic differs), the days around the first record
 * (the daily rollup starts after 2017-01-01), the data's last day and the one after, the far
 * future. Each answer is what the one period resolver promises: a period beyond the data is
 * clamped to it (and the response's period says so), one entirely outside is 400
 * period_outside_data naming the data range, a reversed one 400 invalid_period — never a 5xx.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../server/auth/roles';
import { roleAtLeast } from '../../server/auth/roles';
import type { ApiClient } from '../support/api-client';
import { checkErrorBody, hasStackTrace } from './support/error-shape';
import { API_ROUTES } from './support/routes';
import { startTestServer, withQuery, type TestServer } from './support/test-server';

const EDGE_DATES = ['0001-01-01', '0099-12-31', '0100-01-01', '1970-01-01', '2016-12-31', '2017-01-01', '2022-10-25', '2022-10-26', '2100-01-01', '9999-12-31'];
const JANUARY_2017 = Array.from({ length: 31 }, (_, i) => `2017-01-${String(i + 1).padStart(2, '0')}`);
const SWEEP_DATES = [...new Set([...EDGE_DATES, ...JANUARY_2017])];
/** The dates combined pairwise (from × to, reversed pairs included). */
const PAIR_DATES = [...EDGE_DATES, '2017-01-13', '2017-01-14', '2017-01-31'];

/** Requests in flight at once: a few, on a 2-core machine shared with other tests. */
const CONCURRENCY = 4;
const ROLES: Role[] = ['viewer', 'analyst', 'admin'];

interface Variant {
  label: string;
  method: 'GET' | 'POST';
  /** The route's path and parameters other than the period. */
  path: string;
  base: Record<string, string | number>;
  role: Role;
}

/** Answers that are the route's own business, not the period's, and allowed for any period inside the data. */
const ROUTE_REFUSALS = new Set([
  'too_few_time_steps', // emerging hot spots need five yearly slices
  'reporting_calendar', // below admin, informant figures only for whole calendar years
  'too_many_points', // points beyond the limit
]);

/** Every route with a period, a few with more than one shape of request, for each role allowed on it. */
function variants(): Variant[] {
  const extra: Record<string, Record<string, string>[]> = {
    'GET /api/timeseries': [
      { layer: 'groups_active', interval: 'year' },
      { layer: 'tips', interval: 'month' },
    ],
  };
  const list: Variant[] = [];
  for (const route of API_ROUTES) {
    const sample = route.sample(0);
    const [pathOnly, search] = sample.path.split('?') as [string, string | undefined];
    const sampleQuery = Object.fromEntries(new URLSearchParams(search ?? ''));
    const bodyPeriod = typeof sample.body === 'object' && sample.body !== null && 'from' in sample.body;
    if (!route.query?.from && !bodyPeriod) continue;
    const strip = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([k]) => k !== 'from' && k !== 'to')) as Record<string, string | number>;
    const bases = [bodyPeriod ? strip(sample.body as Record<string, unknown>) : strip(sampleQuery), ...(extra[`${route.method} ${route.pattern}`] ?? [])];
    for (const role of ROLES) {
      if (route.access === 'public' || !roleAtLeast(role, route.access)) continue;
      for (const base of bases) list.push({ label: `${route.method} ${pathOnly} ${JSON.stringify(base)}`, method: route.method as 'GET' | 'POST', path: pathOnly, base, role });
    }
  }
  return list;
}

interface Period {
  from: string;
  to: string;
}
type Expected = { kind: 'clamped'; period: Period } | { kind: 'error'; code: 'invalid_period' | 'period_outside_data' };

/** What the resolver must make of an asked period, computed here independently of the server. */
function expectedOf(asked: Partial<Period>, range: Period): Expected {
  const from = asked.from ?? range.from;
  const to = asked.to ?? range.to;
  if (from > to) return { kind: 'error', code: 'invalid_period' };
  if (to < range.from || from > range.to) return { kind: 'error', code: 'period_outside_data' };
  return { kind: 'clamped', period: { from: from < range.from ? range.from : from, to: to > range.to ? range.to : to } };
}

let server: TestServer;
let range: Period;
const clients = new Map<Role, ApiClient>();

beforeAll(async () => {
  server = await startTestServer();
  for (const role of ROLES) clients.set(role, await server.session(role));
  range = (await clients.get('viewer')!.json<{ period: Period }>('/api/config')).period;
});
afterAll(() => server?.close());

/** Sends one request; returns what is wrong with its answer, or null. */
async function check(variant: Variant, asked: Partial<Period>): Promise<string | null> {
  const client = clients.get(variant.role)!;
  const period = Object.fromEntries(Object.entries(asked).filter(([, v]) => v !== undefined)) as Record<string, string>;
  const res =
    variant.method === 'GET'
      ? await client.get(withQuery(variant.path, { ...variant.base, ...period }))
      : await client.send('POST', variant.path, { ...variant.base, ...period });
  const text = await res.text();
  const where = `${variant.role} ${variant.label} ${JSON.stringify(asked)} → ${res.status} ${text.slice(0, 200)}`;
  if (res.status >= 500 || hasStackTrace(text)) return where;
  const expected = expectedOf(asked, range);
  const isJson = (res.headers.get('content-type') ?? '').startsWith('application/json');
  const body = isJson ? (JSON.parse(text) as { period?: Period; error?: { code: string; details?: { data_range?: Period } } }) : null;
  if (expected.kind === 'error') {
    if (res.status !== 400 || !checkErrorBody(body) || body.error.code !== expected.code) return `${where} (expected 400 ${expected.code})`;
    if (expected.code === 'period_outside_data' && JSON.stringify(body.error.details?.data_range) !== JSON.stringify(range)) return `${where} (the data range is not named)`;
    return null;
  }
  if (res.status === 200) {
    if (body?.period && JSON.stringify(body.period) !== JSON.stringify(expected.period)) return `${where} (expected the period ${JSON.stringify(expected.period)})`;
    return null;
  }
  return body?.error && ROUTE_REFUSALS.has(body.error.code) && res.status < 500 ? null : `${where} (expected 200)`;
}

async function sweep(cases: { variant: Variant; asked: Partial<Period> }[]): Promise<{ sent: number; wrong: string[] }> {
  const wrong: string[] = [];
  for (let i = 0; i < cases.length; i += CONCURRENCY) {
    const results = await Promise.all(cases.slice(i, i + CONCURRENCY).map(({ variant, asked }) => check(variant, asked)));
    for (const r of results) if (r) wrong.push(r);
  }
  return { sent: cases.length, wrong };
}

const ALL = variants();
/** The least and the most privileged role of each route: protected and exact figures (an analyst sees a viewer's figures). */
const isLowestRole = (variant: Variant) => ALL.find((v) => v.label === variant.label)!.role === variant.role;
const SWEPT = ALL.filter((v) => v.role === 'admin' || isLowestRole(v));

describe('the date sweep', () => {
  it('covers every route that takes a period', () => {
    const routes = new Set(SWEPT.map((v) => `${v.method} ${v.path}`));
    expect([...routes].sort()).toEqual(
      [
        'GET /api/choropleth',
        'GET /api/export/tips',
        'GET /api/grid',
        'GET /api/hotspots',
        'GET /api/hotspots/emerging',
        'GET /api/planner',
        'GET /api/planner.csv',
        'GET /api/planner.xlsx',
        'GET /api/points',
        'GET /api/summary',
        'GET /api/timeseries',
        'GET /api/units/08944',
        'POST /api/planner/allocate',
        'POST /api/planner/what-if',
      ].sort(),
    );
  });

  it.each(SWEPT.map((variant) => ({ variant, label: `${variant.role} ${variant.label}` })))(
    '$label: from, to and from = to on each of the 41 dates → clamped, 400 naming the data range, never a 5xx',
    async ({ variant }) => {
      const cases = SWEEP_DATES.flatMap((d) => [{ from: d }, { to: d }, { from: d, to: d }]).map((asked) => ({ variant, asked }));
      const { sent, wrong } = await sweep(cases);
      expect(sent).toBe(SWEEP_DATES.length * 3);
      expect(wrong).toEqual([]);
    },
  );

  it.each(SWEPT.map((variant) => ({ variant, label: `${variant.role} ${variant.label}` })))(
    '$label: every pair of edge dates as from × to → clamped, 400 naming the data range or invalid_period, never a 5xx',
    async ({ variant }) => {
      const cases = PAIR_DATES.flatMap((from) => PAIR_DATES.map((to) => ({ variant, asked: { from, to } })));
      const { wrong } = await sweep(cases);
      expect(wrong).toEqual([]);
    },
  );
});

describe('far-future periods', () => {
  const FAR = [{ to: '9999-12-31' }, { from: '0001-01-01', to: '9999-12-31' }];

  it.each(['/api/planner', '/api/hotspots/emerging'])('%s up to 9999-12-31 is clamped: the answer for the data range, while /api/health answers alongside', async (path) => {
    const analyst = clients.get('analyst')!;
    const [health, ...far] = await Promise.all([server.anonymous().get('/api/health'), ...FAR.map((asked) => analyst.get(withQuery(path, asked)))]);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    const whole = await analyst.json<{ period: Period }>(path);
    expect(whole.period).toEqual(range);
    for (const res of far) {
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual(whole);
    }
  });
});
