/** A 2019 unit (commune, district or the province) as every route looks it up. */
import type { Bbox, UnitLevel } from '#contract';

export interface UnitRecord {
  code: string;
  name: string;
  type: string;
  level: UnitLevel;
  district_code: string | null;
  district_name: string | null;
  population: number;
  households: number;
  area_km2: number;
  bbox: Bbox;
  centroid: [number, number];
}
