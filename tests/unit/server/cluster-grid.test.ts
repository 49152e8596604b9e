/** The grid points are clustered in beyond the limit: the finest power-of-two cell that fits. */
import { describe, expect, it } from 'vitest';
import type { Bbox } from '#contract';
import { cellsSpanned, clusterCellDegrees, intersect } from '../../../server/services/cluster-grid';

const PROVINCE: Bbox = [105.32, 21.13, 105.78, 21.58];

describe('cellsSpanned', () => {
  it('counts the aligned cells a box touches, edges included', () => {
    expect(cellsSpanned([0, 0, 0.99, 0.99], 1)).toBe(1);
    expect(cellsSpanned([0, 0, 1, 1], 1)).toBe(4);
    expect(cellsSpanned([-0.5, -0.5, 0.5, 0.5], 1)).toBe(4);
    expect(cellsSpanned([105.3, 21.1, 105.8, 21.6], 0.25)).toBe(3 * 3);
  });
});

describe('clusterCellDegrees', () => {
  it.each([1, 10, 100, 10_000, 100_000, 500_000])('given limit %i over the province, then the finest power of two with at most that many cells', (limit) => {
    const size = clusterCellDegrees(PROVINCE, limit);
    expect(Number.isInteger(Math.log2(size))).toBe(true);
    expect(cellsSpanned(PROVINCE, size)).toBeLessThanOrEqual(limit);
    if (size > 2 ** -14) expect(cellsSpanned(PROVINCE, size / 2)).toBeGreaterThan(limit);
  });

  it('given 100,000 cells over the province, then cells of 2^-9 degrees (about 200 m)', () => {
    expect(clusterCellDegrees(PROVINCE, 100_000)).toBe(2 ** -9);
  });

  it('given a tiny box and a big limit, then the finest cell (about 7 m), not smaller', () => {
    expect(clusterCellDegrees([105.5, 21.3, 105.5001, 21.3001], 500_000)).toBe(2 ** -14);
  });
});

describe('intersect', () => {
  it('gives the overlap, or null when the boxes miss each other', () => {
    expect(intersect([-180, -90, 180, 90], PROVINCE)).toEqual(PROVINCE);
    expect(intersect([105.5, 21.0, 106, 21.2], PROVINCE)).toEqual([105.5, 21.13, 105.78, 21.2]);
    expect(intersect([0, 20, 10, 25], PROVINCE)).toBeNull();
  });
});
