/**
 * Every request the web app makes goes through this module: same-origin only, typed from the
 * endpoint declarations in contract/api (paths, parameters and response bodies — no casts),
 * errors turned into ApiRequestError values, the CSRF token attached to state-changing
 * requests, and a count of requests in flight for the map's ready flag.
 */
import { PLANNER_FACTORS, type ChoroplethMetric, type ClassificationScheme, type DownloadFormat, type Period, type PlannerWeights, type RegisterKind } from '#contract';
import type { ApiErrorBody, BodyInputOf, BreaksBasis, Endpoints, JsonOf, MediaOf, QueryInputOf, SessionResponse, Units2025Response, UnitsResponse } from '#contract/api';

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
    /** The error's structured detail (e.g. the period to ask for instead), when the server gave one. */
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

/** Status 0: the request never got an HTTP answer (server down, aborted). */
const NETWORK_FAILURE_STATUS = 0;

// --- typed access to the declared endpoints -----------------------------------------------

type Endpoint = Endpoints[keyof Endpoints];
type PathOf<M extends Endpoint['method']> = Extract<Endpoint, { method: M }>['path'];
type At<M extends Endpoint['method'], P extends PathOf<M>> = Extract<Endpoint, { method: M; path: P }>;

/** A string parameter may be given as a number or boolean; enumerated ones keep their literals. */
type Wire<T> = T extends string ? (string extends T ? T | number | boolean : T | (T extends 'true' | 'false' ? boolean : never)) : T;
type WireQuery<E extends Endpoint> = { [K in keyof QueryInputOf<E>]?: Wire<QueryInputOf<E>[K]> | null };
type PathParams<P extends string> = P extends `${string}{${infer Name}}${infer Rest}` ? { [K in Name | keyof PathParams<Rest>]: string } : Record<never, never>;

interface Request<E extends Endpoint> {
  query?: WireQuery<E>;
  params?: PathParams<E['path']>;
  signal?: AbortSignal;
}

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

/** `/api/units/{code}` with its parameters filled in and the query appended. */
export function urlOf(path: string, params: Record<string, string> = {}, query: Record<string, unknown> = {}): string {
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== null && value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `${filled}?${text}` : filled;
}

function isErrorBody(body: unknown): body is ApiErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}

function detailsOf(error: object): Record<string, unknown> {
  const details = 'details' in error ? error.details : undefined;
  return typeof details === 'object' && details !== null ? (details as Record<string, unknown>) : {};
}

async function errorFrom(response: Response): Promise<ApiRequestError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy page, an empty body): fall back to the status line below.
  }
  if (isErrorBody(body)) return new ApiRequestError(response.status, body.error.code, body.error.message, detailsOf(body.error));
  return new ApiRequestError(response.status, 'http_error', `${response.status} ${response.statusText}`);
}

interface SendOptions {
  method?: 'GET' | 'POST' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  accept?: string;
  /** Login and the first session probe answer 401 by design; do not treat it as an expiry. */
  expectUnauthorized?: boolean;
}

