/** What the row rules of every kind need: the places, the point columns, today, the groups of the active data set. */
import type { Position } from '../../pipeline/sources/gadm';
import type { ColumnName } from '../columns';
import type { Gazetteer } from '../communes/gazetteer';
import type { Crs } from '../coordinates/crs';
import type { PointPlacer } from '../coordinates/placement';
import type { PointColumns } from '../coordinates/read-point';
import type { Problem } from '../problems';
import type { CellValue } from '../readers/types';

/** A group of the active data set, as tips and events check it. */
export interface KnownGroup {
  communeCode: string;
  foundedOn: number;
  dissolvedOn: number | null;
}

export interface RowContext {
  gazetteer: Gazetteer;
  placer: PointPlacer;
  crs: Crs;
  pointColumns: PointColumns;
  /** Index in the row of each register column the file has. */
  index: Partial<Record<ColumnName, number>>;
  /** The file's headings, for naming columns in problems. */
  headings: readonly string[];
  today: number;
  /** Groups of the active data set (real data only; empty over the demo data). */
  groups: ReadonlyMap<string, KnownGroup>;
  /** Version the groups come from, for messages; undefined when there is no real data set yet. */
  groupsVersion: string | undefined;
}

/** A valid row before the second pass places rows without a point. */
export interface Draft {
  row: number;
  id: string;
  communeIndex: number;
  point: Position | undefined;
  /** Which column was read as the VN-2000 northing, for the report. */
  northingColumn?: ColumnName;
  /** The record's own columns (kind-specific), in table form. */
  fields: Record<string, string | number | boolean | null>;
  /** groups: the village name as given, for the village-centre placement. */
  village?: string;
}

export interface RowOutcome {
  draft?: Draft;
  problems: Problem[];
  warnings: Problem[];
}

export type RowRule = (ctx: RowContext, row: number, cells: readonly CellValue[]) => RowOutcome;
