/**
 * Every request the web app makes goes through this module: same-origin only, typed with the
 * shared contract, errors turned into ApiRequestError values, the CSRF token attached to
 * state-changing requests, and a count of requests in flight for the map's ready flag.
 */
import {
  PLANNER_FACTORS,
  type AllocateResponse,
  type ApiErrorBody,
  type BasemapContextResponse,
  type ChoroplethMetric,
  type ChoroplethResponse,
  type ClassificationScheme,
  type ConfigResponse,
  type GridResponse,
  type HealthResponse,
  type HotspotsResponse,
  type Period,
  type PlannerResponse,
  type PlannerWeights,
  type SearchHit,
  type SessionResponse,
  type SummaryResponse,
  type UnitProfileResponse,
  type UnitsResponse,
  type Units2025Response,
  type WhatIfResponse,
} from './contract';

/** What every planner request is asked under: the period and the six (relative) weights. */
export interface PlannerScenario {
  period: Period;
  weights: PlannerWeights;
}

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Status 0: the request never got an HTTP answer (server down, aborted). */
const NETWORK_FAILURE_STATUS = 0;

type Query = Record<string, string | number | boolean | null | undefined>;

let csrfToken: string | null = null;
let inFlight = 0;
const inFlightListeners = new Set<(count: number) => void>();
const unauthorizedListeners = new Set<() => void>();

/** Called whenever the number of requests in flight changes. */
export function onInFlightChange(listener: (count: number) => void): () => void {
  inFlightListeners.add(listener);
  return () => inFlightListeners.delete(listener);
}

export function requestsInFlight(): number {
  return inFlight;
}

/** Called when a request comes back 401: the session ended (expired or logged out elsewhere). */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

function setInFlight(delta: number): void {
  inFlight += delta;
  for (const listener of inFlightListeners) listener(inFlight);
}

function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== null && value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

function isErrorBody(body: unknown): body is ApiErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}

async function errorFrom(response: Response): Promise<ApiRequestError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy page, an empty body): fall back to the status line below.
  }
  if (isErrorBody(body)) return new ApiRequestError(response.status, body.error.code, body.error.message);
  return new ApiRequestError(response.status, 'http_error', `${response.status} ${response.statusText}`);
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  accept?: string;
  /** Login and the first session probe answer 401 by design; do not treat it as an expiry. */
  expectUnauthorized?: boolean;
}

async function send(url: string, options: RequestOptions = {}): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: options.accept ?? 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  setInFlight(1);
  try {
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers,
        credentials: 'same-origin',
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: options.signal,
      });
    } catch (cause) {
      if (options.signal?.aborted) throw cause;
      throw new ApiRequestError(NETWORK_FAILURE_STATUS, 'network_error', String(cause));
    }
    if (!response.ok) {
      if (response.status === 401 && !options.expectUnauthorized) {
        csrfToken = null;
        for (const listener of unauthorizedListeners) listener();
      }
      throw await errorFrom(response);
    }
    return response;
  } finally {
    setInFlight(-1);
  }
}

async function getJson<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
  const response = await send(withQuery(path, query), { signal });
  return (await response.json()) as T;
}

async function postJson<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> {
  const response = await send(path, { method: 'POST', body, signal });
  return (await response.json()) as T;
}

// --- session and configuration -------------------------------------------------------------

export function getConfig(signal?: AbortSignal): Promise<ConfigResponse> {
  return getJson<ConfigResponse>('/api/config', undefined, signal);
}

export function getHealth(signal?: AbortSignal): Promise<HealthResponse> {
  return getJson<HealthResponse>('/api/health', undefined, signal);
}

/** The current session, or null when nobody is logged in. */
export async function getSession(signal?: AbortSignal): Promise<SessionResponse | null> {
  try {
    const response = await send('/api/session', { signal, expectUnauthorized: true });
    const session = (await response.json()) as SessionResponse;
    csrfToken = session.csrf_token;
    return session;
  } catch (error) {
    if (error instanceof ApiRequestError && error.status === 401) return null;
    throw error;
  }
}

export async function login(username: string, password: string): Promise<SessionResponse> {
  await send('/api/session', { method: 'POST', body: { username, password }, expectUnauthorized: true });
  const session = await getSession();
  if (!session) throw new ApiRequestError(401, 'session_missing', 'Logged in, but no session came back.');
  return session;
}

export async function logout(): Promise<void> {
  try {
    await send('/api/session', { method: 'DELETE', expectUnauthorized: true });
  } finally {
    csrfToken = null;
  }
}

// --- data ------------------------------------------------------------------------------------

