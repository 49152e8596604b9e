/**
 * Neighbour lists, computed once per loaded data set: queen contiguity of the communes (the
 * contract's vertex rule with a 0.0005° snap) and the H3 cells of the settled area.
 */
import { h3GridDiskNeighbours } from '../analytics/h3-neighbours';
import { queenContiguity, type AreaGeometry } from '../analytics/queen-contiguity';
import type { Dataset } from '../dataset';
import type { GridResolution } from '../queries/grid';

const communeNeighbours = new WeakMap<Dataset, number[][]>();
const cellUniverses = new WeakMap<Dataset, Map<GridResolution, Promise<H3Universe>>>();

/** Neighbours of each commune, indices into `dataset.communes`. */
export function communeQueenNeighbours(dataset: Dataset): number[][] {
  let neighbours = communeNeighbours.get(dataset);
  if (!neighbours) {
    neighbours = queenContiguity(dataset.communeGeometries as AreaGeometry[]);
    communeNeighbours.set(dataset, neighbours);
  }
  return neighbours;
}

export interface H3Universe {
  cells: string[];
  index: Map<string, number>;
  neighbours: number[][];
}

/** First ring only: a res-8 cell and its six neighbours span ~5 km², about one village's reach. */
export const H3_RING = 1;

// Every cell that ever held a group or a tip: the settled area, where a count of 0 means something.
const CELL_UNIVERSE_SQL: Record<GridResolution, string> = {
  7: 'SELECT h3_r7 AS h3 FROM groups UNION SELECT h3_r7 FROM tips ORDER BY 1',
  8: 'SELECT h3_r8 AS h3 FROM groups UNION SELECT h3_r8 FROM tips ORDER BY 1',
};

export function h3Universe(dataset: Dataset, resolution: GridResolution): Promise<H3Universe> {
  let byResolution = cellUniverses.get(dataset);
  if (!byResolution) {
    byResolution = new Map();
    cellUniverses.set(dataset, byResolution);
  }
  let universe = byResolution.get(resolution);
  if (!universe) {
    universe = dataset.db.all<{ h3: string }>(CELL_UNIVERSE_SQL[resolution]).then((rows) => {
      const cells = rows.map((r) => r.h3);
      return { cells, index: new Map(cells.map((c, i) => [c, i])), neighbours: h3GridDiskNeighbours(cells, H3_RING) };
    });
    byResolution.set(resolution, universe);
  }
  return universe;
}
