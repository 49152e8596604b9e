/**
 * The point of a row, if it has one: `lon`/`lat` in degrees (WGS 84) or, with a VN-2000 CRS,
 * `x`/`y` or `northing`/`easting` in metres. Vietnamese surveying writes X for the northing and
 * many files do the opposite, so the two metre values are told apart by magnitude: in Vietnam
 * northings exceed 900,000 m and eastings (500,000 m false easting ± 3°) stay below.
 */
import type { Position } from '../../pipeline/sources/gadm';
import type { ColumnName } from '../columns';
import { cellProblem, type CellProblem } from '../problems';
import type { CellValue } from '../readers/types';
import { cellText } from '../values/text';
import type { Crs } from './crs';
import { projectedToWgs84 } from './project';

/** In Vietnam (8°–24° N) every VN-2000 northing is above this and every easting below. */
export const NORTHING_THRESHOLD_M = 900_000;

/** Which pair of columns carries the point, as indices into the row. */
export type PointColumns =
  | { kind: 'none' }
  | { kind: 'wgs84'; lon: number; lat: number }
  | { kind: 'projected'; first: { name: ColumnName; index: number }; second: { name: ColumnName; index: number } };

export type PointRead =
  | { ok: true; point: Position | undefined; /** projected only: which column was read as the northing */ northingColumn?: ColumnName }
  | { ok: false; column: ColumnName; value: string; problem: CellProblem };

/** A number, also with a decimal comma (105,62 — Vietnamese spreadsheets). */
function coordinate(cell: CellValue): number | undefined {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : undefined;
  const text = cellText(cell);
  if (!text || !/^-?\d+([.,]\d+)?$/.test(text)) return undefined;
  return Number(text.replace(',', '.'));
}

const invalid = (column: ColumnName, value: string, vi: string, en: string): PointRead => ({ ok: false, column, value, problem: cellProblem('COORDINATE_INVALID', vi, en) });

export function readPoint(cells: readonly CellValue[], columns: PointColumns, crs: Crs): PointRead {
  if (columns.kind === 'none') return { ok: true, point: undefined };
  const [aName, aIndex, bName, bIndex] =
    columns.kind === 'wgs84' ? (['lon', columns.lon, 'lat', columns.lat] as const) : ([columns.first.name, columns.first.index, columns.second.name, columns.second.index] as const);
  const aText = cellText(cells[aIndex]);
  const bText = cellText(cells[bIndex]);
  if (aText === undefined && bText === undefined) return { ok: true, point: undefined };
  const a = coordinate(cells[aIndex] ?? null);
  const b = coordinate(cells[bIndex] ?? null);
  if (a === undefined) return invalid(aName, aText ?? '', `Tọa độ "${aText ?? ''}" không phải số. Sửa: ghi đủ cả hai tọa độ bằng số, hoặc để trống cả hai.`, `The coordinate "${aText ?? ''}" is not a number. Fix: give both coordinates as numbers, or leave both empty.`);
  if (b === undefined) return invalid(bName, bText ?? '', `Tọa độ "${bText ?? ''}" không phải số. Sửa: ghi đủ cả hai tọa độ bằng số, hoặc để trống cả hai.`, `The coordinate "${bText ?? ''}" is not a number. Fix: give both coordinates as numbers, or leave both empty.`);

  if (columns.kind === 'wgs84' || crs.kind === 'wgs84') {
    if (Math.abs(a) > 180 || Math.abs(b) > 90) {
      return invalid(
        'lon',
        `${aText}, ${bText}`,
        `Kinh độ/vĩ độ ${aText}, ${bText} không phải độ (có thể là mét VN-2000). Sửa: nếu là tọa độ VN-2000 thì nhập lại với --crs vn2000 và cột x, y.`,
        `lon/lat ${aText}, ${bText} are not degrees (perhaps VN-2000 metres). Fix: for VN-2000 coordinates import with --crs vn2000 and columns x, y.`,
      );
    }
    return { ok: true, point: [a, b] };
  }
  const aIsNorthing = a > NORTHING_THRESHOLD_M;
  if (aIsNorthing === b > NORTHING_THRESHOLD_M) {
    return invalid(
      aName,
      `${aText}, ${bText}`,
      `Không phân biệt được tọa độ Bắc (X, > 900.000 m) và tọa độ Đông (Y, < 900.000 m) trong ${aText}, ${bText}. Sửa: kiểm tra lại hai tọa độ VN-2000 (đơn vị mét).`,
      `Cannot tell the northing (X, > 900,000 m) from the easting (Y, < 900,000 m) in ${aText}, ${bText}. Fix: check both VN-2000 coordinates (metres).`,
    );
  }
  const [northing, easting] = aIsNorthing ? [a, b] : [b, a];
  return { ok: true, point: projectedToWgs84(crs, easting, northing), northingColumn: aIsNorthing ? aName : bName };
}
