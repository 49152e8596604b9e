/** Rules of the "4 an toàn" models register. */
import { isoFromDay } from '../../pipeline/support/dates';
import { cellProblem } from '../problems';
import type { CellValue } from '../readers/types';
import { MODEL_SETTING_WORDS } from '../vocabulary';
import { readDate, readEnum, readId, readPlace } from './common-fields';
import type { RowContext, RowOutcome } from './context';
import { RowChecker } from './row-checker';

export function checkModelRow(ctx: RowContext, row: number, cells: readonly CellValue[]): RowOutcome {
  const check = new RowChecker(ctx, row, cells);
  const id = readId(check);
  const name = check.required('name', { vi: 'tên mô hình (cơ quan, doanh nghiệp, bệnh viện, trường học)', en: 'model name (the agency, enterprise, hospital or school)' }, 'NAME_MISSING');
  const setting = readEnum(check, 'setting', MODEL_SETTING_WORDS, 'SETTING_UNKNOWN', { vi: 'loại hình', en: 'setting' });
  const foundedOn = readDate(check, ctx, 'founded_on', true);
  const dissolvedOn = readDate(check, ctx, 'dissolved_on', false);
  if (foundedOn !== undefined && dissolvedOn !== undefined && dissolvedOn < foundedOn) {
    check.reject(
      'dissolved_on',
      cellProblem('DISSOLVED_BEFORE_FOUNDED', `Ngày dừng ${isoFromDay(dissolvedOn)} trước ngày thành lập ${isoFromDay(foundedOn)}. Sửa: kiểm tra lại hai ngày.`, `Dissolved on ${isoFromDay(dissolvedOn)}, before it was founded on ${isoFromDay(foundedOn)}. Fix: check both dates.`),
    );
  }
  const place = readPlace(check, ctx, foundedOn);
  if (check.problems.length > 0 || id === undefined || name === undefined || setting === undefined || foundedOn === undefined || !place) {
    return { problems: check.problems, warnings: check.warnings };
  }
  return {
    draft: { row, id, ...place, fields: { name, setting, founded_on: foundedOn, dissolved_on: dissolvedOn ?? null } },
    problems: check.problems,
    warnings: check.warnings,
  };
}
