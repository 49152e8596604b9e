/**
 * The grid the points are counted in when more match than the limit: square cells aligned on
 * multiples of their side, the side a power of two degrees, the finest that needs at most
 * `maxCells` cells over the area the records can be in. Powers of two keep the cells of one
 * zoom nested in those of the next and the same from one request to the next, so clusters do
 * not jump when the map pans.
 */
import type { Bbox } from '#contract';

/** 2^-14° ≈ 7 m: finer than any two records are apart is pointless. */
const FINEST_EXPONENT = -14;
/** 2^9° = 512°: one cell spans the world, so any limit ≥ 4 is met (a box across 0° needs 4 cells). */
const COARSEST_EXPONENT = 9;

/** Cells of side `size`, aligned on its multiples, that a box touches. */
export function cellsSpanned(box: Bbox, size: number): number {
  const [minLon, minLat, maxLon, maxLat] = box;
  const across = Math.floor(maxLon / size) - Math.floor(minLon / size) + 1;
  const down = Math.floor(maxLat / size) - Math.floor(minLat / size) + 1;
  return across * down;
}

/** The overlap of two boxes, or null when they do not meet. */
export function intersect(a: Bbox, b: Bbox): Bbox | null {
  const box: Bbox = [Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.min(a[3], b[3])];
  return box[0] <= box[2] && box[1] <= box[3] ? box : null;
}

/** The finest cell side (degrees) with at most `maxCells` cells over `box` (the coarsest when none is). */
export function clusterCellDegrees(box: Bbox, maxCells: number): number {
  for (let exponent = FINEST_EXPONENT; exponent < COARSEST_EXPONENT; exponent += 1) {
    const size = 2 ** exponent;
    if (cellsSpanned(box, size) <= maxCells) return size;
  }
  return 2 ** COARSEST_EXPONENT;
}
