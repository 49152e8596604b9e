/**
 * GeoJSON outputs for the map: one FeatureCollection per level, properties in a fixed order,
 * compact JSON. Same input → same bytes. Foreign members say where the boundaries come
 * from, under which licence, and (for 2025) which old communes could not be mapped.
 */
import type { Geometry } from 'geojson';
import type { AreaUnit, Commune, ReferenceData, Unit2025 } from '../reference/types';
import { areaAttributes, communeAttributes } from './unit-attributes';

const GADM_ATTRIBUTION =
  'Boundaries: GADM 4.1 (gadm.org), level 3, 2019 units; free for non-commercial use only, no redistribution without permission. Districts, province and 2025 units dissolved from these communes. Census: GSO 2019 Population and Housing Census.';

interface FeatureOut {
  type: 'Feature';
  properties: Record<string, string | number | null>;
  geometry: Geometry;
}

function collection(name: string, features: FeatureOut[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ type: 'FeatureCollection', name, synthetic: false, attribution: GADM_ATTRIBUTION, ...extra, features });
}

export function communesGeojson(communes: readonly Commune[]): string {
  return collection(
    'units_commune',
    communes.map((c) => ({
      type: 'Feature',
      properties: {
        ...communeAttributes(c),
        gadm_gid: c.gadmGid,
        code_2025: c.code2025,
      },
      geometry: c.geometry,
    })),
  );
}

function areaFeature(unit: AreaUnit, extra: Record<string, string | number | null> = {}): FeatureOut {
  return {
    type: 'Feature',
    properties: { ...areaAttributes(unit), ...extra },
    geometry: unit.geometry,
  };
}

export function districtsGeojson(districts: readonly AreaUnit[]): string {
  return collection('units_district', districts.map((d) => areaFeature(d)));
}

export function provinceGeojson(province: AreaUnit): string {
  return collection('units_province', [areaFeature(province)]);
}

export function units2025Geojson(reference: ReferenceData): string {
  return collection(
    'units_2025',
    reference.units2025.map((u: Unit2025) => areaFeature(u, { old_codes: u.oldCodes.join(',') })),
    {
      note: 'Communes/wards of Phú Thọ from 1 July 2025, dissolved from the 2019 communes mapped to them by vinh_phuc_crosswalk_2025.csv. Old communes in `unmapped` have no documented receiving unit: they are left out (holes), never guessed.',
      unmapped: reference.unmapped2025,
    },
  );
}
