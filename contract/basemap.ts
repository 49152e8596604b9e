/**
 * The region around the province, drawn under it so it does not float on an empty page:
 * neighbouring provinces, the big rivers and the nearby towns, with Vietnamese names. Written by
 * the data build as context.geojson and served as is by GET /api/basemap/context.
 */

/** [lon, lat], WGS 84. */
export type LonLatPosition = [number, number];

export interface ContextProvinceFeature {
  type: 'Feature';
  properties: { kind: 'province'; name: string };
  geometry: { type: 'Polygon'; coordinates: LonLatPosition[][] } | { type: 'MultiPolygon'; coordinates: LonLatPosition[][][] };
}

export interface ContextRiverFeature {
  type: 'Feature';
  properties: { kind: 'river'; name: string };
  geometry: { type: 'LineString'; coordinates: LonLatPosition[] } | { type: 'MultiLineString'; coordinates: LonLatPosition[][] };
}

export interface ContextTownFeature {
  type: 'Feature';
  /** rank: Natural Earth scalerank, 0 = most important (Hà Nội is 2, a provincial town 6–10). */
  properties: { kind: 'town'; name: string; rank: number };
  geometry: { type: 'Point'; coordinates: LonLatPosition };
}

export type ContextFeature = ContextProvinceFeature | ContextRiverFeature | ContextTownFeature;

/** GET /api/basemap/context */
export interface BasemapContextResponse {
  type: 'FeatureCollection';
  /** Sources and licences of the features, to be credited wherever they are drawn. */
  attribution: string;
  synthetic: false;
  features: ContextFeature[];
}
