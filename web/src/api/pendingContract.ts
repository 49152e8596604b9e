/**
 * Response shapes the web app reads that server/contract does not define yet. They follow
 * the lead's API plan and the routes in server/routes (config, session, units, hotspots); move
 * each to server/contract/responses.ts when the server exports it, and delete it here.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Period } from '../../../server/contract';

export const ROLES = ['viewer', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface ConfigResponse {
  demo: boolean;
  synthetic: boolean;
  dataset_version: string;
  period: Period;
  basemap_style_url: string | null;
  privacy_k: number;
  province: { code: string; name: string; bbox: [number, number, number, number] };
}

export interface SessionResponse {
  username: string;
  role: Role;
  csrf_token: string;
  expires_at: string;
}

export interface UnitProperties {
  code: string;
  name: string;
  type: string;
  district_code?: string | null;
  district_name?: string | null;
  population: number;
  households: number;
  area_km2: number;
}

export type UnitGeometry = Polygon | MultiPolygon;
export type UnitFeature = Feature<UnitGeometry, UnitProperties>;
export type UnitsResponse = FeatureCollection<UnitGeometry, UnitProperties>;

/** Gi* confidence bin: ±3/±2/±1 = 99/95/90 % hot (+) or cold (−) spot, 0 = not significant. */
export type HotspotBin = -3 | -2 | -1 | 0 | 1 | 2 | 3;

export interface HotspotFeature {
  code: string;
  value: number | null;
  z: number | null;
  p: number | null;
  bin: HotspotBin;
  suppressed?: boolean;
}

export interface HotspotsResponse {
  method: 'gi_star';
  weights: string;
  value: 'count' | 'per_1k_households';
  fdr: boolean;
  features: HotspotFeature[];
  warnings?: string[];
}
