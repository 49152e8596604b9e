/**
 * The real reference layer: 137 GADM communes joined to the 2019 census by name within
 * district, their vertices kept exactly, districts and province dissolved into one polygon
 * each, and the 36 units of 2025 with the 7 undocumented old communes listed, not guessed.
 */
import * as turf from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sourcesDir } from '../../data/paths';
import { SOURCE_FILES } from '../../data/pipeline/sources/files';
import { BUILD_FILES } from '../../data/schema';
import { defaultBuild, readGeojson, type AreaCollection, type TestBuild } from './support/dataset';

const CENSUS_POPULATION_2019 = 1_151_154;
const CENSUS_HOUSEHOLDS_2019 = 308_251;
const UNMAPPED_2025 = ['08779', '08821', '08827', '08857', '09058', '09115', '09142'];

let build: TestBuild;
let communes: AreaCollection;
beforeAll(async () => {
  build = await defaultBuild();
  communes = readGeojson(build.dir, BUILD_FILES.communesGeojson);
});

const commune = (code: string) => communes.features.find((f) => f.properties.code === code)!.properties;
const sum = (features: AreaCollection['features'], key: string) => features.reduce((s, f) => s + Number(f.properties[key]), 0);

describe('communes of 2019', () => {
  it('given the 137 GADM features, when built, then every one is joined to a distinct GSO code and GADM id', () => {
    expect(communes.features).toHaveLength(137);
    expect(new Set(communes.features.map((f) => f.properties.code)).size).toBe(137);
    expect(new Set(communes.features.map((f) => f.properties.gadm_gid)).size).toBe(137);
  });

  it('given the census, when built, then population sums to 1,151,154 and households to 308,251', () => {
    expect(sum(communes.features, 'population')).toBe(CENSUS_POPULATION_2019);
    expect(sum(communes.features, 'households')).toBe(CENSUS_HOUSEHOLDS_2019);
  });

  it('given GADM names without spaces, when built, then names come from the census with spaces, diacritics and the 2019 type', () => {
    expect(commune('08944')).toMatchObject({ name: 'Bá Hiến', type: 'Xã', district_code: '249', district_name: 'Bình Xuyên', population: 15472, households: 3998 });
    expect(commune('08755')).toMatchObject({ name: 'Nam Viêm', type: 'Phường' });
    expect(commune('08758')).toMatchObject({ name: 'Tiền Châu', type: 'Phường' });
    expect(commune('08908')).toMatchObject({ name: 'Tam Đảo', type: 'Thị trấn' });
  });

  it('given two communes with the same folded name in different districts, when joined within district, then each keeps its own code', () => {
    expect(commune('08794')).toMatchObject({ name: 'Xuân Hòa', district_name: 'Lập Thạch', gadm_gid: 'VNM.62.2.19_1' });
    expect(commune('08746')).toMatchObject({ name: 'Xuân Hoà', district_name: 'Phúc Yên', gadm_gid: 'VNM.62.3.10_1' });
  });

  it('given the four communes whose VARNAME_3 drops a word, when joined, then they still get their own codes', () => {
    expect(commune('08809')).toMatchObject({ name: 'Phương Khoan', gadm_gid: 'VNM.62.4.12_1' });
    expect(commune('09079')).toMatchObject({ name: 'Kim Xá', gadm_gid: 'VNM.62.7.7_1' });
    expect(commune('09058')).toMatchObject({ name: 'Hồng Phương', gadm_gid: 'VNM.62.9.6_1' });
    expect(commune('09055')).toMatchObject({ name: 'Yên Phương', gadm_gid: 'VNM.62.9.17_1' });
  });

  it('given the source polygons, when written, then every vertex is kept exactly and only the winding is RFC 7946', () => {
    const source = JSON.parse(readFileSync(path.join(sourcesDir(), SOURCE_FILES.communes), 'utf8')) as AreaCollection;
    const byGid = new Map(source.features.map((f) => [f.properties.GID_3 as string, f]));
    for (const feature of communes.features) {
      const original = byGid.get(feature.properties.gadm_gid as string)!;
      const ours = (feature.geometry as MultiPolygon).coordinates;
      const theirs = (original.geometry as MultiPolygon).coordinates;
      expect(ours).toHaveLength(theirs.length);
      ours.forEach((rings, p) =>
        rings.forEach((ring, r) => {
          const sourceRing = theirs[p]![r]!;
          expect([sourceRing, [...sourceRing].reverse()]).toContainEqual(ring);
          expect(turf.booleanClockwise(ring)).toBe(r !== 0);
        }),
      );
    }
  });

  it('given a commune polygon, when its area is computed with turf, then the 137 areas add up to the 1,233.5 km² of the source README', () => {
    expect(sum(communes.features, 'area_km2')).toBeCloseTo(1233.5, 0);
    expect(commune('08749').area_km2).toBeGreaterThan(75);
  });
});

