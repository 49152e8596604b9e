/**
 * The OpenAPI 3.1 description of the HTTP API, served at /api/openapi.json. Parameter enums come
 * from the shared contract, so the document cannot drift from what the validators accept.
 */
import {
  CHOROPLETH_METRICS,
  CLASSIFICATION_SCHEMES,
  DEFAULT_CLASSES,
  MAX_CLASSES,
  MIN_CLASSES,
  UNIT_LEVELS,
  UNIT_VERSIONS,
} from './contract';
import { GRID_LAYERS } from './queries/grid';
import { POINT_LAYERS } from './queries/points';
import { EXPORT_LAYERS } from './queries/records-export';
import { TIMESERIES_LAYERS } from './queries/timeseries';

type Schema = Record<string, unknown>;
interface Parameter {
  name: string;
  in: 'query' | 'path';
  required?: boolean;
  description: string;
  schema: Schema;
}

const str = (description: string, extra: Schema = {}): Schema => ({ type: 'string', description, ...extra });
const enumOf = (values: readonly (string | number)[], def?: string | number): Schema => ({
  type: typeof values[0] === 'number' ? 'integer' : 'string',
  enum: [...values],
  ...(def !== undefined ? { default: def } : {}),
});
const q = (name: string, description: string, schema: Schema, required = false): Parameter => ({ name, in: 'query', required, description, schema });

const from = q('from', 'Start of the period, inclusive (YYYY-MM-DD). Default: start of the data.', { type: 'string', format: 'date' });
const to = q('to', 'End of the period, inclusive (YYYY-MM-DD). Default: end of the data. Groups and models count as active at this date.', { type: 'string', format: 'date' });
const district = q('district', 'Restrict to one district (3-digit GSO code).', { type: 'string', pattern: '^\\d{3}$' });
const period = [from, to];

