/**
 * Every API route, derived from the endpoint declarations in contract/api and the OpenAPI
 * document the server builds from them: the role each declares, a valid request (the
 * declaration's example), and its query parameters by kind. The access matrix, the bad-input
 * tests and the fuzz test are driven by this one list.
 */
import { CHOROPLETH_METRICS, PLANNER_FACTORS } from '#contract';
import { ENDPOINTS, type Access, type EndpointSpec, type OperationId, type RequestExample } from '#contract/api';
import { openApiDocument } from '../../../server/http/openapi';
import { honoPath } from '../../../server/http/route';

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
  operationId: OperationId;
  method: 'GET' | 'POST' | 'DELETE';
  /** Hono's pattern, as in app.routes. */
  pattern: string;
  access: Access;
  /**
   * A request the route answers with 2xx for a permitted role (`serial` keeps created names
   * unique; `params` replaces the example's path parameters with ones that exist on the server).
   */
  sample: (serial: number, params?: Record<string, string>) => { path: string; body?: unknown };
  /** The file an upload route is sent (its media type and cells), instead of a JSON body. */
  upload?: RequestExample['upload'];
  /** Query parameters (path parameters are checked separately). */
  query?: Record<string, ParamKind>;
  /** Valid values of the example's query parameters but the period: the base every bad value is added to. */
  required?: Record<string, string>;
}

export const METRIC_VALUES: readonly string[] = CHOROPLETH_METRICS;
export { PLANNER_FACTORS };

/** Names the samples create; a serial keeps them unique across the tests of one run. */
const SAMPLE_USER = 'sample-user';

interface ParameterDoc {
  name: string;
  in: 'query' | 'path';
  schema: { type?: string; format?: string; enum?: string[]; minimum?: number; maximum?: number; maxLength?: number; pattern?: string };
}

/** The kind of a documented parameter, from its OpenAPI schema. */
function kindOf(parameter: ParameterDoc): ParamKind {
  const { schema } = parameter;
  if (schema.format === 'date') return { kind: 'date' };
  if (schema.type === 'boolean') return { kind: 'bool' };
  if (schema.enum) return { kind: 'enum', values: schema.enum };
  if (schema.type === 'integer') return { kind: 'int', min: schema.minimum!, max: schema.maximum! };
  if (schema.type === 'number') return { kind: 'weight' };
  if (schema.pattern === '^\\d{3}$') return { kind: 'district' };
  if (schema.pattern === '^\\d{2,5}$') return { kind: 'unit_code' };
  if (parameter.name === 'bbox') return { kind: 'bbox' };
  if (schema.maxLength !== undefined) return { kind: 'text', maxLength: schema.maxLength };
  throw new Error(`no test kind for parameter ${parameter.name} (${JSON.stringify(schema)})`);
}

const withSerial = (value: string, serial: number) => (value === SAMPLE_USER ? `${SAMPLE_USER}-${serial}` : value);

function sampleOf(spec: EndpointSpec): ApiRoute['sample'] {
  return (serial, existing) => {
    const params = Object.fromEntries(Object.entries({ ...spec.example.params, ...existing }).map(([k, v]) => [k, withSerial(v, serial)]));
    const filled = spec.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
    const search = new URLSearchParams(spec.example.query ?? {}).toString();
    const body = spec.example.body as Record<string, unknown> | undefined;
    return {
      path: search ? `${filled}?${search}` : filled,
      ...(body === undefined ? {} : { body: typeof body.username === 'string' ? { ...body, username: withSerial(body.username, serial) } : body }),
    };
  };
}

const document = openApiDocument('test');

function routeOf(spec: EndpointSpec): ApiRoute {
  const operation = (document.paths[spec.path] as Record<string, { parameters: ParameterDoc[] }>)[spec.method]!;
  const queryParameters = operation.parameters.filter((p) => p.in === 'query');
  // The example's parameters other than the period: what a valid request needs besides it.
  const base = Object.entries(spec.example.query ?? {}).filter(([name]) => name !== 'from' && name !== 'to');
  return {
    operationId: spec.operationId as OperationId,
    method: spec.method.toUpperCase() as ApiRoute['method'],
    pattern: honoPath(spec.path),
    access: spec.access,
    sample: sampleOf(spec),
    ...(spec.example.upload ? { upload: spec.example.upload } : {}),
    ...(queryParameters.length > 0 ? { query: Object.fromEntries(queryParameters.map((p) => [p.name, kindOf(p)])) } : {}),
    ...(base.length > 0 ? { required: Object.fromEntries(base) } : {}),
  };
}

export const API_ROUTES: ApiRoute[] = (Object.values(ENDPOINTS) as EndpointSpec[]).map(routeOf);

/**
 * Operations that make real data active. Real data end the demo accounts' sessions, and every
 * route-walking test runs as the demo accounts: their successful call (and its answer's schema)
 * is tested in tests/api/admin-import.test.ts with a real admin account instead.
 */
export const SWITCHES_TO_REAL_DATA: ReadonlySet<OperationId> = new Set(['importUpload']);

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
