/**
 * Where to write a unit's name: inside its largest polygon, near the middle. The area centroid
 * when it falls inside; otherwise the middle of the widest horizontal run through the polygon
 * at the centroid's latitude (crescent-shaped communes along rivers).
 */
import type { Position } from 'geojson';
import type { UnitGeometry } from '#contract/api';

export type LonLat = [number, number];
type Ring = Position[];

function ringArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [xi = 0, yi = 0] = ring[i] ?? [];
    const [xj = 0, yj = 0] = ring[j] ?? [];
    sum += xj * yi - xi * yj;
  }
  return sum / 2;
}

function ringCentroid(ring: Ring): LonLat {
  let cx = 0;
  let cy = 0;
  let twiceArea = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [xi = 0, yi = 0] = ring[i] ?? [];
    const [xj = 0, yj = 0] = ring[j] ?? [];
    const cross = xj * yi - xi * yj;
    twiceArea += cross;
    cx += (xi + xj) * cross;
    cy += (yi + yj) * cross;
  }
  if (twiceArea === 0) {
    const [x = 0, y = 0] = ring[0] ?? [];
    return [x, y];
  }
  return [cx / (3 * twiceArea), cy / (3 * twiceArea)];
}

/** Crossings of the horizontal line y with all rings' edges, sorted by x. */
function crossings(rings: Ring[], y: number): number[] {
  const xs: number[] = [];
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
      const [xi = 0, yi = 0] = ring[i] ?? [];
      const [xj = 0, yj = 0] = ring[j] ?? [];
      if (yi > y !== yj > y) xs.push(xi + ((y - yi) * (xj - xi)) / (yj - yi));
    }
  }
  return xs.sort((a, b) => a - b);
}

export function pointInPolygon(point: LonLat, rings: Ring[]): boolean {
  const xs = crossings(rings, point[1]);
  return xs.filter((x) => x < point[0]).length % 2 === 1;
}

function largestPolygon(geometry: UnitGeometry): Ring[] {
  const polygons: Ring[][] = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let best: Ring[] = polygons[0] ?? [];
  let bestArea = -1;
  for (const polygon of polygons) {
    const area = Math.abs(ringArea(polygon[0] ?? []));
    if (area > bestArea) {
      best = polygon;
      bestArea = area;
    }
  }
  return best;
}

export function labelPoint(geometry: UnitGeometry): LonLat {
  const rings = largestPolygon(geometry);
  const centroid = ringCentroid(rings[0] ?? []);
  if (pointInPolygon(centroid, rings)) return centroid;
  const xs = crossings(rings, centroid[1]);
  let bestMid = centroid[0];
  let bestWidth = -1;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    const a = xs[i] as number;
    const b = xs[i + 1] as number;
    if (b - a > bestWidth) {
      bestWidth = b - a;
      bestMid = (a + b) / 2;
    }
  }
  return [bestMid, centroid[1]];
}

/** Bounding box [minLon, minLat, maxLon, maxLat] of any polygon geometry. */
export function geometryBbox(geometry: UnitGeometry): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const polygons: Ring[][] = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      for (const [x = 0, y = 0] of ring) {
        if (x < minX) minX = x;
        if (y < minY) minY = y;
        if (x > maxX) maxX = x;
        if (y > maxY) maxY = y;
      }
    }
  }
  return [minX, minY, maxX, maxY];
}