const errorResponse = { description: 'Invalid input, not logged in (401), not allowed (403), unknown unit (404), too large (413) or rate limited (429).', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
const json = (description: string, schema: Schema = { type: 'object' }) => ({ description, content: { 'application/json': { schema } } });

interface Operation {
  summary: string;
  role: 'public' | 'viewer' | 'analyst' | 'admin';
  parameters?: Parameter[];
  requestBody?: Schema;
  responses: Record<string, unknown>;
}

function op(o: Operation) {
  return {
    summary: o.summary,
    description: `Role: ${o.role}.`,
    'x-role': o.role,
    ...(o.role === 'public' ? { security: [] } : {}),
    ...(o.parameters ? { parameters: o.parameters } : {}),
    ...(o.requestBody ? { requestBody: { required: true, content: { 'application/json': { schema: o.requestBody } } } } : {}),
    responses: { ...o.responses, '4XX': errorResponse },
  };
}

const hotspotParams = [
  q('layer', 'Records to test for clustering.', enumOf(['tips', 'events'], 'tips')),
  q('unit', 'Communes (queen contiguity, 0.0005° snap) or H3 cells (k-ring neighbours).', enumOf(['commune', 'h3'], 'commune')),
  q('value', 'Raw count or count per 1,000 census households (communes only).', enumOf(['count', 'per_1k_households'], 'count')),
  q('fdr', 'Apply the Benjamini–Hochberg false discovery rate correction to the bins.', enumOf(['true', 'false'], 'false')),
  q('resolution', 'H3 resolution for unit=h3.', enumOf(['7', '8'], '8')),
  ...period,
];

export function openApiDocument(version: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'TLG Atlas API',
      version,
      description:
        'Tổ liên gia tự quản and "4 an toàn" models of Vĩnh Phúc, commune by commune. Every response of the demo data carries synthetic: true. Tip and outcome-event aggregates are suppressed below k for roles under admin.',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'tlg_session' } },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: { code: { type: 'string' }, message: { type: 'string' }, details: { type: 'object' } },
            },
          },
        },
      },
    },
    security: [{ session: [] }],
    paths: {
      '/api/health': { get: op({ summary: 'Liveness and data-set version', role: 'public', responses: { 200: json('OK'), 503: json('Data being prepared') } }) },
      '/api/session': {
        post: op({
          summary: 'Log in (sets the HttpOnly session cookie)',
          role: 'public',
          requestBody: { type: 'object', required: ['username', 'password'], properties: { username: str('User name'), password: str('Password') } },
          responses: { 204: { description: 'Logged in' } },
        }),
        get: op({ summary: 'Current user, role and CSRF token', role: 'viewer', responses: { 200: json('The session') } }),
        delete: op({ summary: 'Log out (needs X-CSRF-Token)', role: 'viewer', responses: { 204: { description: 'Logged out' } } }),
      },
      '/api/config': { get: op({ summary: 'Deployment settings for the web app', role: 'viewer', responses: { 200: json('Settings') } }) },
      '/api/openapi.json': { get: op({ summary: 'This document', role: 'viewer', responses: { 200: json('OpenAPI 3.1') } }) },
      '/api/summary': { get: op({ summary: 'Briefing totals', role: 'viewer', parameters: [...period, district], responses: { 200: json('Totals') } }) },
      '/api/units': {
        get: op({
          summary: 'Unit boundaries (GeoJSON)',
          role: 'viewer',
          parameters: [q('level', 'Unit level', enumOf(UNIT_LEVELS, 'commune')), q('version', '2019 units or the units from 1 July 2025', enumOf(UNIT_VERSIONS, '2019'))],
          responses: { 200: { description: 'FeatureCollection', content: { 'application/geo+json': { schema: { type: 'object' } } } } },
        }),
      },
      '/api/basemap/context': {
        get: op({
          summary: 'Neighbouring provinces, rivers and towns around the province (GeoJSON, Vietnamese names)',
          role: 'viewer',
          responses: { 200: { description: 'FeatureCollection', content: { 'application/geo+json': { schema: { type: 'object' } } } } },
        }),
      },
      '/api/units/{code}': {
        get: op({
          summary: 'One unit: metrics, rank, district and province averages, yearly series',
          role: 'viewer',
          parameters: [{ name: 'code', in: 'path', required: true, description: 'GSO code', schema: { type: 'string' } }, ...period],
          responses: { 200: json('Profile') },
        }),
      },
      '/api/choropleth': {
        get: op({
          summary: 'A metric per unit with province-wide class breaks',
          role: 'viewer',
          parameters: [
            q('metric', 'Metric', enumOf(CHOROPLETH_METRICS), true),
            q('level', 'Unit level', enumOf(['commune', 'district'], 'commune')),
            q('scheme', 'Classification', enumOf(CLASSIFICATION_SCHEMES, 'quantile')),
            q('classes', 'Number of classes', { type: 'integer', minimum: MIN_CLASSES, maximum: MAX_CLASSES, default: DEFAULT_CLASSES }),
            ...period,
            district,
          ],
          responses: { 200: json('Values and breaks') },
        }),
      },
      '/api/search': {
        get: op({
          summary: 'Find units by name (diacritic-, case- and spacing-insensitive)',
          role: 'viewer',
          parameters: [q('q', 'Text', { type: 'string', minLength: 1, maxLength: 200 }, true), q('limit', 'Most hits', { type: 'integer', minimum: 1, maximum: 50, default: 10 })],
          responses: { 200: json('Hits, best first', { type: 'array' }) },
        }),
      },
      '/api/timeseries': {
        get: op({
          summary: 'Counts per year or month',
          role: 'viewer',
          parameters: [
            q('layer', 'Series', enumOf(TIMESERIES_LAYERS), true),
            q('interval', 'Bucket', enumOf(['year', 'month'], 'year')),
            q('level', 'Scope level', enumOf(['province', 'district', 'commune'], 'province')),
            q('code', 'Unit code (district or commune level)', { type: 'string' }),
            ...period,
          ],
          responses: { 200: json('Series') },
        }),
      },
      '/api/grid': {
        get: op({
          summary: 'Counts per H3 cell',
          role: 'viewer',
          parameters: [q('layer', 'Records', enumOf(GRID_LAYERS), true), q('resolution', 'H3 resolution', enumOf(['7', '8'], '8')), ...period, district],
          responses: { 200: json('Cells') },
        }),
      },
      '/api/points': {
        get: op({
          summary: 'Group or model locations (Arrow IPC stream by default; never tips or events)',
          role: 'analyst',
          parameters: [
            q('layer', 'Records', enumOf(POINT_LAYERS), true),
            q('bbox', 'minLon,minLat,maxLon,maxLat', { type: 'string' }),
            q('limit', 'Answer 413 when more points match', { type: 'integer', minimum: 1, maximum: 500000, default: 100000 }),
            q('format', 'Binary Arrow (lon, lat Float32; day Uint16 since 2017-01-01; kind Uint8) or JSON', enumOf(['arrow', 'json'], 'arrow')),
            ...period,
            district,
          ],
          responses: {
            200: { description: 'Points', content: { 'application/vnd.apache.arrow.stream': {}, 'application/json': { schema: { type: 'object' } } } },
          },
        }),
      },
      '/api/hotspots': { get: op({ summary: 'Getis-Ord Gi* hot and cold spots', role: 'analyst', parameters: hotspotParams, responses: { 200: json('Gi* per unit') } }) },
      '/api/hotspots/emerging': {
        get: op({
          summary: 'Emerging hot-spot categories per commune over yearly slices',
          role: 'analyst',
          parameters: [q('layer', 'Records', enumOf(['tips', 'events'], 'tips')), q('fdr', 'FDR-corrected bins per slice', enumOf(['true', 'false'], 'false')), ...period],
          responses: { 200: json('Categories') },
        }),
      },
      '/api/planner': {
        get: op({
          summary: 'Communes ranked by the gap between need and coverage, with the reasons',
          role: 'analyst',
          parameters: [...period, q('w_need', 'Weight of need', { type: 'number' }), q('w_coverage', 'Weight of coverage', { type: 'number' })],
          responses: { 200: json('Ranking') },
        }),
      },
      '/api/planner.csv': { get: op({ summary: 'The ranking as CSV (UTF-8 with BOM)', role: 'analyst', parameters: period, responses: { 200: { description: 'CSV', content: { 'text/csv': {} } } } }) },
      '/api/planner/what-if': { post: op({ summary: 'Add groups to communes and see coverage before/after', role: 'analyst', requestBody: { type: 'object' }, responses: { 200: json('Scenario') } }) },
      '/api/planner/allocate': { post: op({ summary: 'Greedy allocation of N new groups across the province', role: 'analyst', requestBody: { type: 'object' }, responses: { 200: json('Allocation steps') } }) },
      '/api/export/{layer}': {
        get: op({
          summary: 'Raw tip or event records as CSV (audited)',
          role: 'admin',
          parameters: [{ name: 'layer', in: 'path', required: true, description: 'Records', schema: enumOf(EXPORT_LAYERS) }, ...period, district],
          responses: { 200: { description: 'CSV', content: { 'text/csv': {} } } },
        }),
      },
      '/api/users': {
        get: op({ summary: 'List users', role: 'admin', responses: { 200: json('Users') } }),
        post: op({ summary: 'Create a user', role: 'admin', requestBody: { type: 'object' }, responses: { 201: json('Created') } }),
      },
      '/api/users/{username}': {
        delete: op({ summary: 'Remove a user', role: 'admin', parameters: [{ name: 'username', in: 'path', required: true, description: 'User', schema: { type: 'string' } }], responses: { 204: { description: 'Removed' } } }),
      },
    },
  };
}
