/** Rules of the tips register (nguồn tin). */
import type { CellValue } from '../readers/types';
import { TIP_CATEGORY_WORDS } from '../vocabulary';
import { readDate, readEnum, readId, readPlace } from './common-fields';
import type { RowContext, RowOutcome } from './context';
import { readGroup } from './group-link';
import { RowChecker } from './row-checker';

export function checkTipRow(ctx: RowContext, row: number, cells: readonly CellValue[]): RowOutcome {
  const check = new RowChecker(ctx, row, cells);
  const id = readId(check);
  const date = readDate(check, ctx, 'date', true);
  const place = readPlace(check, ctx, date);
  const groupId = readGroup(check, ctx, date, place?.communeIndex);
  const category = readEnum(check, 'category', TIP_CATEGORY_WORDS, 'CATEGORY_UNKNOWN', { vi: 'loại tin', en: 'tip category' });
  if (check.problems.length > 0 || id === undefined || date === undefined || !place || groupId === undefined || category === undefined) {
    return { problems: check.problems, warnings: check.warnings };
  }
  return { draft: { row, id, ...place, fields: { date, group_id: groupId, category } }, problems: check.problems, warnings: check.warnings };
}
