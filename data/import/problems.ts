/**
 * Problems found in an import, as values: a code, where (row as the user sees it, header =
 * row 1; column heading as written in the file), the value, and the message with the fix,
 * Vietnamese first and English for the English UI. `rejects` problems reject their row;
 * warnings are reported and the row is kept.
 */

export const ROW_PROBLEM_CODES = [
  'ID_MISSING',
  'ID_INVALID',
  'ID_DUPLICATE',
  'COMMUNE_MISSING',
  'COMMUNE_UNKNOWN',
  'COMMUNE_AMBIGUOUS',
  'DISTRICT_UNKNOWN',
  'DISTRICT_MISMATCH',
  'NEW_UNIT_NEEDS_POINT',
  'POINT_NOT_IN_NEW_UNIT',
  'DATE_MISSING',
  'DATE_INVALID',
  'DATE_MONTH_FIRST',
  'DATE_FUTURE',
  'DISSOLVED_BEFORE_FOUNDED',
  'HOUSEHOLDS_INVALID',
  'QUANTITY_INVALID',
  'NAME_MISSING',
  'AREA_CLASS_UNKNOWN',
  'FLAG_INVALID',
  'SETTING_UNKNOWN',
  'CATEGORY_UNKNOWN',
  'KIND_UNKNOWN',
  'GROUP_MISSING',
  'GROUP_UNKNOWN',
  'COORDINATE_INVALID',
  'POINT_OUTSIDE_PROVINCE',
  'POINT_OUTSIDE_COMMUNE',
  'LEGACY_ENCODING',
] as const;

export const WARNING_CODES = [
  'GROUP_OTHER_COMMUNE',
  'GROUP_NOT_ACTIVE',
  'POINT_NEAR_BOUNDARY',
  'COLUMN_IGNORED',
  'ORPHANED_RECORDS',
] as const;

/** Problems of the file as a whole: nothing is imported. */
export const FILE_PROBLEM_CODES = ['FILE_UNREADABLE', 'FILE_ENCODING', 'SHEET_MISSING', 'COLUMN_MISSING', 'COLUMN_DUPLICATE', 'COORDINATES_NEED_CRS', 'NO_ROWS', 'NO_VALID_ROWS'] as const;

export type RowProblemCode = (typeof ROW_PROBLEM_CODES)[number];
export type WarningCode = (typeof WARNING_CODES)[number];
export type FileProblemCode = (typeof FILE_PROBLEM_CODES)[number];
export type ProblemCode = RowProblemCode | WarningCode | FileProblemCode;

export interface Message {
  vi: string;
  en: string;
}

export interface Problem {
  row: number;
  column: string;
  value: string;
  code: ProblemCode;
  message: Message;
}

/** A problem before its row number and column heading are known (raised by the value rules). */
export interface CellProblem {
  code: RowProblemCode;
  message: Message;
}

export const cellProblem = (code: RowProblemCode, vi: string, en: string): CellProblem => ({ code, message: { vi, en } });
