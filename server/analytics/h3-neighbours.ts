/**
 * Neighbour lists for H3 hexagon cells (the `unit=h3` hot spots): cells within k grid steps
 * (h3 `gridDisk`), the hexagonal analogue of queen contiguity (k = 1: the 6 touching cells).
 * Only cells in the list count as neighbours. Lists are sorted by index and never contain the
 * cell itself.
 */
import { getResolution, gridDisk, isValidCell } from 'h3-js';
import { AnalyticsError } from './errors';

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