describe('districts and province', () => {
  it('given the communes, when dissolved, then each of the 9 districts is one clean polygon with the census figures', () => {
    const districts = readGeojson(build.dir, BUILD_FILES.districtsGeojson);
    expect(districts.features).toHaveLength(9);
    for (const d of districts.features) {
      expect(d.geometry.type).toBe('Polygon');
      expect((d.geometry as Polygon).coordinates).toHaveLength(1);
    }
    expect(districts.features.find((d) => d.properties.code === '243')!.properties).toMatchObject({ name: 'Vĩnh Yên', type: 'Thành phố', population: 119128, households: 33224 });
    expect(districts.features.find((d) => d.properties.code === '248')!.properties).toMatchObject({ name: 'Tam Đảo', type: 'Huyện', population: 83931 });
    expect(sum(districts.features, 'population')).toBe(CENSUS_POPULATION_2019);
  });

  it('given the communes, when dissolved, then the province is one polygon without sliver holes', () => {
    const province = readGeojson(build.dir, BUILD_FILES.provinceGeojson);
    expect(province.features).toHaveLength(1);
    const [feature] = province.features;
    expect(feature!.geometry).toMatchObject({ type: 'Polygon' });
    expect((feature!.geometry as Polygon).coordinates).toHaveLength(1);
    expect(feature!.properties).toMatchObject({ code: '26', name: 'Vĩnh Phúc', population: CENSUS_POPULATION_2019, households: CENSUS_HOUSEHOLDS_2019 });
  });
});

describe('units of 1 July 2025', () => {
  it('given the crosswalk, when dissolved, then there are 36 units and the 7 old communes without a documented mapping are listed with the reason', () => {
    const units = readGeojson(build.dir, BUILD_FILES.units2025Geojson);
    expect(units.features).toHaveLength(36);
    const unmapped = units.unmapped as { code: string; name: string; reason: string }[];
    expect(unmapped.map((u) => u.code)).toEqual(UNMAPPED_2025);
    expect(unmapped.every((u) => u.reason.startsWith('UNRESOLVED'))).toBe(true);
    expect(build.manifest.unmapped_2025).toEqual(unmapped);
  });

  it('given the unmapped communes are never guessed, when summing, then the 2025 units hold exactly the other 130 communes', () => {
    const units = readGeojson(build.dir, BUILD_FILES.units2025Geojson);
    const oldCodes = units.features.flatMap((f) => String(f.properties.old_codes).split(','));
    expect(oldCodes).toHaveLength(130);
    expect(oldCodes.filter((c) => UNMAPPED_2025.includes(c))).toEqual([]);
    const unmappedPopulation = UNMAPPED_2025.reduce((s, code) => s + Number(commune(code).population), 0);
    expect(sum(units.features, 'population') + unmappedPopulation).toBe(CENSUS_POPULATION_2019);
    expect(units.features.find((f) => f.properties.code === '08707')!.properties).toMatchObject({ name: 'Vĩnh Yên', type: 'Phường', old_codes: '08707,08713,08722,08731' });
  });

  it('given a mapped old commune, when built, then its code_2025 names its new unit; an unmapped one has none', () => {
    expect(commune('08710').code_2025).toBe('08716');
    expect(commune('09142').code_2025).toBeNull();
  });
});