export interface AreaFilter {
  period: Period;
  district: string | null;
}

export function getSummary(filter: AreaFilter, signal?: AbortSignal): Promise<SummaryResponse> {
  return getJson('/api/summary', { ...filter.period, district: filter.district }, signal);
}

export function getUnits(level: 'commune' | 'district' | 'province', signal?: AbortSignal): Promise<UnitsResponse> {
  return getJson('/api/units', { level, version: '2019' }, signal);
}

/** Today's communes and wards (from 1 July 2025), with the old communes that have no documented receiving unit. */
export function getUnits2025(signal?: AbortSignal): Promise<Units2025Response> {
  return getJson('/api/units', { level: 'commune', version: '2025' }, signal);
}

/** The region drawn around the province: neighbouring provinces, rivers and towns (GeoJSON, Vietnamese names). */
export function getBasemapContext(signal?: AbortSignal): Promise<BasemapContextResponse> {
  return getJson('/api/basemap/context', {}, signal);
}

export function getUnitProfile(code: string, period: Period, signal?: AbortSignal): Promise<UnitProfileResponse> {
  return getJson(`/api/units/${encodeURIComponent(code)}`, { ...period }, signal);
}

export interface ChoroplethQuery extends AreaFilter {
  metric: ChoroplethMetric;
  level: 'commune' | 'district';
  scheme: ClassificationScheme;
  classes: number;
}

export function getChoropleth(query: ChoroplethQuery, signal?: AbortSignal): Promise<ChoroplethResponse> {
  const { period, ...rest } = query;
  return getJson('/api/choropleth', { ...rest, ...period }, signal);
}

export function searchUnits(q: string, limit: number, signal?: AbortSignal): Promise<SearchHit[]> {
  return getJson('/api/search', { q, limit }, signal);
}

export function getGrid(
  query: AreaFilter & { layer: GridResponse['layer']; resolution: number },
  signal?: AbortSignal,
): Promise<GridResponse> {
  const { period, ...rest } = query;
  return getJson('/api/grid', { ...rest, ...period }, signal);
}

export function getHotspots(
  query: { period: Period; value: HotspotsResponse['value']; fdr: boolean },
  signal?: AbortSignal,
): Promise<HotspotsResponse> {
  return getJson('/api/hotspots', { layer: 'tips', unit: 'commune', value: query.value, fdr: query.fdr, ...query.period }, signal);
}

/** "4 an toàn" model locations as an Arrow IPC stream (columns lon, lat, day, kind). */
export async function getModelPointsArrow(filter: AreaFilter, signal?: AbortSignal): Promise<ArrayBuffer> {
  const url = withQuery('/api/points', { layer: 'models', format: 'arrow', ...filter.period, district: filter.district });
  const response = await send(url, { signal, accept: 'application/vnd.apache.arrow.stream' });
  return response.arrayBuffer();
}

// --- planner (analyst and above) -------------------------------------------------------------

/** The planner's query string: the period and one `w_<factor>` per weight given. */
function plannerQuery({ period, weights }: PlannerScenario): Query {
  const query: Query = { ...period };
  for (const factor of PLANNER_FACTORS) query[`w_${factor}`] = weights[factor];
  return query;
}

export function getPlanner(scenario: PlannerScenario, signal?: AbortSignal): Promise<PlannerResponse> {
  return getJson('/api/planner', plannerQuery(scenario), signal);
}

/** The ranking as CSV (UTF-8 with BOM, for Excel): a link the browser downloads with the session cookie. */
export function plannerCsvUrl(scenario: PlannerScenario): string {
  return withQuery('/api/planner.csv', plannerQuery(scenario));
}

export function postWhatIf(
  scenario: PlannerScenario,
  request: { code: string; groups: number; householdsPerGroup: number | null },
  signal?: AbortSignal,
): Promise<WhatIfResponse> {
  return postJson(
    '/api/planner/what-if',
    {
      ...scenario.period,
      weights: scenario.weights,
      code: request.code,
      groups: request.groups,
      ...(request.householdsPerGroup === null ? {} : { households_per_group: request.householdsPerGroup }),
    },
    signal,
  );
}

export function postAllocate(
  scenario: PlannerScenario,
  request: { groups: number; householdsPerGroup: number | null },
  signal?: AbortSignal,
): Promise<AllocateResponse> {
  return postJson(
    '/api/planner/allocate',
    {
      ...scenario.period,
      weights: scenario.weights,
      groups: request.groups,
      ...(request.householdsPerGroup === null ? {} : { households_per_group: request.householdsPerGroup }),
    },
    signal,
  );
}
