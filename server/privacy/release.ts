/**
 * The release tables: every informant figure below admin is built from these cells, each
 * protected once by the cell key method. Tips and outcome events per commune and year; outcome
 * kinds per district and year and per province and year; tips per H3 cell and year.
 *
 * Where a finer table's pattern of empty and non-empty cells would bound a coarser hidden cell
 * (three H3 cells with tips inside a commune say it has at least three; three districts with a
 * kind say the province has at least three), the finer table does not tell empty from small:
 * both read "below the threshold" and count as nothing in sums.
 */
import { perturb, type PerturbationParameters, type ProtectedCell } from './perturbation';

export interface CountedCell {
  unit: string;
  year: number;
  kind: string;
  count: number;
  keySum: number;
}

/** How a table shows empty cells: as 0, or merged with the small ones below the threshold. */
export type EmptyCells = 'distinct' | 'merged';

export interface ReleaseTable {
  empty: EmptyCells;
  /** The protected cell; cells without records are zero. */
  cell(unit: string, year: number, kind?: string): ProtectedCell;
}

const cellId = (unit: string, year: number, kind: string) => `${unit}\u0000${year}\u0000${kind}`;

const BELOW_THRESHOLD: ProtectedCell = { kind: 'hidden' };
const ZERO: ProtectedCell = { kind: 'zero' };

export function releaseTable(cells: readonly CountedCell[], empty: EmptyCells, parameters: PerturbationParameters): ReleaseTable {
  const protectedCells = new Map<string, ProtectedCell>();
  for (const cell of cells) protectedCells.set(cellId(cell.unit, cell.year, cell.kind), perturb(cell.count, cell.keySum, parameters));
  return {
    empty,
    cell(unit, year, kind = '') {
      const found = protectedCells.get(cellId(unit, year, kind)) ?? ZERO;
      return empty === 'merged' && found.kind !== 'published' ? BELOW_THRESHOLD : found;
    },
  };
}
