/**
 * What every reader gives the importer: the header row and the data rows in file order, each
 * with the row number the user sees in the spreadsheet (header = row 1), cells in header order.
 * A reader raises a SourceError (a file problem as a value) when the file itself is unreadable.
 */
import type { FileProblemCode, Message } from '../problems';

/** A cell as read: text, a number, a boolean, a date (Excel date cells), or empty. */
export type CellValue = string | number | boolean | Date | null;

export interface SourceRow {
  row: number;
  cells: CellValue[];
}

export const INPUT_FORMATS = ['csv', 'xlsx', 'geojson', 'parquet'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

export interface TabularSource {
  format: InputFormat;
  headings: string[];
  rows: AsyncIterable<SourceRow>;
  /** CSV only: the separator found, so rejected rows can be written back the same way. */
  delimiter?: string;
}

export class SourceError extends Error {
  constructor(
    readonly code: FileProblemCode,
    readonly detail: Message,
    readonly row = 1,
  ) {
    super(detail.en);
    this.name = 'SourceError';
  }
}

export const isBlankRow = (cells: readonly CellValue[]) => cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));
