/**
 * The group a tip or outcome event names: it must exist in the active data set (so groups are
 * imported first). A group of another commune, or one not active on the record's date, is only
 * a warning: tips may concern a neighbouring commune, and founding dates are often approximate.
 */
import { isoFromDay } from '../../pipeline/support/dates';
import { cellProblem } from '../problems';
import type { RowContext } from './context';
import type { RowChecker } from './row-checker';

export function readGroup(check: RowChecker, ctx: RowContext, day: number | undefined, communeIndex: number | undefined): string | undefined {
  const groupId = check.required('group_id', { vi: 'mã tổ liên gia (group_id)', en: 'group id' }, 'GROUP_MISSING');
  if (groupId === undefined) return undefined;
  const group = ctx.groups.get(groupId);
  if (!group) {
    const where = ctx.groupsVersion
      ? { vi: `trong bộ dữ liệu đang dùng (${ctx.groupsVersion})`, en: `in the active data set (${ctx.groupsVersion})` }
      : { vi: 'vì chưa nhập danh sách tổ liên gia thật nào', en: 'because no real groups register has been imported yet' };
    check.reject(
      'group_id',
      cellProblem('GROUP_UNKNOWN', `Không có tổ liên gia mã "${groupId}" ${where.vi}. Sửa: nhập danh sách tổ (npm run import -- groups …) trước, hoặc sửa mã tổ.`, `There is no group "${groupId}" ${where.en}. Fix: import the groups register first (npm run import -- groups …), or correct the group id.`),
    );
    return undefined;
  }
  const commune = communeIndex === undefined ? undefined : ctx.gazetteer.communes[communeIndex]!;
  if (commune && commune.code !== group.communeCode) {
    const groupCommune = ctx.gazetteer.communeByGsoCode(group.communeCode);
    const other = groupCommune === undefined ? group.communeCode : ctx.gazetteer.describe(groupCommune);
    check.warn('group_id', 'GROUP_OTHER_COMMUNE', { vi: `Tổ "${groupId}" thuộc ${other}, khác xã của dòng này (${ctx.gazetteer.describe(communeIndex!)}): vẫn nhập.`, en: `Group "${groupId}" belongs to ${other}, not to this row's commune (${ctx.gazetteer.describe(communeIndex!)}): imported.` });
  }
  if (day !== undefined && (day < group.foundedOn || (group.dissolvedOn !== null && day >= group.dissolvedOn))) {
    const span = `${isoFromDay(group.foundedOn)} – ${group.dissolvedOn === null ? '' : isoFromDay(group.dissolvedOn)}`;
    check.warn('group_id', 'GROUP_NOT_ACTIVE', { vi: `Ngày ${isoFromDay(day)} nằm ngoài thời gian hoạt động của tổ "${groupId}" (${span}): vẫn nhập.`, en: `${isoFromDay(day)} is outside the active span of group "${groupId}" (${span}): imported.` });
  }
  return groupId;
}
