/** Commune records from the joined GADM + census rows and the 2025 crosswalk. */
import type { MultiPolygon } from 'geojson';
import type { CrosswalkRow } from '../sources/crosswalk';
import { areaKm2, bboxOf, centroidOf, rewindPolygon } from './geometry';
import type { JoinedCommune } from './join';
import type { Commune } from './types';

export function buildCommunes(joined: JoinedCommune[], crosswalk: Map<string, CrosswalkRow>): Commune[] {
  return joined
    .map(({ gadm, census, district }) => {
      const geometry: MultiPolygon = { type: 'MultiPolygon', coordinates: gadm.polygons.map(rewindPolygon) };
      return {
        code: census.code,
        name: census.name,
        type: census.type,
        districtCode: district.code,
        districtName: district.name,
        population: census.population,
        households: census.households,
        areaKm2: areaKm2(geometry),
        centroid: centroidOf(geometry),
        bbox: bboxOf(geometry),
        gadmGid: gadm.gid,
        code2025: crosswalk.get(census.code)?.newCode ?? null,
        geometry,
      };
    })
    .sort((a, b) => a.code.localeCompare(b.code));
}
