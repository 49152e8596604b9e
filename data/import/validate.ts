/**
 * Reads a register file row by row through its reader and the register's rules: matches the
 * header, chooses the point columns for the CRS, rejects a second row with an id already seen
 * (the first is kept), and collects the valid rows, the rejected rows (as read, for the file of
 * rejected rows) and every problem and warning. Problems of the file itself (unreadable, wrong
 * encoding, missing columns) come back as a file problem: nothing is imported then.
 */
import type { RecordKind } from '../schema';
import { matchHeader, type ColumnName, type HeaderMatch } from './columns';
import type { Crs } from './coordinates/crs';
import type { PointColumns } from './coordinates/read-point';
import { cellProblem, type Problem } from './problems';
import { isBlankRow, SourceError, type CellValue, type TabularSource } from './readers/types';
import type { Draft, RowContext } from './rules/context';
import { ROW_RULES } from './rules/index';
import { cellText } from './values/text';

/** Print a progress line every this many rows (stderr). */
const PROGRESS_EVERY_ROWS = 50_000;

export interface RejectedRow {
  row: number;
  cells: CellValue[];
  problems: Problem[];
}

export interface Validation {
  headings: string[];
  /** CSV: the separator of the file (the rejected rows are written back with it). */
  delimiter?: string;
  drafts: Draft[];
  rejected: RejectedRow[];
  warnings: Problem[];
  /** Data rows read (blank rows not counted). */
  rows: number;
  /** Set when the file as a whole cannot be imported. */
  fileProblem?: Problem;
  pointColumns: PointColumns;
  /** VN-2000 only: how often each column (by its heading in the file) was read as the northing. */
  northingColumns: Record<string, number>;
}

export type ContextWithoutColumns = Omit<RowContext, 'pointColumns' | 'index' | 'headings'>;

const fileProblem = (code: Problem['code'], column: string, vi: string, en: string, row = 1): Problem => ({ row, column, value: '', code, message: { vi, en } });

type PointChoice = { ok: true; columns: PointColumns } | { ok: false; problem: Problem };

function choosePointColumns(match: HeaderMatch, crs: Crs, headings: readonly string[]): PointChoice {
  const at = (name: ColumnName) => match.index[name];
  const has = (name: ColumnName) => at(name) !== undefined;
  const pair = (a: ColumnName, b: ColumnName): PointChoice | undefined => {
    if (has(a) !== has(b)) {
      const missing = has(a) ? b : a;
      return { ok: false, problem: fileProblem('COLUMN_MISSING', missing, `Có cột ${has(a) ? a : b} nhưng thiếu cột ${missing}. Sửa: thêm cột ${missing}, hoặc bỏ cả hai cột tọa độ.`, `There is a ${has(a) ? a : b} column but no ${missing} column. Fix: add the ${missing} column, or remove both coordinate columns.`) };
    }
    return undefined;
  };
  for (const [a, b] of [['lon', 'lat'], ['x', 'y'], ['northing', 'easting']] as const) {
    const broken = pair(a, b);
    if (broken) return broken;
  }
  const projected = has('x') ? (['x', 'y'] as const) : has('northing') ? (['northing', 'easting'] as const) : undefined;
  if (has('lon')) return { ok: true, columns: { kind: 'wgs84', lon: at('lon')!, lat: at('lat')! } };
  if (!projected) return { ok: true, columns: { kind: 'none' } };
  if (crs.kind === 'wgs84') {
    const found = projected.map((n) => headings[at(n)!]).join(', ');
    return {
      ok: false,
      problem: fileProblem(
        'COORDINATES_NEED_CRS',
        projected[0],
        `Tệp có tọa độ phẳng (${found}, đơn vị mét) nhưng không nói hệ tọa độ. Sửa: thêm --crs vn2000 (VN-2000 múi 3° kinh tuyến trục 105°00', EPSG:5897) hoặc --crs EPSG:<mã> của múi khác.`,
        `The file has projected coordinates (${found}, metres) but no coordinate system was given. Fix: add --crs vn2000 (VN-2000 TM-3 105°00', EPSG:5897) or --crs EPSG:<code> of another zone.`,
      ),
    };
  }
  return { ok: true, columns: { kind: 'projected', first: { name: projected[0], index: at(projected[0])! }, second: { name: projected[1], index: at(projected[1])! } } };
}

