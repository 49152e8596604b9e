/** Rows of the real reference tables (communes, districts, units_2025, crosswalk_2025). */
import type { CrosswalkRow } from '../sources/crosswalk';
import type { AreaUnit, Commune, Unit2025 } from '../reference/types';

const bboxColumns = (bbox: [number, number, number, number]) => ({ min_lon: bbox[0], min_lat: bbox[1], max_lon: bbox[2], max_lat: bbox[3] });

export function communeRows(communes: readonly Commune[]) {
  return communes.map((c) => ({
    code: c.code,
    name: c.name,
    type: c.type,
    district_code: c.districtCode,
    district_name: c.districtName,
    population: c.population,
    households: c.households,
    area_km2: c.areaKm2,
    centroid_lon: c.centroid[0],
    centroid_lat: c.centroid[1],
    ...bboxColumns(c.bbox),
    gadm_gid: c.gadmGid,
    code_2025: c.code2025,
  }));
}

export function districtRows(districts: readonly AreaUnit[]) {
  return districts.map((d) => ({
    code: d.code,
    name: d.name,
    type: d.type,
    population: d.population,
    households: d.households,
    area_km2: d.areaKm2,
    centroid_lon: d.centroid[0],
    centroid_lat: d.centroid[1],
    ...bboxColumns(d.bbox),
  }));
}

export function unit2025Rows(units: readonly Unit2025[]) {
  return units.map((u) => ({
    code: u.code,
    name: u.name,
    type: u.type,
    population: u.population,
    households: u.households,
    area_km2: u.areaKm2,
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
