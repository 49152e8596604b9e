/**
 * Everything that defines what the user sees, and its round trip through the URL query string.
 * The URL is the source of truth: a link reproduces the view, the layers, the metric, the
 * filters, the period, the selected unit, the language, the camera, the boundary version and
 * the planner's weights and table order.
 */
import { CHOROPLETH_METRICS, CLASSIFICATION_SCHEMES, type ChoroplethMetric, type ClassificationScheme, type Period } from '#contract';
import { UNIT_VERSIONS, type PlannerWeights, type UnitVersion } from '#contract';
import { normalizePeriod, wholePeriod } from './period';
import { DEFAULT_PLANNER_SORT, formatPlannerSort, parsePlannerSort, type PlannerSort } from './plannerTable';
import { defaultWeights, parseWeights, writeWeights } from './plannerWeights';

export const VIEWS = ['briefing', 'explore', 'planner'] as const;
export type View = (typeof VIEWS)[number];

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Map layers in drawing order (bottom to top). */
export const MAP_LAYERS = ['choropleth', 'heatmap', 'hotspots', 'emerging', 'tipHex', 'models', 'labels'] as const;
export type MapLayerId = (typeof MAP_LAYERS)[number];

export const CHOROPLETH_LEVELS = ['commune', 'district'] as const;
export type ChoroplethLevel = (typeof CHOROPLETH_LEVELS)[number];

/**
 * Boundaries drawn over the map: the 2019 units the data are keyed by, or today's units (from
 * 1 July 2025) as an overlay for orientation. Choropleths always stay on the 2019 units.
 */
export { UNIT_VERSIONS, type UnitVersion };

export interface Camera {
  lon: number;
  lat: number;
  zoom: number;
}

export interface AtlasState {
  view: View;
  lang: Language;
  layers: MapLayerId[];
  metric: ChoroplethMetric;
  level: ChoroplethLevel;
  scheme: ClassificationScheme;
  period: Period;
  district: string | null;
  unit: string | null;
  /** null = frame the whole province (or the filtered district). */
  camera: Camera | null;
  units: UnitVersion;
  /** Relative gap-score weights of the planner. */
  weights: PlannerWeights;
  plannerSort: PlannerSort;
}

/** What a leader sees first: coverage of households by groups, with commune names. */
export const DEFAULT_STATE: AtlasState = {
  view: 'briefing',
  lang: 'vi',
  layers: ['choropleth', 'labels'],
  metric: 'groups_per_1k_households',
  level: 'commune',
  scheme: 'quantile',
  period: wholePeriod(),
  district: null,
  unit: null,
  camera: null,
  units: '2019',
  weights: defaultWeights(),
  plannerSort: DEFAULT_PLANNER_SORT,
};

const DISTRICT_CODE = /^\d{3}$/;
const UNIT_CODE = /^\d{2,5}$/;
/** Camera decimals: 4 places of a degree is ~10 m, finer than any zoom the atlas allows. */
const CAMERA_DEGREE_DECIMALS = 4;
const CAMERA_ZOOM_DECIMALS = 2;
const MIN_ZOOM = 0;
const MAX_ZOOM = 22;

function oneOf<T extends string>(allowed: readonly T[], value: string | null, fallback: T): T {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

function parseLayers(value: string | null): MapLayerId[] {
  if (value === null) return DEFAULT_STATE.layers;
  if (value === '') return [];
  const wanted = new Set(value.split(','));
  return MAP_LAYERS.filter((id) => wanted.has(id));
}

/** `map=zoom/lat/lon`, the order OpenStreetMap links use. */
function parseCamera(value: string | null): Camera | null {
  if (value === null) return null;
  const parts = value.split('/').map(Number);
  if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n))) return null;
  const [zoom, lat, lon] = parts as [number, number, number];
  if (zoom < MIN_ZOOM || zoom > MAX_ZOOM || Math.abs(lat) > 85 || Math.abs(lon) > 180) return null;
  return { zoom, lat, lon };
}

function formatCamera(camera: Camera): string {
  return [
    camera.zoom.toFixed(CAMERA_ZOOM_DECIMALS),
    camera.lat.toFixed(CAMERA_DEGREE_DECIMALS),
    camera.lon.toFixed(CAMERA_DEGREE_DECIMALS),
  ].join('/');
}

export function parseAtlasState(search: string): AtlasState {
  const q = new URLSearchParams(search);
  const district = q.get('district');
  const unit = q.get('unit');
  return {
    view: oneOf(VIEWS, q.get('view'), DEFAULT_STATE.view),
    lang: oneOf(LANGUAGES, q.get('lang'), DEFAULT_STATE.lang),
    layers: parseLayers(q.get('layers')),
    metric: oneOf(CHOROPLETH_METRICS, q.get('metric'), DEFAULT_STATE.metric),
    level: oneOf(CHOROPLETH_LEVELS, q.get('level'), DEFAULT_STATE.level),
    scheme: oneOf(CLASSIFICATION_SCHEMES, q.get('scheme'), DEFAULT_STATE.scheme),
    period: normalizePeriod(q.get('from'), q.get('to')) ?? DEFAULT_STATE.period,
    district: district !== null && DISTRICT_CODE.test(district) ? district : null,
    unit: unit !== null && UNIT_CODE.test(unit) ? unit : null,
    camera: parseCamera(q.get('map')),
    units: oneOf(UNIT_VERSIONS, q.get('units'), DEFAULT_STATE.units),
    weights: parseWeights(q),
    plannerSort: parsePlannerSort(q.get('sort')),
  };
}

/**
 * Canonical query string: keys in a fixed order, so equal views give equal links. The keys
 * added with the planner and the 2025 boundaries are written only when they differ from their
 * defaults, so links made before them keep their exact form.
 */
export function serializeAtlasState(state: AtlasState): string {
  const q = new URLSearchParams();
  q.set('view', state.view);
  q.set('lang', state.lang);
  q.set('layers', state.layers.join(','));
  q.set('metric', state.metric);
  q.set('level', state.level);
  q.set('scheme', state.scheme);
  q.set('from', state.period.from);
  q.set('to', state.period.to);
  if (state.district) q.set('district', state.district);
  if (state.unit) q.set('unit', state.unit);
  if (state.camera) q.set('map', formatCamera(state.camera));
  if (state.units !== DEFAULT_STATE.units) q.set('units', state.units);
  writeWeights(q, state.weights);
  const sort = formatPlannerSort(state.plannerSort);
  if (sort) q.set('sort', sort);
  return `?${q.toString().replace(/%2C/g, ',').replace(/%2F/g, '/')}`;
}

/**
 * Emerging patterns are a classification of the communes of their own: drawn with the
 * choropleth or the Gi* fills their colours would mix, so switching either side on switches the
 * other off.
 */
const EXCLUSIVE_FILLS: Partial<Record<MapLayerId, MapLayerId[]>> = {
  emerging: ['choropleth', 'hotspots'],
  choropleth: ['emerging'],
  hotspots: ['emerging'],
};

export function toggleLayer(layers: readonly MapLayerId[], id: MapLayerId, on: boolean): MapLayerId[] {
  const set = new Set(layers);
  if (on) {
    set.add(id);
    for (const other of EXCLUSIVE_FILLS[id] ?? []) set.delete(other);
  } else set.delete(id);
  return MAP_LAYERS.filter((l) => set.has(l));
}
