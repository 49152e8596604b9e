/**
 * The record layers each kind of request reads, and the limits of the list-like requests.
 * Tips and outcome events (informant data) are never served as points.
 */
import { AREA_CLASSES, MODEL_SETTINGS } from './domain';

/** Layers counted per H3 cell (`/api/grid`). */
export const GRID_LAYERS = ['groups', 'tips', 'models'] as const;
export type GridLayer = (typeof GRID_LAYERS)[number];

/** Layers served as point locations (`/api/points`). */
export const POINT_LAYERS = ['groups', 'models'] as const;
export type PointLayer = (typeof POINT_LAYERS)[number];

/** The category stored per point: area class of a group, setting of a model (index into these lists). */
export const POINT_KINDS = { groups: AREA_CLASSES, models: MODEL_SETTINGS } as const;

/** Record exports (`/api/export/{layer}`, admin only). */
export const EXPORT_LAYERS = ['tips', 'events'] as const;
export type ExportLayer = (typeof EXPORT_LAYERS)[number];

/** Series of `/api/timeseries`: stocks (active at the end of each period) and flows (inside it). */
export const TIMESERIES_LAYERS = ['groups_active', 'groups_new', 'tips', 'events', 'models'] as const;
export type TimeseriesLayer = (typeof TIMESERIES_LAYERS)[number];

export const TIMESERIES_INTERVALS = ['year', 'month'] as const;
export type TimeseriesInterval = (typeof TIMESERIES_INTERVALS)[number];

/** Informant layers: the statistics of hot spots run on these. */
export const SENSITIVE_LAYERS = ['tips', 'events'] as const;
export type SensitiveLayer = (typeof SENSITIVE_LAYERS)[number];

/** Day numbers in the binary points form count from the start of the programme. */
export const POINTS_DAY_EPOCH = '2017-01-01';

export const POINT_LIMITS = {
  /** Default cap: every group at the demo scale, ten times over. */
  default: 100_000,
  /** Hard cap: 500k points are ~5.5 MB binary, about what a browser draws smoothly. */
  max: 500_000,
} as const;

export const SEARCH_LIMITS = {
  /** Ten suggestions fill a dropdown; the province has 147 units in all. */
  default: 10,
  max: 50,
} as const;

/** Longest accepted text parameter: unit names are < 40 characters; longer input is noise or an attack. */
export const MAX_TEXT_PARAM = 200;