async function send(url: string, options: SendOptions = {}): Promise<Response> {
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

/** GET a declared endpoint's JSON body. */
export async function apiGet<P extends PathOf<'get'>>(path: P, request: Request<At<'get', P>> = {}): Promise<JsonOf<At<'get', P>>> {
  const response = await send(urlOf(path, request.params as Record<string, string> | undefined, request.query ?? {}), { signal: request.signal });
  return response.json() as Promise<JsonOf<At<'get', P>>>;
}

/** GET a declared endpoint's body in another media type (Arrow, GeoJSON, CSV). */
export async function apiGetRaw<P extends PathOf<'get'>>(path: P, request: Request<At<'get', P>> & { accept: string }): Promise<Response> {
  return send(urlOf(path, request.params as Record<string, string> | undefined, request.query ?? {}), { signal: request.signal, accept: request.accept });
}

/** GET a declared endpoint's body in a JSON media type other than application/json (GeoJSON). */
async function apiGetMedia<P extends PathOf<'get'>, M extends string>(path: P, media: M, request: Request<At<'get', P>> = {}): Promise<MediaOf<At<'get', P>, M>> {
  const response = await apiGetRaw(path, { ...request, accept: media });
  return response.json() as Promise<MediaOf<At<'get', P>, M>>;
}

/** POST a declared endpoint's JSON body. */
export async function apiPost<P extends PathOf<'post'>>(path: P, body: BodyInputOf<At<'post', P>>, signal?: AbortSignal): Promise<JsonOf<At<'post', P>>> {
  const response = await send(path, { method: 'POST', body, signal });
  return response.json() as Promise<JsonOf<At<'post', P>>>;
}

// --- session and configuration -------------------------------------------------------------

export const getConfig = (signal?: AbortSignal) => apiGet('/api/config', { signal });

export const getHealth = (signal?: AbortSignal) => apiGet('/api/health', { signal });

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
  const credentials: BodyInputOf<Endpoints['login']> = { username, password };
  await send('/api/session', { method: 'POST', body: credentials, expectUnauthorized: true });
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

export const getSummary = (filter: AreaFilter, signal?: AbortSignal) =>
  apiGet('/api/summary', { query: { ...filter.period, district: filter.district }, signal });

const unexpectedUnits = () => new ApiRequestError(NETWORK_FAILURE_STATUS, 'unexpected_body', 'The units answer has an unexpected shape.');

export async function getUnits(level: 'commune' | 'district' | 'province', signal?: AbortSignal): Promise<UnitsResponse> {
  const body = await apiGetMedia('/api/units', 'application/geo+json', { query: { level, version: '2019' }, signal });
  if ('unmapped' in body) throw unexpectedUnits();
  return body;
}

/** Today's communes and wards (from 1 July 2025), with the old communes that have no documented receiving unit. */
export async function getUnits2025(signal?: AbortSignal): Promise<Units2025Response> {
  const body = await apiGetMedia('/api/units', 'application/geo+json', { query: { level: 'commune', version: '2025' }, signal });
  if (!('unmapped' in body)) throw unexpectedUnits();
  return body;
}

/** The region drawn around the province: neighbouring provinces, rivers and towns (GeoJSON, Vietnamese names). */
export const getBasemapContext = (signal?: AbortSignal) => apiGetMedia('/api/basemap/context', 'application/geo+json', { signal });

export const getUnitProfile = (code: string, period: Period, signal?: AbortSignal) =>
  apiGet('/api/units/{code}', { params: { code }, query: { ...period }, signal });

export interface ChoroplethQuery extends AreaFilter {
  metric: ChoroplethMetric;
  level: 'commune' | 'district';
  scheme: ClassificationScheme;
  classes: number;
  breaks: BreaksBasis;
}

export const getChoropleth = ({ period, ...rest }: ChoroplethQuery, signal?: AbortSignal) =>
  apiGet('/api/choropleth', { query: { ...rest, ...period }, signal });

export const searchUnits = (q: string, limit: number, signal?: AbortSignal) => apiGet('/api/search', { query: { q, limit }, signal });

export const getGrid = ({ period, ...rest }: AreaFilter & { layer: 'groups' | 'tips' | 'models'; resolution: 7 | 8 }, signal?: AbortSignal) =>
  apiGet('/api/grid', { query: { ...rest, resolution: String(rest.resolution) as '7' | '8', ...period }, signal });

export const getHotspots = (query: { period: Period; value: 'count' | 'per_1k_households'; fdr: boolean }, signal?: AbortSignal) =>
  apiGet('/api/hotspots', { query: { layer: 'tips', unit: 'commune', value: query.value, fdr: query.fdr, ...query.period }, signal });

/** Emerging hot-spot patterns of tips per commune over the period's calendar years (analysts and above). */
export const getEmergingHotspots = (query: { period: Period; fdr: boolean }, signal?: AbortSignal) =>
  apiGet('/api/hotspots/emerging', { query: { layer: 'tips', fdr: query.fdr, ...query.period }, signal });

/**
 * "4 an toàn" model locations as an Arrow IPC stream (columns lon, lat, day, kind), or their
 * clusters (a count column more) with the grid's cell size when more match than the limit.
 */
export async function getModelPointsArrow(filter: AreaFilter, signal?: AbortSignal): Promise<{ buffer: ArrayBuffer; cellDegrees: number | null }> {
  const response = await apiGetRaw('/api/points', {
    query: { layer: 'models', format: 'arrow', ...filter.period, district: filter.district },
    accept: 'application/vnd.apache.arrow.stream',
    signal,
  });
  const cell = response.headers.get('X-Cluster-Cell-Degrees');
  return { buffer: await response.arrayBuffer(), cellDegrees: cell === null ? null : Number(cell) };
}

// --- planner (analyst and above) -------------------------------------------------------------

/** The planner's query: the period and one `w_<factor>` per weight. */
function plannerQuery({ period, weights }: PlannerScenario): WireQuery<Endpoints['getPlanner']> {
  return { ...period, ...Object.fromEntries(PLANNER_FACTORS.map((factor) => [`w_${factor}`, weights[factor]])) };
}

export const getPlanner = (scenario: PlannerScenario, signal?: AbortSignal) => apiGet('/api/planner', { query: plannerQuery(scenario), signal });

/**
 * The ranking as CSV (UTF-8 with BOM) or as an Excel workbook, headings and reasons in the UI's
 * language: links the browser downloads with the session cookie.
 */
export const plannerTableUrl = (format: 'csv' | 'xlsx', scenario: PlannerScenario, lang: 'vi' | 'en'): string =>
  urlOf(format === 'csv' ? '/api/planner.csv' : '/api/planner.xlsx', {}, { ...plannerQuery(scenario), lang });

export const postWhatIf = (
  scenario: PlannerScenario,
  request: { code: string; groups: number; householdsPerGroup: number | null },
  signal?: AbortSignal,
) =>
  apiPost(
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

export const postAllocate = (scenario: PlannerScenario, request: { groups: number; householdsPerGroup: number | null }, signal?: AbortSignal) =>
  apiPost(
    '/api/planner/allocate',
    {
      ...scenario.period,
      weights: scenario.weights,
      groups: request.groups,
      ...(request.householdsPerGroup === null ? {} : { households_per_group: request.householdsPerGroup }),
    },
    signal,
  );

// --- data administration (admin) ---------------------------------------------------------------

type UploadAnswer = JsonOf<Endpoints['uploadRegister'], 202>;

export const getUploads = (signal?: AbortSignal) => apiGet('/api/admin/uploads', { signal });

export const getUpload = (id: string, signal?: AbortSignal) => apiGet('/api/admin/uploads/{id}', { params: { id }, signal });

export const getVersions = (signal?: AbortSignal) => apiGet('/api/admin/versions', { signal });

/** Imports a validated upload (all of it, or its valid rows); the answer is the upload, queued or importing. */
export async function importUpload(id: string, acceptValid: boolean): Promise<UploadAnswer> {
  const body: BodyInputOf<Endpoints['importUpload']> = { accept_valid: acceptValid };
  const response = await send(urlOf('/api/admin/uploads/{id}/import', { id }), { method: 'POST', body });
  return response.json() as Promise<UploadAnswer>;
}

export async function cancelUpload(id: string): Promise<void> {
  await send(urlOf('/api/admin/uploads/{id}', { id }), { method: 'DELETE' });
}

/** Makes a data set version the active one; answers once the server serves it. */
export async function activateVersion(version: string): Promise<JsonOf<Endpoints['activateVersion']>> {
  const response = await send(urlOf('/api/admin/versions/{version}/activate', { version }), { method: 'POST' });
  return response.json() as Promise<JsonOf<Endpoints['activateVersion']>>;
}

export const getUsers = (signal?: AbortSignal) => apiGet('/api/users', { signal });

/** Creates an account; the answer (201) is the account without its password. */
export async function addUser(user: BodyInputOf<Endpoints['addUser']>): Promise<JsonOf<Endpoints['addUser'], 201>> {
  const response = await send('/api/users', { method: 'POST', body: user });
  return response.json() as Promise<JsonOf<Endpoints['addUser'], 201>>;
}

export async function removeUser(username: string): Promise<void> {
  await send(urlOf('/api/users/{username}', { username }), { method: 'DELETE' });
}

/** Downloads are links the browser follows with the session cookie. */
export const templateUrl = (kind: RegisterKind, format: DownloadFormat): string => urlOf('/api/admin/templates/{kind}', { kind }, { format });
export const rejectedRowsUrl = (id: string, format: DownloadFormat): string => urlOf('/api/admin/uploads/{id}/rejected', { id }, { format });

export interface UploadRequest {
  file: File;
  /** The register format's media type (REGISTER_MEDIA_TYPES). */
  media: string;
  query: WireQuery<Endpoints['uploadRegister']>;
  /** Bytes sent so far of all. */
  onProgress: (sent: number, total: number) => void;
  signal?: AbortSignal;
}

/**
 * Sends a register file as the request body. Through XMLHttpRequest, not fetch: only it reports
 * the upload's progress, which a 20 MB workbook needs on screen.
 */
export function uploadRegister({ file, media, query, onProgress, signal }: UploadRequest): Promise<UploadAnswer> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', urlOf('/api/admin/uploads', {}, query));
    xhr.setRequestHeader('Content-Type', media);
    xhr.setRequestHeader('Accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.responseType = 'text';
    xhr.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    const done = () => setInFlight(-1);
    xhr.onload = () => {
      done();
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON: reported by the status line below.
      }
      if (xhr.status === 202) return resolve(body as UploadAnswer);
      if (xhr.status === 401) {
        csrfToken = null;
        for (const listener of unauthorizedListeners) listener();
      }
      reject(isErrorBody(body) ? new ApiRequestError(xhr.status, body.error.code, body.error.message) : new ApiRequestError(xhr.status, 'http_error', `${xhr.status} ${xhr.statusText}`));
    };
    xhr.onerror = () => {
      done();
      reject(new ApiRequestError(NETWORK_FAILURE_STATUS, 'network_error', 'The upload did not reach the server.'));
    };
    xhr.onabort = () => {
      done();
      reject(new DOMException('The upload was stopped.', 'AbortError'));
    };
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    setInFlight(1);
    xhr.send(file);
  });
}
