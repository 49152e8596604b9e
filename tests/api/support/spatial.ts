/**
 * An independent implementation of the contract's hot-spot statistics for checking the server:
 * queen contiguity by vertices with a 0.0005° snap, Getis-Ord Gi* (self included, binary
 * weights), the two-sided normal p-value and Benjamini–Hochberg. Written from the formulas in
 * API_CONTRACT.md and the literature, sharing no code with server/analytics.
 */
import type { FeatureCollection, Geometry, Position } from 'geojson';

/** API_CONTRACT.md: vertices within 0.0005 degrees (planar) make two communes neighbours. */
export const SNAP_DEGREES = 0.0005;

function vertices(geometry: Geometry): Position[] {
  if (geometry.type === 'Polygon') return geometry.coordinates.flat();
  if (geometry.type === 'MultiPolygon') return geometry.coordinates.flat(2);
  throw new Error(`unexpected geometry ${geometry.type}`);
}

/** Neighbour indices of each feature (without itself), in feature order. */
export function queenNeighbours(collection: FeatureCollection): number[][] {
  const cellOf = (v: number) => Math.floor(v / SNAP_DEGREES);
  const grid = new Map<string, { unit: number; x: number; y: number }[]>();
  collection.features.forEach((feature, unit) => {
    for (const [x, y] of vertices(feature.geometry!)) {
      const key = `${cellOf(x!)}:${cellOf(y!)}`;
      const bucket = grid.get(key) ?? [];
      bucket.push({ unit, x: x!, y: y! });
      grid.set(key, bucket);
    }
  });
  const neighbours = collection.features.map(() => new Set<number>());
  for (const [key, bucket] of grid) {
    const [cx, cy] = key.split(':').map(Number) as [number, number];
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const other of grid.get(`${cx + dx}:${cy + dy}`) ?? []) {
          for (const v of bucket) {
            if (v.unit !== other.unit && Math.hypot(v.x - other.x, v.y - other.y) <= SNAP_DEGREES) neighbours[v.unit]!.add(other.unit);
          }
        }
      }
    }
  }
  return neighbours.map((set) => [...set].sort((a, b) => a - b));
}

/**
 * Getis-Ord Gi* z-scores (Ord & Getis 1995, eq. 14 with binary weights and i ∈ its own
 * neighbourhood): (Σ_N x − x̄·w) / (s·√((n·w − w²)/(n − 1))), s the population standard deviation.
 */
export function giStarZ(values: number[], neighbours: number[][]): number[] {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const s = Math.sqrt(values.reduce((a, x) => a + x * x, 0) / n - mean * mean);
  return neighbours.map((list, i) => {
    const w = list.length + 1;
    const local = list.reduce((a, j) => a + values[j]!, values[i]!);
    if (s === 0 || w >= n) return 0;
    return (local - mean * w) / (s * Math.sqrt((n * w - w * w) / (n - 1)));
  });
}

/** erfc by its continued fraction / series (Numerical Recipes erfcc, |error| < 1.2e-7). */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** Two-sided p of a standard normal z. */
export const twoSidedP = (z: number): number => erfc(Math.abs(z) / Math.SQRT2);

/** Contract bins: ±3/±2/±1 at |z| ≥ 2.576/1.960/1.645. */
export function binOf(z: number): number {
  const magnitude = Math.abs(z) >= 2.576 ? 3 : Math.abs(z) >= 1.96 ? 2 : Math.abs(z) >= 1.645 ? 1 : 0;
  return magnitude === 0 ? 0 : Math.sign(z) * magnitude;
}

/** Units Benjamini–Hochberg rejects at false discovery rate α. */
export function benjaminiHochbergRejects(pValues: number[], alpha: number): boolean[] {
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  let cut = -1;
  order.forEach(({ p }, rank) => {
    if (p <= ((rank + 1) / pValues.length) * alpha) cut = rank;
  });
  const rejected = pValues.map(() => false);
  for (let rank = 0; rank <= cut; rank++) rejected[order[rank]!.i] = true;
  return rejected;
}
