import { describe, expect, it } from 'vitest';
import { QUEEN_SNAP_DEGREES, queenContiguity, type AreaGeometry } from '../../../server/analytics/queen-contiguity';
import { thrownCode } from './thrown-code';

/** Axis-aligned square polygon with its lower-left corner at (x, y), closed ring. */
function square(x: number, y: number, side: number): AreaGeometry {
  return {
    type: 'Polygon',
    coordinates: [[[x, y], [x + side, y], [x + side, y + side], [x, y + side], [x, y]]],
  };
}

const SIDE = 0.01;

describe('queenContiguity', () => {
  it('given two squares sharing an edge, when contiguity is computed, then they are neighbours', () => {
    expect(queenContiguity([square(0, 0, SIDE), square(SIDE, 0, SIDE)])).toEqual([[1], [0]]);
  });

  it('given two squares touching only at a corner, when contiguity is computed, then they are queen neighbours', () => {
    expect(queenContiguity([square(0, 0, SIDE), square(SIDE, SIDE, SIDE)])).toEqual([[1], [0]]);
  });

  it('given a gap of 0.0004° between squares, when contiguity is computed, then they are neighbours (within the 0.0005° snap)', () => {
    expect(queenContiguity([square(0, 0, SIDE), square(SIDE + 0.0004, 0, SIDE)])).toEqual([[1], [0]]);
  });

  it('given a gap of 0.0006° between squares, when contiguity is computed, then they are not neighbours', () => {
    expect(queenContiguity([square(0, 0, SIDE), square(SIDE + 0.0006, 0, SIDE)])).toEqual([[], []]);
  });

  it('given a gap exactly equal to the snap distance, when contiguity is computed, then they are neighbours (≤, as spdep)', () => {
    // Snap 0.5 and gap 0.5 are exact in binary: hypot(0.5, 0) = 0.5 ≤ 0.5.
    expect(queenContiguity([square(0, 0, 1), square(1.5, 0, 1)], 0.5)).toEqual([[1], [0]]);
  });

  it('given corners 0.0004° apart in both x and y, when contiguity is computed, then the Euclidean distance 0.00057° keeps them apart', () => {
    // Each axis is within the snap, but hypot(0.0004, 0.0004) = 0.000566 > 0.0005.
    expect(queenContiguity([square(0, 0, SIDE), square(SIDE + 0.0004, SIDE + 0.0004, SIDE)])).toEqual([[], []]);
  });

  it('given corners 0.0003° apart in both x and y, when contiguity is computed, then the distance 0.00042° makes them neighbours', () => {
    expect(queenContiguity([square(0, 0, SIDE), square(SIDE + 0.0003, SIDE + 0.0003, SIDE)])).toEqual([[1], [0]]);
  });

  it('given a 3×3 block of squares, when contiguity is computed, then lists are the queen lattice, sorted and symmetric', () => {
    const cells = [0, 1, 2].flatMap((row) => [0, 1, 2].map((column) => square(column * SIDE, row * SIDE, SIDE)));
    expect(queenContiguity(cells)).toEqual([
      [1, 3, 4],
      [0, 2, 3, 4, 5],
      [1, 4, 5],
      [0, 1, 4, 6, 7],
      [0, 1, 2, 3, 5, 6, 7, 8],
      [1, 2, 4, 7, 8],
      [3, 4, 7],
      [3, 4, 5, 6, 8],
      [4, 5, 7],
    ]);
  });

  it('given a MultiPolygon whose second part touches a far square, when contiguity is computed, then they are neighbours', () => {
    const islands: AreaGeometry = {
      type: 'MultiPolygon',
      coordinates: [square(0, 0, SIDE).coordinates as never, square(1, 1, SIDE).coordinates as never],
    };
    expect(queenContiguity([islands, square(1 + SIDE, 1, SIDE), square(0.5, 0.5, SIDE)])).toEqual([[1], [0], []]);
  });

  it('given a square inside the hole of another polygon, when contiguity is computed, then the hole ring makes them neighbours', () => {
    const withHole: AreaGeometry = {
      type: 'Polygon',
      coordinates: [
        [[0, 0], [0.03, 0], [0.03, 0.03], [0, 0.03], [0, 0]],
        [[0.01, 0.01], [0.01, 0.02], [0.02, 0.02], [0.02, 0.01], [0.01, 0.01]],
      ],
    };
    expect(queenContiguity([withHole, square(0.01, 0.01, SIDE)])).toEqual([[1], [0]]);
  });

  it('given a unit without geometry, when contiguity is computed, then it has no neighbours', () => {
    expect(queenContiguity([square(0, 0, SIDE), null, square(SIDE, 0, SIDE)])).toEqual([[2], [], [0]]);
  });

  it('given 64 jittered, densified grid squares, when contiguity is computed, then it equals the all-pairs vertex test of spdep', () => {
    // Squares of 0.01° on an 8×8 grid, 10 vertices per side, each vertex moved by up to ±0.0003°
    // (like mismatched boundaries of neighbouring communes). Brute force: every vertex pair of every
    // polygon pair with dx, dy on raw doubles and hypot(dx, dy) ≤ snap.
    let seed = 7;
    const jitter = () => {
      seed = (seed * 48271) % 2147483647;
      return (seed / 2147483647 - 0.5) * 0.0006;
    };
    const ring = (x: number, y: number) => {
      const points: number[][] = [];
      const steps = 10;
      for (let i = 0; i < steps; i += 1) points.push([x + (SIDE * i) / steps + jitter(), y + jitter()]);
      for (let i = 0; i < steps; i += 1) points.push([x + SIDE + jitter(), y + (SIDE * i) / steps + jitter()]);
      for (let i = 0; i < steps; i += 1) points.push([x + SIDE - (SIDE * i) / steps + jitter(), y + SIDE + jitter()]);
      for (let i = 0; i < steps; i += 1) points.push([x + jitter(), y + SIDE - (SIDE * i) / steps + jitter()]);
      points.push(points[0]!);
      return points;
    };
    const polygons = Array.from({ length: 64 }, (_, cell) => [ring(105.5 + (cell % 8) * SIDE, 21.2 + Math.floor(cell / 8) * SIDE)]);
    const bruteForce = polygons.map((own, i) =>
      polygons.flatMap((other, j) =>
        i !== j && own[0]!.some(([x1, y1]) => other[0]!.some(([x2, y2]) => Math.hypot(x1! - x2!, y1! - y2!) <= QUEEN_SNAP_DEGREES))
          ? [j]
          : [],
      ),
    );
    expect(queenContiguity(polygons.map((coordinates) => ({ type: 'Polygon', coordinates })))).toEqual(bruteForce);
  });

  it('given a vertex with a NaN coordinate, when contiguity is computed, then it throws invalid_input', () => {
    expect(thrownCode(() => queenContiguity([{ type: 'Polygon', coordinates: [[[0, Number.NaN]]] }]))).toBe('invalid_input');
  });

  it('given a snap of 0, when contiguity is computed, then it throws invalid_input', () => {
    expect(thrownCode(() => queenContiguity([square(0, 0, SIDE)], 0))).toBe('invalid_input');
  });
});
