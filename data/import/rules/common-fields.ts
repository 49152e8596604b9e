/** The columns every register shares: the id, dates, the commune with its point, and enumerations. */
import type { Position } from '../../pipeline/sources/gadm';
import type { ColumnName } from '../columns';
import { resolveCommune } from '../communes/resolve';
import { BOUNDARY_TOLERANCE_M } from '../coordinates/placement';
import { readPoint } from '../coordinates/read-point';
import { cellProblem, type RowProblemCode } from '../problems';
import type { CellValue } from '../readers/types';
import { parseDate } from '../values/dates';
import type { Vocabulary } from '../vocabulary';
import type { RowContext } from './context';
import type { RowChecker } from './row-checker';

/** Ids are kept as text; longer than this is certainly not an id (a pasted note, a whole row). */
const MAX_ID_LENGTH = 64;

export function readId(check: RowChecker): string | undefined {
  const id = check.required('id', { vi: 'mã (cột id)', en: 'id' }, 'ID_MISSING');
  if (id !== undefined && id.length > MAX_ID_LENGTH) {
    check.reject('id', cellProblem('ID_INVALID', `Mã dài ${id.length} ký tự (tối đa ${MAX_ID_LENGTH}). Sửa: ghi đúng mã của bản ghi.`, `The id is ${id.length} characters long (at most ${MAX_ID_LENGTH}). Fix: give the record's id.`));
    return undefined;
  }
  return id;
}

export function readDate(check: RowChecker, ctx: RowContext, column: ColumnName, required: boolean): number | undefined {
  const cell: CellValue = check.cell(column);
  if (cell === null || (typeof cell === 'string' && cell.trim() === '')) {
    if (required) check.reject(column, cellProblem('DATE_MISSING', 'Thiếu ngày. Sửa: ghi ngày dạng ngày/tháng/năm, ví dụ 25/10/2022.', 'The date is missing. Fix: write it day/month/year, e.g. 25/10/2022.'));
    return undefined;
  }
  const parsed = parseDate(cell, ctx.today);
  if (!parsed.ok) {
    check.reject(column, parsed.problem);
    return undefined;
  }
  return parsed.day;
}

export function readEnum<K extends string>(check: RowChecker, column: ColumnName, words: Vocabulary<K>, code: RowProblemCode, what: { vi: string; en: string }): K | undefined {
  const text = check.text(column);
  if (text === undefined) {
    if (!check.isLegacy(column)) check.reject(column, cellProblem(code, `Thiếu ${what.vi}. Sửa: chọn một trong: ${words.describe()}.`, `The ${what.en} is missing. Fix: use one of: ${words.describe()}.`));
    return undefined;
  }
  const key = words.lookup(text);
  if (!key) check.reject(column, cellProblem(code, `"${text}" không phải ${what.vi} hợp lệ. Sửa: chọn một trong: ${words.describe()}.`, `"${text}" is not a known ${what.en}. Fix: use one of: ${words.describe()}.`));
  return key;
}

export interface Place {
  communeIndex: number;
  point: Position | undefined;
  northingColumn?: ColumnName;
}

/** The 2019 commune of the row and its point (checked against it), or undefined with problems recorded. */
export function readPlace(check: RowChecker, ctx: RowContext, day: number | undefined): Place | undefined {
  check.text('commune');
  check.text('district');
  if (check.isLegacy('commune') || check.isLegacy('district')) return undefined;
  const resolved = resolveCommune(ctx.gazetteer, check.cell('commune'), check.cell('district'), day);
  const read = readPoint(check.cells, ctx.pointColumns, ctx.crs);
  if (!read.ok) check.reject(read.column, read.problem, read.value);
  if (!resolved.ok) {
    check.reject(resolved.column, resolved.problem);
    return undefined;
  }
  if (!read.ok) return undefined;
  const { match } = resolved;
  if (!read.point) {
    if (match.kind === 'unit2025') {
      check.reject(
        'commune',
        cellProblem(
          'NEW_UNIT_NEEDS_POINT',
          `"${match.unit.type} ${match.unit.name}" là đơn vị mới từ 01/07/2025, gộp từ nhiều xã cũ (${match.unit.oldCodes.join(', ')}); không có tọa độ thì không biết thuộc xã cũ nào. Sửa: thêm tọa độ (lon, lat hoặc x, y), hoặc ghi xã cũ năm 2019 kèm cột huyện.`,
          `"${match.unit.type} ${match.unit.name}" is a unit of 1 Jul 2025 merged from several old communes (${match.unit.oldCodes.join(', ')}); without a point its 2019 commune cannot be told. Fix: add the point (lon, lat or x, y), or give the 2019 commune with its district.`,
        ),
      );
      return undefined;
    }
    return { communeIndex: match.index, point: undefined };
  }
  const placed = ctx.placer.check(read.point, match);
  if (!placed.ok) {
    check.reject(pointColumnName(ctx), placed.problem, pointShown(read.point));
    return undefined;
  }
  if (placed.outsideM > 0) {
    check.warn(
      pointColumnName(ctx),
      'POINT_NEAR_BOUNDARY',
      {
        vi: `Điểm nằm ngoài ranh giới (đã đơn giản hóa) của ${ctx.gazetteer.describe(placed.communeIndex)} ${Math.round(placed.outsideM)} m, trong giới hạn ${BOUNDARY_TOLERANCE_M} m: vẫn nhập.`,
        en: `The point lies ${Math.round(placed.outsideM)} m outside the (simplified) boundary of ${ctx.gazetteer.describe(placed.communeIndex)}, within the ${BOUNDARY_TOLERANCE_M} m tolerance: imported.`,
      },
      pointShown(read.point),
    );
  }
  return { communeIndex: placed.communeIndex, point: read.point, ...(read.northingColumn ? { northingColumn: read.northingColumn } : {}) };
}

const pointColumnName = (ctx: RowContext): ColumnName =>
  ctx.pointColumns.kind === 'projected' ? ctx.pointColumns.first.name : 'lon';

const pointShown = ([lon, lat]: Position) => `${lon.toFixed(6)}, ${lat.toFixed(6)}`;
