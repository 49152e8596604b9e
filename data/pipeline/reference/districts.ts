/** Districts and the province, dissolved from their communes. */
import { PipelineError } from '../errors';
import type { Census } from '../sources/census';
import { dissolve } from './dissolve';
import { areaKm2, bboxOf, centroidOf } from './geometry';
import type { AreaUnit, Commune } from './types';

export const PROVINCE_TYPE = 'Tỉnh';

function areaUnit(code: string, name: string, type: string, members: Commune[]): AreaUnit {
  const geometry = dissolve(members.map((c) => c.geometry));
  return {
    code,
    name,
    type,
    population: members.reduce((s, c) => s + c.population, 0),
    households: members.reduce((s, c) => s + c.households, 0),
    areaKm2: areaKm2(geometry),
    centroid: centroidOf(geometry),
    bbox: bboxOf(geometry),
    geometry,
  };
}

/** One clean polygon per district: a multi-part result means the topology is broken. */
export function buildDistricts(communes: Commune[], census: Census, communesFile: string): AreaUnit[] {
  return census.districts
    .map((district) => {
      const unit = areaUnit(district.code, district.name, district.type, communes.filter((c) => c.districtCode === district.code));
      if (unit.geometry.type !== 'Polygon') {
        throw new PipelineError({
          code: 'GEOJSON_FEATURE',
          message: `The communes of ${district.type} ${district.name} (${district.code}) dissolve into ${unit.geometry.coordinates.length} separate polygons instead of one.`,
          file: communesFile,
          where: `communes of district ${district.code}`,
          fix: 'A commune polygon of that district is displaced or broken; restore the file from GADM 4.1.',
        });
      }
      return unit;
    })
    .sort((a, b) => a.code.localeCompare(b.code));
}

export function buildProvince(communes: Commune[], census: Census): AreaUnit {
  return areaUnit(census.province.code, census.province.name, PROVINCE_TYPE, communes);
}
