/** Record counts per H3 cell (resolution 7 or 8) for one layer and filter. */
import type { GridLayer, H3Resolution } from '#contract';
import type { Database } from '../dataset/database';
import { flowParams, stockParams, type DataFilter } from './filters';

export type GridResolution = H3Resolution;

const CELL_COLUMN: Record<GridResolution, string> = { 7: 'h3_r7', 8: 'h3_r8' };

/**
 * Statement from fixed identifiers (the cell column comes from CELL_COLUMN, never from input).
 * Stock layers: $1 end of period (active then: founded, not yet dissolved), $2 district; tips: $1 start, $2 end, $3 district.
 */
function statement(layer: GridLayer, resolution: GridResolution): string {
  const cell = CELL_COLUMN[resolution];
  if (layer === 'tips') {
    return `SELECT ${cell} AS h3, count(*)::INTEGER AS n FROM tips
            WHERE date BETWEEN $1::DATE AND $2::DATE AND ($3::VARCHAR IS NULL OR district_code = $3::VARCHAR)
            GROUP BY 1 ORDER BY 1`;
  }
  return `SELECT ${cell} AS h3, count(*)::INTEGER AS n FROM ${layer}
          WHERE founded_on <= $1::DATE AND (dissolved_on IS NULL OR dissolved_on > $1::DATE) AND ($2::VARCHAR IS NULL OR district_code = $2::VARCHAR)
          GROUP BY 1 ORDER BY 1`;
}

/** Cells with at least one record, ordered by cell id. */
export async function gridCounts(
  db: Database,
  layer: GridLayer,
  resolution: GridResolution,
  filter: DataFilter,
): Promise<{ h3: string; n: number }[]> {
  const params = layer === 'tips' ? flowParams(filter) : stockParams(filter);
  return db.all<{ h3: string; n: number }>(statement(layer, resolution), params);
}

// Every cell that ever held a group or a tip: the settled area, where a count of 0 means something.
const SETTLED_CELLS_SQL: Record<GridResolution, string> = {
  7: 'SELECT h3_r7 AS h3 FROM groups UNION SELECT h3_r7 FROM tips ORDER BY 1',
  8: 'SELECT h3_r8 AS h3 FROM groups UNION SELECT h3_r8 FROM tips ORDER BY 1',
};

/** The settled area's cells at a resolution, ordered by cell id. */
export async function settledCells(db: Database, resolution: GridResolution): Promise<string[]> {
  return (await db.all<{ h3: string }>(SETTLED_CELLS_SQL[resolution])).map((r) => r.h3);
}
