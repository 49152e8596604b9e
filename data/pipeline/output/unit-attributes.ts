/** The attributes of a unit as both the GeoJSON properties and the table columns name them. */
import type { AreaUnit, Commune } from '../reference/types';

type AreaAttributes = Pick<AreaUnit, 'code' | 'name' | 'type' | 'population' | 'households' | 'areaKm2'>;

export const areaAttributes = (u: AreaAttributes) => ({
  code: u.code,
  name: u.name,
  type: u.type,
  population: u.population,
  households: u.households,
  area_km2: u.areaKm2,
});

export const communeAttributes = (c: Commune) => ({
  code: c.code,
  name: c.name,
  type: c.type,
  district_code: c.districtCode,
  district_name: c.districtName,
  population: c.population,
  households: c.households,
  area_km2: c.areaKm2,
});
