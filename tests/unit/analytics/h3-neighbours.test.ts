import { cellToLatLng, greatCircleDistance, gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { h3DistanceBandNeighbours, h3GridDiskNeighbours, h3KNearestNeighbours } from '../../../server/analytics/h3-neighbours';
import { thrownCode } from './thrown-code';

/** Vĩnh Yên, the provincial capital. */
const LAT = 21.31;
const LNG = 105.6;
/** Kilometres per degree of longitude at LAT on h3's sphere (R = 6371.007 km). */
const KM_PER_DEGREE_LNG = ((6371.007180918475 * Math.PI) / 180) * Math.cos((LAT * Math.PI) / 180);

/** Resolution-9 cells (edge ≈ 0.17 km) at 0, 1, 3 and 7 km east of the start: gaps of 1, 2 and 4 km. */
const LINE = [0, 1, 3, 7].map((km) => latLngToCell(LAT, LNG + km / KM_PER_DEGREE_LNG, 9));

describe('h3GridDiskNeighbours', () => {
  const centre = latLngToCell(LAT, LNG, 8);
  const ring = gridDisk(centre, 1).filter((cell) => cell !== centre);
  const far = latLngToCell(LAT + 0.2, LNG, 8);

  it('given a cell with its 6 touching cells and one far cell, when k = 1, then the centre neighbours the 6', () => {
    expect(h3GridDiskNeighbours([centre, ...ring, far], 1)[0]).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('given a far cell, when k = 1, then it has no neighbours', () => {
    expect(h3GridDiskNeighbours([centre, ...ring, far], 1)[7]).toEqual([]);
  });

  it('given cells of the disk, when neighbours are computed, then the lists are symmetric', () => {
    const lists = h3GridDiskNeighbours([centre, ...ring], 1);
    lists.forEach((list, i) => list.forEach((j) => expect(lists[j]).toContain(i)));
  });

  it('given cells of resolutions 8 and 9, when grid-disk neighbours are asked for, then it throws invalid_h3_cell', () => {
    expect(thrownCode(() => h3GridDiskNeighbours([centre, LINE[0]!], 1))).toBe('invalid_h3_cell');
  });

  it('given k = 0, when grid-disk neighbours are asked for, then it throws invalid_input', () => {
    expect(thrownCode(() => h3GridDiskNeighbours([centre], 0))).toBe('invalid_input');
  });
});

describe('h3KNearestNeighbours', () => {
  it('given four cells on a line with gaps of 1, 2 and 4 km, when k = 1, then each gets its nearest cell', () => {
    expect(h3KNearestNeighbours(LINE, 1)).toEqual([[1], [0], [1], [2]]);
  });

  it('given the same cells, when k = 2, then each gets its two nearest, sorted by index', () => {
    // From cell 2 (3 km): cell 1 at 2 km, cell 0 at 3 km, cell 3 at 4 km. From cell 3 (7 km): 4 and 6 km.
    expect(h3KNearestNeighbours(LINE, 2)).toEqual([[1, 2], [0, 2], [0, 1], [1, 2]]);
  });

  it('given k larger than the other cells, when neighbours are computed, then every other cell is a neighbour', () => {
    expect(h3KNearestNeighbours(LINE.slice(0, 3), 5)).toEqual([[1, 2], [0, 2], [0, 1]]);
  });
});

describe('h3DistanceBandNeighbours', () => {
  it('given a 2.5 km band, when neighbours are computed, then only the 1 km and 2 km gaps connect', () => {
    expect(h3DistanceBandNeighbours(LINE, 2.5)).toEqual([[1], [0, 2], [1], []]);
  });

  it('given a band equal to h3 greatCircleDistance of a pair (±1e-9 relative), when computed, then the pair is in and out accordingly', () => {
    const km = greatCircleDistance(cellToLatLng(LINE[0]!), cellToLatLng(LINE[1]!), 'km');
    expect(h3DistanceBandNeighbours(LINE.slice(0, 2), km * (1 + 1e-9))).toEqual([[1], [0]]);
    expect(h3DistanceBandNeighbours(LINE.slice(0, 2), km * (1 - 1e-9))).toEqual([[], []]);
  });

  it('given an invalid cell id, when neighbours are computed, then it throws invalid_h3_cell', () => {
    expect(thrownCode(() => h3DistanceBandNeighbours(['not-a-cell'], 1))).toBe('invalid_h3_cell');
  });

  it('given a cell listed twice, when neighbours are computed, then it throws invalid_h3_cell', () => {
    expect(thrownCode(() => h3DistanceBandNeighbours([LINE[0]!, LINE[0]!], 1))).toBe('invalid_h3_cell');
  });

  it('given a negative distance, when neighbours are computed, then it throws invalid_input', () => {
    expect(thrownCode(() => h3DistanceBandNeighbours(LINE, -1))).toBe('invalid_input');
  });
});
