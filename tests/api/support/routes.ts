/**
 * Every API route the server composes, with the role it must declare, a valid request, and its
 * parameters by kind. The access matrix, the bad-input tests and the fuzz test are driven by
 * this one list; access-matrix.test.ts fails if the server gains a route that is missing here.
 */
import type { Access } from '../../../server/auth/roles';

export type ParamKind =
  | { kind: 'date' }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'int'; min: number; max: number }
  | { kind: 'bbox' }
  | { kind: 'district' }
  | { kind: 'unit_code' }
  | { kind: 'text'; maxLength: number }
  | { kind: 'bool' }
  | { kind: 'weight' };

export interface ApiRoute {
  method: 'GET' | 'POST' | 'DELETE';
  /** Hono's pattern, as in app.routes. */
  pattern: string;
  access: Access;
  /** A request the route answers with 2xx for a permitted role (`serial` keeps created names unique). */
  sample: (serial: number) => { path: string; body?: unknown };
  /** Query parameters (path parameters are checked separately). */
  query?: Record<string, ParamKind>;
  /** Valid values of the required query parameters, the base every bad value is added to. */
  required?: Record<string, string>;
}

const date: ParamKind = { kind: 'date' };
const period = { from: date, to: date };
const filter = { ...period, district: { kind: 'district' } as ParamKind };
const enumOf = (...values: string[]): ParamKind => ({ kind: 'enum', values });

export const METRIC_VALUES = [
  'groups_count',
  'groups_per_1k_households',
  'households_covered_pct',
  'groups_per_km2',
  'tips_count',
  'tips_per_1k_households',
  'events_count',
  'models_count',
];
export const PLANNER_FACTORS = [
  'incidents_per_1k_households',
  'hotspot_bin',
  'trend',
  'households_covered_share',
  'groups_per_1k_households',
  'models_per_1k_households',
];
const weights = Object.fromEntries(PLANNER_FACTORS.map((f) => [`w_${f}`, { kind: 'weight' } as ParamKind]));

/** A short period keeps the heavy routes quick in samples. */
const SHORT = 'from=2022-01-01&to=2022-06-30';

