import { describe, expect, it } from 'vitest';
import { cellToParent, latLngToCell } from 'h3-js';
import type { GridResponse } from '#contract/api';
import type { UnitCollection } from '#contract/api';
import { coveringCells, densityCells } from '../../../web/src/map/heatmapCells';
import { geometryBbox, labelPoint, pointInPolygon } from '../../../web/src/map/labelPoints';

const square = { type: 'Polygon' as const, coordinates: [[[105, 21], [105.1, 21], [105.1, 21.1], [105, 21.1], [105, 21]]] };
/** A "U": its centroid falls in the notch, outside the polygon. */
const horseshoe = {
  type: 'Polygon' as const,
  coordinates: [[[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]]],
};

describe('label points', () => {
  it('puts a square label at its centre', () => {
    const [lon, lat] = labelPoint(square);
    expect(lon).toBeCloseTo(105.05, 6);
    expect(lat).toBeCloseTo(21.05, 6);
  });

  it('keeps a horseshoe label inside the shape', () => {
    expect(pointInPolygon(labelPoint(horseshoe), horseshoe.coordinates)).toBe(true);
  });

  it('measures the bbox', () => {
    expect(geometryBbox(horseshoe)).toEqual([0, 0, 3, 3]);
  });
});


describe('group density cells', () => {
  const units: UnitCollection = {
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: { code: 'x', name: 'x', type: 'Xã', population: 1, households: 1, area_km2: 1 }, geometry: square }],
  };

  it('covers the unit with cells and keeps empty cells at density 0', () => {
    const coverage = coveringCells(units, 8);
    expect(coverage.length).toBeGreaterThan(100);
    const occupied = latLngToCell(21.05, 105.05, 8);
    const grid: GridResponse = { layer: 'groups', resolution: 8, period: { from: '2017-01-01', to: '2022-10-25' }, cells: [{ h3: occupied, count: 7 }], synthetic: true };
    const cells = densityCells(coverage, grid);
    expect(cells.length).toBe(coverage.length);
    const hit = cells.find((c) => c.h3 === occupied);
    // A resolution-8 cell is ~0.74 km², so 7 groups are ~9.5 per km².
    expect(hit?.density).toBeGreaterThan(8);
    expect(hit?.density).toBeLessThan(11);
    expect(cells.filter((c) => c.density === 0).length).toBe(coverage.length - 1);
    expect(cellToParent(occupied, 7)).toBeTruthy();
  });
});
