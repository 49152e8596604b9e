/**
 * Small geometry helpers over GeoJSON-style coordinate arrays. Commune vertices are never
 * moved: the only change allowed to source rings is reversing their order (RFC 7946
 * winding), which keeps every vertex exactly.
 */
import * as turf from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import type { Position, Ring } from '../sources/gadm';

export type AreaGeometry = Polygon | MultiPolygon;
export type BBox = [number, number, number, number];

/** Coordinates written to outputs: 6 decimals ≈ 0.1 m, far below the source's precision. */
export const COORDINATE_DECIMALS = 6;
const COORDINATE_FACTOR = 10 ** COORDINATE_DECIMALS;

export function roundCoordinate(value: number): number {
  return Math.round(value * COORDINATE_FACTOR) / COORDINATE_FACTOR;
}

/** Twice the signed planar area (shoelace); > 0 means counter-clockwise in lon/lat. */
function signedArea2(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x1, y1] = ring[i]!;
    const [x2, y2] = ring[i + 1]!;
    sum += x1 * y2 - x2 * y1;
  }
  return sum;
}

/** RFC 7946 §3.1.6: exterior rings counter-clockwise, holes clockwise. Reverses, never moves. */
export function rewindPolygon(rings: readonly Ring[]): Ring[] {
  return rings.map((ring, k) => {
    const counterClockwise = signedArea2(ring) > 0;
    const wantCounterClockwise = k === 0;
    return counterClockwise === wantCounterClockwise ? ring.slice() : ring.slice().reverse();
  });
}

export function polygonsOf(geometry: AreaGeometry): Ring[][] {
  return (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as Ring[][];
}

export function bboxOf(geometry: AreaGeometry): BBox {
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (const polygon of polygonsOf(geometry)) {
    for (const [lon, lat] of polygon[0] ?? []) {
      if (lon < minLon) minLon = lon;
      if (lon > maxLon) maxLon = lon;
      if (lat < minLat) minLat = lat;
      if (lat > maxLat) maxLat = lat;
    }
  }
  return [minLon, minLat, maxLon, maxLat];
}

const SQUARE_METRES_PER_KM2 = 1_000_000;
/** Areas are stored with 4 decimals (100 m²); more would be false precision for GADM. */
const AREA_DECIMALS = 4;

export function areaKm2(geometry: AreaGeometry): number {
  const km2 = turf.area(geometry) / SQUARE_METRES_PER_KM2;
  return Math.round(km2 * 10 ** AREA_DECIMALS) / 10 ** AREA_DECIMALS;
}

/** Area centroid (centre of mass); may fall outside a very concave unit, fine for labels and zoom. */
export function centroidOf(geometry: AreaGeometry): Position {
  const [lon, lat] = turf.centerOfMass(geometry).geometry.coordinates;
  return [roundCoordinate(lon ?? 0), roundCoordinate(lat ?? 0)];
}

export function ringAreaKm2(ring: Ring): number {
  return turf.area(turf.polygon([ring])) / SQUARE_METRES_PER_KM2;
}
