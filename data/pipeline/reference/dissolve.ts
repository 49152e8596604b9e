/**
 * Dissolves communes into larger units (districts, province, 2025 units) with turf.union,
 * then removes the artefacts of GADM's imperfect topology: the small gaps between
 * neighbouring communes become tiny holes or specks in the union.
 */
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { Ring } from '../sources/gadm';
import { polygonsOf, rewindPolygon, ringAreaKm2, roundCoordinate, type AreaGeometry } from './geometry';

/**
 * Holes and parts smaller than this are slivers. The largest gap between Vĩnh Phúc communes
 * in GADM 4.1 is 0.114 km²; the smallest real unit is 0.65 km² (Ngô Quyền) and the smallest
 * unmapped 2025 hole 3.06 km² (Tam Phúc), so 0.5 km² separates the two cleanly.
 */
export const SLIVER_MAX_KM2 = 0.5;

function roundRing(ring: Ring): Ring {
  const out: Ring = [];
  for (const [lon, lat] of ring) {
    const p: [number, number] = [roundCoordinate(lon), roundCoordinate(lat)];
    const prev = out[out.length - 1];
    if (!prev || prev[0] !== p[0] || prev[1] !== p[1]) out.push(p);
  }
  return out;
}

/** Union of the given areas, slivers removed, coordinates rounded, RFC 7946 winding. */
export function dissolve(parts: readonly AreaGeometry[]): AreaGeometry {
  const features = parts.map((geometry) => turf.feature(geometry) as Feature<Polygon | MultiPolygon>);
  const union = features.length === 1 ? features[0] : turf.union(turf.featureCollection(features));
  if (!union) throw new Error('union of an empty set of areas');
  const polygons = polygonsOf(union.geometry)
    .map((rings) => rings.map(roundRing).filter((ring, k) => k === 0 || ringAreaKm2(ring) >= SLIVER_MAX_KM2))
    .filter((rings) => rings[0] !== undefined && ringAreaKm2(rings[0]) >= SLIVER_MAX_KM2)
    .map(rewindPolygon);
  if (polygons.length === 1) return { type: 'Polygon', coordinates: polygons[0]! };
  return { type: 'MultiPolygon', coordinates: polygons };
}
