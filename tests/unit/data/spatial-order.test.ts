/** The Hilbert order of the point tables: a walk through every cell, each step to a neighbour. */
import { describe, expect, it } from 'vitest';
import { hilbertIndex, inSpatialOrder } from '../../../data/pipeline/output/spatial-order';

describe('hilbertIndex', () => {
  it('given the 2 × 2 grid, then the curve runs (0,0) → (0,1) → (1,1) → (1,0)', () => {
    expect([hilbertIndex(0, 0, 2), hilbertIndex(0, 1, 2), hilbertIndex(1, 1, 2), hilbertIndex(1, 0, 2)]).toEqual([0, 1, 2, 3]);
  });

  it.each([4, 8, 32])('given a %i × %i grid, then every cell has its own index and consecutive indices are neighbouring cells', (side) => {
    const cellAt = new Map<number, [number, number]>();
    for (let x = 0; x < side; x++) for (let y = 0; y < side; y++) cellAt.set(hilbertIndex(x, y, side), [x, y]);
    expect([...cellAt.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: side * side }, (_, i) => i));
    for (let i = 1; i < side * side; i++) {
      const [ax, ay] = cellAt.get(i - 1)!;
      const [bx, by] = cellAt.get(i)!;
      expect(Math.abs(ax - bx) + Math.abs(ay - by)).toBe(1);
    }
  });
});

describe('inSpatialOrder', () => {
  const rows = [
    { id: 'a', lon: 105.0, lat: 21.0 },
    { id: 'b', lon: 105.9, lat: 21.0 },
    { id: 'c', lon: 105.0, lat: 21.9 },
    { id: 'd', lon: 105.01, lat: 21.01 },
    { id: 'e', lon: 105.9, lat: 21.9 },
  ];

  it('given groups, then neighbours on the ground come out next to each other, along the curve', () => {
    expect(inSpatialOrder('groups', rows).map((r) => r.id)).toEqual(['a', 'd', 'c', 'e', 'b']);
  });

  it('given the same position twice, then the input order is kept (a build stays byte-identical)', () => {
    const twins = [{ id: 'x', lon: 105.5, lat: 21.5 }, { id: 'y', lon: 105.5, lat: 21.5 }, ...rows];
    const ordered = inSpatialOrder('models', twins).map((r) => r.id);
    expect(ordered.indexOf('x')).toBe(ordered.indexOf('y') - 1);
  });

  it('given tips (read by date, never by bbox), then their order is left alone', () => {
    expect(inSpatialOrder('tips', rows)).toBe(rows);
  });
});
