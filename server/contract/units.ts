/** GET /api/units: unit boundaries as GeoJSON, 2019 units and the units from 1 July 2025. */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';

export type UnitGeometry = Polygon | MultiPolygon;

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

export type UnitFeature = Feature<UnitGeometry, UnitProperties>;
export type UnitsResponse = FeatureCollection<UnitGeometry, UnitProperties>;

export interface Unit2025Properties {
  code: string;
  name: string;
  type: string;
  population: number;
  households: number;
  area_km2: number;
  /** The 2019 commune codes merged into this unit, comma-separated. */
  old_codes: string;
}

/** A 2019 commune whose receiving 2025 unit is not documented: listed, never guessed. */
export interface UnmappedCommune {
  code: string;
  name: string;
  reason: string;
}

export type Unit2025Feature = Feature<UnitGeometry, Unit2025Properties>;

/** GET /api/units?level=commune&version=2025 */
export type Units2025Response = FeatureCollection<UnitGeometry, Unit2025Properties> & {
  unmapped: UnmappedCommune[];
  note: string;
  attribution: string;
};
