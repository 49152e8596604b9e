/**
 * Neighbour lists for H3 hexagon cells (the `unit=h3` hot spots), three rules:
 * - grid disk: cells within k grid steps (h3 `gridDisk`), the hexagonal analogue of queen
 *   contiguity (k = 1: the 6 touching cells);
 * - k nearest: the k cells with the closest centroids (ArcGIS "K nearest neighbors");
 * - distance band: cells whose centroids lie within d km (ArcGIS "Fixed distance band").
 * Only cells in the list count as neighbours. Distances are great-circle distances between cell
 * centroids with h3's own haversine and Earth radius, so they equal h3 `greatCircleDistance(…,
 * 'km')`. Lists are sorted by index and never contain the cell itself.
 */
import { cellToLatLng, getResolution, gridDisk, isValidCell } from 'h3-js';
import { AnalyticsError } from './errors';

/** Authalic Earth radius in km that h3 uses for great-circle distances (EARTH_RADIUS_KM in h3). */
const H3_EARTH_RADIUS_KM = 6371.007180918475;

interface Centroid {
  /** Radians. */
  lat: number;
  lng: number;
}

/**
 * Neighbours within k grid steps. Symmetric.
 * @throws AnalyticsError `invalid_h3_cell` for invalid, duplicate or mixed-resolution cells,
 *   `invalid_input` unless k is a positive integer.
 */
export function h3GridDiskNeighbours(cells: readonly string[], k: number): number[][] {
  const indexOf = cellIndex(cells);
  assertPositiveInteger(k, 'k (grid steps)');
  const resolutions = new Set(cells.map((cell) => getResolution(cell)));
  if (resolutions.size > 1) {
    throw new AnalyticsError('invalid_h3_cell', 'Grid-disk neighbours need cells of one resolution.', {
      resolutions: [...resolutions].sort((a, b) => a - b),
    });
  }
  return cells.map((cell, self) =>
    gridDisk(cell, k)
      .map((other) => indexOf.get(other))
      .filter((index): index is number => index !== undefined && index !== self)
      .sort((a, b) => a - b),
  );
}

/**
 * The k cells with the nearest centroids; ties in distance go to the lower index. Not symmetric
 * (j can be among i's nearest without i being among j's), which Gi* allows. With fewer than
 * k + 1 cells, every other cell is a neighbour.
 * @throws AnalyticsError `invalid_h3_cell`, or `invalid_input` unless k is a positive integer.
 */
export function h3KNearestNeighbours(cells: readonly string[], k: number): number[][] {
  cellIndex(cells);
  assertPositiveInteger(k, 'k (nearest neighbours)');
  const centroids = cells.map(centroidOf);
  return centroids.map((centroid, self) => {
    // Kept sorted by (distance, index); k is small, so insertion beats sorting all n.
    const nearest: { index: number; distance: number }[] = [];
    centroids.forEach((other, index) => {
      if (index === self) return;
      const distance = greatCircleKm(centroid, other);
      if (nearest.length === k && distance >= nearest[k - 1]!.distance) return;
      let position = nearest.length;
      while (position > 0 && nearest[position - 1]!.distance > distance) position -= 1;
      nearest.splice(position, 0, { index, distance });
      if (nearest.length > k) nearest.pop();
    });
    return nearest.map(({ index }) => index).sort((a, b) => a - b);
  });
}

/**
 * Cells whose centroids are within `distanceKm` (inclusive) great-circle distance. Symmetric.
 * A sweep over cells sorted by latitude skips pairs whose latitude difference alone exceeds
 * the band (a great-circle distance is never shorter than its latitude component).
 * @throws AnalyticsError `invalid_h3_cell`, or `invalid_input` for a non-positive distance.
 */
export function h3DistanceBandNeighbours(cells: readonly string[], distanceKm: number): number[][] {
  cellIndex(cells);
  if (!(Number.isFinite(distanceKm) && distanceKm > 0)) {
    throw new AnalyticsError('invalid_input', `The distance band must be a positive number of km, not ${distanceKm}.`, { distanceKm });
  }
  const centroids = cells.map(centroidOf);
  const byLatitude = centroids.map((_, index) => index).sort((a, b) => centroids[a]!.lat - centroids[b]!.lat);
  const bandRadians = distanceKm / H3_EARTH_RADIUS_KM;
  const neighbours = cells.map((): number[] => []);
  byLatitude.forEach((i, position) => {
    for (let next = position + 1; next < byLatitude.length; next += 1) {
      const j = byLatitude[next]!;
      if (centroids[j]!.lat - centroids[i]!.lat > bandRadians) break;
      if (greatCircleKm(centroids[i]!, centroids[j]!) <= distanceKm) {
        neighbours[i]!.push(j);
        neighbours[j]!.push(i);
      }
    }
  });
  return neighbours.map((list) => list.sort((a, b) => a - b));
}

/** Haversine distance in km, the formula of h3 `greatCircleDistanceKm`. */
function greatCircleKm(a: Centroid, b: Centroid): number {
  const sinLat = Math.sin((b.lat - a.lat) * 0.5);
  const sinLng = Math.sin((b.lng - a.lng) * 0.5);
  const h = sinLat * sinLat + Math.cos(a.lat) * Math.cos(b.lat) * sinLng * sinLng;
  return 2 * Math.atan2(Math.sqrt(h), Math.sqrt(1 - h)) * H3_EARTH_RADIUS_KM;
}

function centroidOf(cell: string): Centroid {
  const [lat, lng] = cellToLatLng(cell);
  return { lat: (lat * Math.PI) / 180, lng: (lng * Math.PI) / 180 };
}

/** Validates the cells and maps each id to its index. */
function cellIndex(cells: readonly string[]): Map<string, number> {
  const indexOf = new Map<string, number>();
  cells.forEach((cell, index) => {
    if (!isValidCell(cell)) {
      throw new AnalyticsError('invalid_h3_cell', `"${cell}" is not a valid H3 cell id.`, { index, cell });
    }
    if (indexOf.has(cell)) {
      throw new AnalyticsError('invalid_h3_cell', `H3 cell "${cell}" is listed twice.`, { index, cell });
    }
    indexOf.set(cell, index);
  });
  return indexOf;
}

function assertPositiveInteger(value: number, what: string): void {
  if (!(Number.isInteger(value) && value > 0)) {
    throw new AnalyticsError('invalid_input', `${what} must be a positive integer, not ${value}.`, { what, value });
  }
}
