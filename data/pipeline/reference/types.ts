/** The real reference layer of the data set: 2019 communes, districts, province, 2025 units. */
import type { ContextFeature } from '#contract/api';
import type { MultiPolygon } from 'geojson';
import type { CommuneType } from '#contract';
import type { Position } from '../sources/gadm';
import type { CrosswalkRow } from '../sources/crosswalk';
import type { AreaGeometry, BBox } from './geometry';

export interface Commune {
  code: string;
  name: string;
  type: CommuneType;
  districtCode: string;
  districtName: string;
  population: number;
  households: number;
  areaKm2: number;
  centroid: Position;
  bbox: BBox;
  gadmGid: string;
  code2025: string | null;
  /** The source polygon, vertices exactly as in GADM, rings rewound to RFC 7946. */
  geometry: MultiPolygon;
}

export interface AreaUnit {
  code: string;
  name: string;
  type: string;
  population: number;
  households: number;
  areaKm2: number;
  centroid: Position;
  bbox: BBox;
  geometry: AreaGeometry;
}

export interface Unit2025 extends AreaUnit {
  /** 2019 codes merged into this unit, ascending. */
  oldCodes: string[];
}

export interface UnmappedCommune {
  code: string;
  name: string;
  reason: string;
}

export interface ReferenceData {
  communes: Commune[];
  districts: AreaUnit[];
  province: AreaUnit;
  units2025: Unit2025[];
  crosswalk: CrosswalkRow[];
  unmapped2025: UnmappedCommune[];
  /** The region drawn around the province: neighbouring provinces, rivers, towns. */
  context: ContextFeature[];
}
