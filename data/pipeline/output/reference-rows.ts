/** Rows of the real reference tables (communes, districts, units_2025, crosswalk_2025). */
import type { CrosswalkRow } from '../sources/crosswalk';
import type { AreaUnit, Commune, Unit2025 } from '../reference/types';
import { areaAttributes, communeAttributes } from './unit-attributes';

const bboxColumns = (bbox: [number, number, number, number]) => ({ min_lon: bbox[0], min_lat: bbox[1], max_lon: bbox[2], max_lat: bbox[3] });

export function communeRows(communes: readonly Commune[]) {
  return communes.map((c) => ({
    ...communeAttributes(c),
    centroid_lon: c.centroid[0],
    centroid_lat: c.centroid[1],
    ...bboxColumns(c.bbox),
    gadm_gid: c.gadmGid,
    code_2025: c.code2025,
  }));
}

export function districtRows(districts: readonly AreaUnit[]) {
  return districts.map((d) => ({
    ...areaAttributes(d),
    centroid_lon: d.centroid[0],
    centroid_lat: d.centroid[1],
    ...bboxColumns(d.bbox),
  }));
}

export function unit2025Rows(units: readonly Unit2025[]) {
  return units.map((u) => ({
    ...areaAttributes(u),
    old_codes: u.oldCodes.join(','),
    ...bboxColumns(u.bbox),
  }));
}

export function crosswalkRows(rows: readonly CrosswalkRow[]) {
  return rows.map((r) => ({
    old_code: r.oldCode,
    old_name: r.oldName,
    new_code: r.newCode,
    new_name: r.newName,
    new_type: r.newType,
    source: r.source,
  }));
}