function headerProblem(kind: RecordKind, match: HeaderMatch, headings: readonly string[]): Problem | undefined {
  if (match.missing.length > 0) {
    const names = match.missing.map((s) => `${s.name} ("${s.heading}")`).join(', ');
    return fileProblem(
      'COLUMN_MISSING',
      match.missing.map((s) => s.name).join(', '),
      `Thiếu cột bắt buộc của danh sách ${kind}: ${names}. Dòng 1 phải là tiêu đề cột; hiện có: ${headings.join(' | ')}. Sửa: thêm cột, hoặc dùng tệp mẫu (npm run import -- --template ${kind} mau.xlsx).`,
      `Required ${kind} columns are missing: ${names}. Row 1 must hold the column headings; found: ${headings.join(' | ')}. Fix: add the columns, or start from the template (npm run import -- --template ${kind} template.xlsx).`,
    );
  }
  const duplicate = match.duplicates[0];
  if (duplicate) {
    return fileProblem('COLUMN_DUPLICATE', duplicate.headings.join(', '), `Nhiều cột cùng là ${duplicate.name}: ${duplicate.headings.join(', ')}. Sửa: giữ một cột.`, `Several columns are ${duplicate.name}: ${duplicate.headings.join(', ')}. Fix: keep one of them.`);
  }
  return undefined;
}

export async function validateFile(
  kind: RecordKind,
  source: TabularSource,
  base: ContextWithoutColumns,
  progress: (rows: number) => void = () => {},
): Promise<Validation> {
  const match = matchHeader(kind, source.headings);
  const result: Validation = {
    headings: source.headings,
    ...(source.delimiter ? { delimiter: source.delimiter } : {}),
    drafts: [],
    rejected: [],
    warnings: [],
    rows: 0,
    pointColumns: { kind: 'none' },
    northingColumns: {},
  };
  const header = headerProblem(kind, match, source.headings);
  const points = choosePointColumns(match, base.crs, source.headings);
  const problem = header ?? (points.ok ? undefined : points.problem);
  try {
    if (problem) {
      // Nothing can be checked; count the rows so the closing line says how many were refused.
      result.fileProblem = problem;
      for await (const { cells } of source.rows) if (!isBlankRow(cells)) result.rows += 1;
      return result;
    }
    if (!points.ok) return result;
    result.pointColumns = points.columns;
    for (const heading of match.ignored) {
      result.warnings.push({ row: 1, column: heading, value: '', code: 'COLUMN_IGNORED', message: { vi: `Cột "${heading}" không thuộc danh sách ${kind}: bỏ qua.`, en: `Column "${heading}" is not part of the ${kind} register: ignored.` } });
    }
    const ctx: RowContext = { ...base, pointColumns: points.columns, index: match.index, headings: source.headings };
    const rule = ROW_RULES[kind];
    const firstRowOfId = new Map<string, number>();
    const idIndex = match.index.id!;
    for await (const { row, cells } of source.rows) {
      if (isBlankRow(cells)) continue;
      result.rows += 1;
      if (result.rows % PROGRESS_EVERY_ROWS === 0) progress(result.rows);
      const outcome = rule(ctx, row, cells);
      const id = cellText(cells[idIndex]);
      const problems = outcome.problems;
      if (id !== undefined) {
        const first = firstRowOfId.get(id);
        if (first === undefined) firstRowOfId.set(id, row);
        else {
          const p = cellProblem('ID_DUPLICATE', `Mã "${id}" đã có ở dòng ${first}; dòng đó được giữ, dòng này bị loại. Sửa: sửa mã, hoặc xóa dòng trùng.`, `The id "${id}" already appears in row ${first}; that row is kept, this one is rejected. Fix: correct the id, or delete the duplicate row.`);
          problems.push({ row, column: source.headings[idIndex] ?? 'id', value: id, code: p.code, message: p.message });
        }
      }
      result.warnings.push(...outcome.warnings);
      if (problems.length > 0 || !outcome.draft) {
        result.rejected.push({ row, cells: [...cells], problems });
        continue;
      }
      const { draft } = outcome;
      if (draft.northingColumn) {
        const heading = source.headings[match.index[draft.northingColumn]!] ?? draft.northingColumn;
        result.northingColumns[heading] = (result.northingColumns[heading] ?? 0) + 1;
      }
      result.drafts.push(draft);
    }
    if (result.rows === 0) result.fileProblem = fileProblem('NO_ROWS', '', 'Tệp chỉ có dòng tiêu đề, không có dữ liệu. Sửa: thêm các dòng dữ liệu dưới tiêu đề.', 'The file has the header row only, no data. Fix: add the data rows below the header.');
    return result;
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    result.fileProblem = fileProblem(error.code, '', error.detail.vi, error.detail.en, error.row);
    return result;
  }
}
