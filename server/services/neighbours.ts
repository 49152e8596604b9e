/**
 * Neighbour lists, computed once per loaded data set: queen contiguity of the communes (the
 * contract's vertex rule with a 0.0005° snap) and the H3 cells of the settled area.
 */
import { h3GridDiskNeighbours } from '../analytics/h3-neighbours';
import { queenContiguity, type AreaGeometry } from '../analytics/queen-contiguity';
import type { Dataset } from '../dataset/dataset';
import { settledCells, type GridResolution } from '../queries/grid';

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

export function h3Universe(dataset: Dataset, resolution: GridResolution): Promise<H3Universe> {
  let byResolution = cellUniverses.get(dataset);
  if (!byResolution) {
    byResolution = new Map();
    cellUniverses.set(dataset, byResolution);
  }
  let universe = byResolution.get(resolution);
  if (!universe) {
    universe = settledCells(dataset.db, resolution).then((cells) => ({
      cells,
      index: new Map(cells.map((c, i) => [c, i])),
      neighbours: h3GridDiskNeighbours(cells, H3_RING),
    }));
    byResolution.set(resolution, universe);
  }
  return universe;
}
