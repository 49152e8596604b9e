import { gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { h3GridDiskNeighbours } from '../../../server/analytics/h3-neighbours';
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