export const API_ROUTES: ApiRoute[] = [
  { method: 'GET', pattern: '/api/health', access: 'public', sample: () => ({ path: '/api/health' }) },
  {
    method: 'POST',
    pattern: '/api/session',
    access: 'public',
    sample: () => ({ path: '/api/session', body: { username: 'demo-viewer', password: '<demo password>' } }),
  },
  { method: 'GET', pattern: '/api/session', access: 'viewer', sample: () => ({ path: '/api/session' }) },
  { method: 'DELETE', pattern: '/api/session', access: 'viewer', sample: () => ({ path: '/api/session' }) },
  { method: 'GET', pattern: '/api/config', access: 'viewer', sample: () => ({ path: '/api/config' }) },
  { method: 'GET', pattern: '/api/openapi.json', access: 'viewer', sample: () => ({ path: '/api/openapi.json' }) },
  { method: 'GET', pattern: '/api/summary', access: 'viewer', sample: () => ({ path: '/api/summary' }), query: filter },
  {
    method: 'GET',
    pattern: '/api/units',
    access: 'viewer',
    sample: () => ({ path: '/api/units?level=district' }),
    query: { level: enumOf('commune', 'district', 'province'), version: enumOf('2019', '2025') },
  },
  { method: 'GET', pattern: '/api/basemap/context', access: 'viewer', sample: () => ({ path: '/api/basemap/context' }), query: {} },
  { method: 'GET', pattern: '/api/units/:code', access: 'viewer', sample: () => ({ path: '/api/units/08944' }), query: period },
  {
    method: 'GET',
    pattern: '/api/choropleth',
    access: 'viewer',
    sample: () => ({ path: '/api/choropleth?metric=tips_count' }),
    query: {
      metric: { kind: 'enum', values: METRIC_VALUES },
      level: enumOf('commune', 'district'),
      scheme: enumOf('quantile', 'jenks', 'equal'),
      classes: { kind: 'int', min: 2, max: 9 },
      ...filter,
    },
    required: { metric: 'groups_count' },
  },
  {
    method: 'GET',
    pattern: '/api/search',
    access: 'viewer',
    sample: () => ({ path: '/api/search?q=ba%20hien' }),
    query: { q: { kind: 'text', maxLength: 200 }, limit: { kind: 'int', min: 1, max: 50 } },
    required: { q: 'ba hien' },
  },
  {
    method: 'GET',
    pattern: '/api/timeseries',
    access: 'viewer',
    sample: () => ({ path: '/api/timeseries?layer=tips' }),
    query: {
      layer: enumOf('groups_active', 'groups_new', 'tips', 'events', 'models'),
      interval: enumOf('year', 'month'),
      level: enumOf('province', 'district', 'commune'),
      code: { kind: 'unit_code' },
      ...period,
    },
    required: { layer: 'groups_new', level: 'commune', code: '08944' },
  },
  {
    method: 'GET',
    pattern: '/api/grid',
    access: 'viewer',
    sample: () => ({ path: '/api/grid?layer=groups' }),
    query: { layer: enumOf('groups', 'tips', 'models'), resolution: enumOf('7', '8'), ...filter },
    required: { layer: 'groups' },
  },
  {
    method: 'GET',
    pattern: '/api/points',
    access: 'analyst',
    sample: () => ({ path: '/api/points?layer=models' }),
    query: {
      layer: enumOf('groups', 'models'),
      bbox: { kind: 'bbox' },
      limit: { kind: 'int', min: 1, max: 500_000 },
      format: enumOf('arrow', 'json'),
      ...filter,
    },
    required: { layer: 'models' },
  },
  {
    method: 'GET',
    pattern: '/api/hotspots',
    access: 'analyst',
    sample: () => ({ path: `/api/hotspots?${SHORT}` }),
    query: {
      layer: enumOf('tips', 'events'),
      unit: enumOf('commune', 'h3'),
      value: enumOf('count', 'per_1k_households'),
      fdr: { kind: 'bool' },
      resolution: enumOf('7', '8'),
      ...period,
    },
  },
  {
    method: 'GET',
    pattern: '/api/hotspots/emerging',
    access: 'analyst',
    sample: () => ({ path: '/api/hotspots/emerging' }),
    query: { layer: enumOf('tips', 'events'), fdr: { kind: 'bool' }, ...period },
  },
  { method: 'GET', pattern: '/api/planner', access: 'analyst', sample: () => ({ path: `/api/planner?${SHORT}` }), query: { ...period, ...weights } },
  { method: 'GET', pattern: '/api/planner.csv', access: 'analyst', sample: () => ({ path: `/api/planner.csv?${SHORT}` }), query: { ...period, ...weights } },
  {
    method: 'POST',
    pattern: '/api/planner/what-if',
    access: 'analyst',
    sample: () => ({ path: '/api/planner/what-if', body: { code: '08944', groups: 2, from: '2022-01-01', to: '2022-06-30' } }),
  },
  {
    method: 'POST',
    pattern: '/api/planner/allocate',
    access: 'analyst',
    sample: () => ({ path: '/api/planner/allocate', body: { groups: 5, from: '2022-01-01', to: '2022-06-30' } }),
  },
  { method: 'GET', pattern: '/api/export/:layer', access: 'admin', sample: () => ({ path: `/api/export/tips?${SHORT}` }), query: filter },
  { method: 'GET', pattern: '/api/users', access: 'admin', sample: () => ({ path: '/api/users' }) },
  {
    method: 'POST',
    pattern: '/api/users',
    access: 'admin',
    sample: (serial) => ({ path: '/api/users', body: { username: `sample-user-${serial}`, role: 'viewer', password: 'a long sample password' } }),
  },
  { method: 'DELETE', pattern: '/api/users/:username', access: 'admin', sample: (serial) => ({ path: `/api/users/sample-user-${serial}` }) },
];

/** Strings an attacker types into any text field. */
export const HOSTILE_STRINGS = [
  "' OR 1=1 --",
  "'; DROP TABLE tips; --",
  '" OR ""="',
  "') UNION SELECT id, lon, lat FROM tips --",
  '1; SELECT * FROM tips',
  "08944' OR '1'='1",
  "252' --",
  '$1',
  '?',
  "read_parquet('/etc/passwd')",
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '${7*7}',
  '%00',
  '\u0000',
  '\u202e',
  '𝕍ĩnh Phúc',
];
