/**
 * Which 2019 commune a row names. The `commune` cell holds a GSO code (a number cell 8707 is
 * 08707) or a name; `district` settles names two districts share (Xuân Hòa). Records dated on
 * or after 1 Jul 2025 name the unit valid then: one of the 36 new units (their codes reuse old
 * ones), whose 2019 commune only a point can tell — unless `district` is given, which only the
 * 2019 units had, and then the name is read as a 2019 commune.
 */
import { dayFromIso } from '../../pipeline/support/dates';
import { cellProblem, type CellProblem } from '../problems';
import type { CellValue } from '../readers/types';
import { cellText } from '../values/text';
import type { Gazetteer, Unit2025Ref } from './gazetteer';

/** The day the 36 new units took effect (NQ 1676/NQ-UBTVQH15). */
export const UNITS_2025_EFFECTIVE_DAY = dayFromIso('2025-07-01');

export type CommuneMatch =
  /** A 2019 commune; `alsoCovers` lists communes merged into it by the record's date. */
  | { kind: 'commune'; index: number; alsoCovers: number[] }
  /** A unit of 1 Jul 2025: its 2019 commune must come from the row's point. */
  | { kind: 'unit2025'; unit: Unit2025Ref };

export type CommuneResolution = { ok: true; match: CommuneMatch } | { ok: false; column: 'commune' | 'district'; problem: CellProblem };

const fail = (column: 'commune' | 'district', problem: CellProblem): CommuneResolution => ({ ok: false, column, problem });

export function resolveCommune(gazetteer: Gazetteer, communeCell: CellValue, districtCell: CellValue, day: number | undefined): CommuneResolution {
  const text = cellText(communeCell);
  if (!text) {
    return fail('commune', cellProblem('COMMUNE_MISSING', 'Thiếu xã/phường/thị trấn. Sửa: ghi mã GSO (ví dụ 08944) hoặc tên (ví dụ Bá Hiến).', 'The commune is missing. Fix: give its GSO code (e.g. 08944) or its name (e.g. Bá Hiến).'));
  }
  const districtText = cellText(districtCell);
  const district = districtText === undefined ? undefined : gazetteer.district(districtText);
  if (districtText !== undefined && district === undefined) {
    return fail('district', cellProblem('DISTRICT_UNKNOWN', `Không có huyện/thành phố "${districtText}" ở Vĩnh Phúc (đơn vị năm 2019). Sửa: ghi mã (243–253) hoặc tên, ví dụ Bình Xuyên.`, `There is no district "${districtText}" in Vĩnh Phúc (2019 units). Fix: give its code (243–253) or name, e.g. Bình Xuyên.`));
  }
  const after2025 = day !== undefined && day >= UNITS_2025_EFFECTIVE_DAY;
  if (after2025 && district === undefined) {
    const unit = gazetteer.unit2025(text);
    if (unit) return { ok: true, match: { kind: 'unit2025', unit } };
  }

  const isCode = /^\d{1,5}$/.test(text);
  const candidates = isCode ? [gazetteer.communeByGsoCode(text.padStart(5, '0'))].filter((i) => i !== undefined) : gazetteer.communesNamed(text).indices;
  if (candidates.length === 0) {
    const later = !after2025 ? gazetteer.unit2025(text) : undefined;
    const hint = later && !isCode
      ? { vi: ` "${text}" là đơn vị mới từ 01/07/2025, còn ngày của dòng này ở trước đó: ghi xã/phường của năm 2019.`, en: ` "${text}" is a unit of 1 Jul 2025, but this row is dated before that: give the 2019 commune.` }
      : { vi: '', en: '' };
    return fail(
      'commune',
      cellProblem(
        'COMMUNE_UNKNOWN',
        `Không tìm thấy xã/phường/thị trấn "${text}" trong danh mục năm 2019 của Vĩnh Phúc.${hint.vi} Sửa: kiểm tra chính tả hoặc ghi mã GSO 5 chữ số.`,
        `No commune "${text}" in Vĩnh Phúc's 2019 list.${hint.en} Fix: check the spelling or give the 5-digit GSO code.`,
      ),
    );
  }
  const inDistrict = district === undefined ? candidates : candidates.filter((i) => gazetteer.communes[i]!.districtCode === district);
  if (inDistrict.length === 0) {
    const where = candidates.map((i) => gazetteer.describe(i)).join(', ');
    return fail('district', cellProblem('DISTRICT_MISMATCH', `"${text}" không thuộc huyện/thành phố "${districtText}"; đó là ${where}. Sửa: sửa lại huyện hoặc xã.`, `"${text}" is not in district "${districtText}"; it is ${where}. Fix: correct the district or the commune.`));
  }
  let chosen = inDistrict;
  if (chosen.length > 1) {
    const type = gazetteer.communesNamed(text).type;
    const ofType = type ? chosen.filter((i) => gazetteer.communes[i]!.type === type) : [];
    if (ofType.length === 1) chosen = ofType;
  }
  if (chosen.length > 1) {
    const names = chosen.map((i) => gazetteer.describe(i)).join('; ');
    return fail('commune', cellProblem('COMMUNE_AMBIGUOUS', `Có nhiều xã/phường cùng tên "${text}": ${names}. Sửa: điền cột huyện/thành phố, hoặc ghi mã GSO.`, `More than one commune is called "${text}": ${names}. Fix: fill in the district column, or give the GSO code.`));
  }
  const index = chosen[0]!;
  return { ok: true, match: { kind: 'commune', index, alsoCovers: day === undefined ? [] : gazetteer.absorbedBy(index, day) } };
}
