/** Rules of the outcome events register. */
import { cellProblem } from '../problems';
import type { CellValue } from '../readers/types';
import { wholeNumberIn } from '../values/numbers';
import { OUTCOME_KIND_WORDS } from '../vocabulary';
import { readDate, readEnum, readId, readPlace } from './common-fields';
import type { RowContext, RowOutcome } from './context';
import { readGroup } from './group-link';
import { RowChecker } from './row-checker';

/** One event counts persons, weapons or occurrences of one report: more than this is a typo. */
export const MAX_EVENT_QUANTITY = 10_000;

export function checkEventRow(ctx: RowContext, row: number, cells: readonly CellValue[]): RowOutcome {
  const check = new RowChecker(ctx, row, cells);
  const id = readId(check);
  const date = readDate(check, ctx, 'date', true);
  const place = readPlace(check, ctx, date);
  const groupId = readGroup(check, ctx, date, place?.communeIndex);
  const kind = readEnum(check, 'kind', OUTCOME_KIND_WORDS, 'KIND_UNKNOWN', { vi: 'loại kết quả', en: 'outcome kind' });
  const quantity = wholeNumberIn(check.cell('quantity'), 1, MAX_EVENT_QUANTITY);
  if (quantity === undefined) {
    check.reject('quantity', cellProblem('QUANTITY_INVALID', `Số lượng phải là số nguyên từ 1 đến ${MAX_EVENT_QUANTITY.toLocaleString('vi-VN')}. Sửa: ghi số người, số vũ khí hoặc số lượt.`, `The quantity must be a whole number from 1 to ${MAX_EVENT_QUANTITY.toLocaleString('en-US')}. Fix: give the number of persons, weapons or occurrences.`));
  }
  if (check.problems.length > 0 || id === undefined || date === undefined || !place || groupId === undefined || kind === undefined || quantity === undefined) {
    return { problems: check.problems, warnings: check.warnings };
  }
  return { draft: { row, id, ...place, fields: { date, group_id: groupId, kind, quantity } }, problems: check.problems, warnings: check.warnings };
}
