/** Rules of the groups register (Tổ liên gia tự quản). */
import { isoFromDay } from '../../pipeline/support/dates';
import { cellProblem } from '../problems';
import type { CellValue } from '../readers/types';
import { parseFlag } from '../values/flags';
import { wholeNumberIn } from '../values/numbers';
import { AREA_CLASS_WORDS } from '../vocabulary';
import { readDate, readId, readPlace } from './common-fields';
import type { RowContext, RowOutcome } from './context';
import { RowChecker } from './row-checker';

/** A Tổ liên gia has 10–30 households; 1–200 accepts every real group and refuses typos (2000, 0). */
export const MIN_GROUP_HOUSEHOLDS = 1;
export const MAX_GROUP_HOUSEHOLDS = 200;

function flag(check: RowChecker, column: 'ethnic_minority' | 'religious'): boolean {
  const value = parseFlag(check.cell(column));
  if (value === undefined) {
    check.reject(column, cellProblem('FLAG_INVALID', 'Giá trị có/không không hợp lệ. Sửa: ghi "có" hoặc "không" (hoặc x / để trống, 1/0, yes/no).', 'Not a yes/no value. Fix: write "có" or "không" (or x / empty, 1/0, yes/no).'));
    return false;
  }
  return value;
}

export function checkGroupRow(ctx: RowContext, row: number, cells: readonly CellValue[]): RowOutcome {
  const check = new RowChecker(ctx, row, cells);
  const id = readId(check);
  const foundedOn = readDate(check, ctx, 'founded_on', true);
  const dissolvedOn = readDate(check, ctx, 'dissolved_on', false);
  if (foundedOn !== undefined && dissolvedOn !== undefined && dissolvedOn < foundedOn) {
    check.reject(
      'dissolved_on',
      cellProblem('DISSOLVED_BEFORE_FOUNDED', `Ngày giải thể ${isoFromDay(dissolvedOn)} trước ngày thành lập ${isoFromDay(foundedOn)}. Sửa: kiểm tra lại hai ngày.`, `Dissolved on ${isoFromDay(dissolvedOn)}, before it was founded on ${isoFromDay(foundedOn)}. Fix: check both dates.`),
    );
  }
  const place = readPlace(check, ctx, foundedOn);
  const village = check.text('village');
  const areaText = check.text('area_class');
  const areaClass = areaText === undefined ? 'unclassified' : AREA_CLASS_WORDS.lookup(areaText);
  if (areaClass === undefined) {
    check.reject('area_class', cellProblem('AREA_CLASS_UNKNOWN', `"${areaText}" không phải khu vực hợp lệ. Sửa: ghi "nông thôn" hoặc "đô thị" (rural/urban), hoặc để trống nếu chưa phân loại.`, `"${areaText}" is not an area class. Fix: write rural or urban (nông thôn/đô thị), or leave it empty when unclassified.`));
  }
  const ethnicMinority = flag(check, 'ethnic_minority');
  const religious = flag(check, 'religious');
  const households = wholeNumberIn(check.cell('households'), MIN_GROUP_HOUSEHOLDS, MAX_GROUP_HOUSEHOLDS);
  if (households === undefined) {
    check.reject(
      'households',
      cellProblem('HOUSEHOLDS_INVALID', `Số hộ phải là số nguyên từ ${MIN_GROUP_HOUSEHOLDS} đến ${MAX_GROUP_HOUSEHOLDS}. Sửa: ghi số hộ của tổ (thường 10–30).`, `Households must be a whole number from ${MIN_GROUP_HOUSEHOLDS} to ${MAX_GROUP_HOUSEHOLDS}. Fix: give the group's number of households (usually 10–30).`),
    );
  }
  if (check.problems.length > 0 || id === undefined || !place || foundedOn === undefined || households === undefined || areaClass === undefined) {
    return { problems: check.problems, warnings: check.warnings };
  }
  return {
    draft: {
      row,
      id,
      ...place,
      ...(village ? { village } : {}),
      fields: { village_id: null, village: village ?? null, area_class: areaClass, ethnic_minority: ethnicMinority, religious, founded_on: foundedOn, dissolved_on: dissolvedOn ?? null, households },
    },
    problems: check.problems,
    warnings: check.warnings,
  };
}
