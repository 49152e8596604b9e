/**
 * The source readers on small fixtures: each broken input becomes a PipelineError with a
 * code, the file, the row or feature, and a fix.
 */
import { describe, expect, it } from 'vitest';
import { PipelineError } from '../../data/pipeline/errors';
import { joinCommunes } from '../../data/pipeline/reference/join';
import { indexCrosswalk } from '../../data/pipeline/reference/units-2025';
import { CENSUS_HEADER, parseCensus } from '../../data/pipeline/sources/census';
import { parseCrosswalk } from '../../data/pipeline/sources/crosswalk';
import { parseCsv } from '../../data/pipeline/sources/csv';
import { parseContextProvinces, parseNaturalEarth } from '../../data/pipeline/sources/context';
import { parseGadm } from '../../data/pipeline/sources/gadm';
import { parsePublishedTotals } from '../../data/pipeline/sources/published-totals';

const CENSUS_FILE = '/fixtures/vinh_phuc_population_2019.csv';
const GADM_FILE = '/fixtures/gadm41_vinh_phuc_communes.geojson';

const census = (rows: string[]) => [CENSUS_HEADER.join(','), ...rows].join('\n');
const SMALL_CENSUS = census([
  'province,26,Tỉnh Vĩnh Phúc,300,80,,src',
  'district,248,Huyện Tam Đảo,300,80,,src',
  'commune,08908,Thị trấn Tam Đảo,100,30,,src',
  'commune,08914,Xã Đạo Trù,200,50,,src',
]);

function thrown(work: () => unknown): PipelineError {
  try {
    work();
  } catch (error) {
    if (error instanceof PipelineError) return error;
    throw error;
  }
  throw new Error('expected a PipelineError');
}

const square = (lon: number, lat: number) => [
  [
    [
      [lon, lat],
      [lon, lat + 0.01],
      [lon + 0.01, lat + 0.01],
      [lon + 0.01, lat],
      [lon, lat],
    ],
  ],
];
const gadmFeature = (gid: string, district: string, name: string, lon = 105.6) => ({
  type: 'Feature',
  properties: { GID_3: gid, NAME_2: district, NAME_3: name, TYPE_3: 'Xã' },
  geometry: { type: 'MultiPolygon', coordinates: square(lon, 21.4) },
});

describe('CSV reader', () => {
  it('given quoted fields with commas and doubled quotes, when parsed, then values are intact', () => {
    const rows = parseCsv('a,b\n"x, y","say ""hi"""\r\n', '/f.csv', ['a', 'b']);
    expect(rows).toEqual([{ line: 2, values: { a: 'x, y', b: 'say "hi"' } }]);
  });

  it('given a renamed column, when parsed, then CSV_HEADER names the expected header', () => {
    const error = thrown(() => parseCsv('a,c\n1,2\n', '/f.csv', ['a', 'b']));
    expect(error.code).toBe('CSV_HEADER');
    expect(error.message).toContain('expected "a,b"');
  });

  it('given an unclosed quote, when parsed, then CSV_MALFORMED names the line it starts on', () => {
    const error = thrown(() => parseCsv('a,b\n1,2\n"3,4\n', '/f.csv', ['a', 'b']));
    expect(error).toMatchObject({ code: 'CSV_MALFORMED', where: 'line 3' });
  });
});

describe('census reader', () => {
  it('given the 2019 census layout, when parsed, then communes carry their district and their 2019 type without the prefix', () => {
    const parsed = parseCensus(SMALL_CENSUS, CENSUS_FILE);
    expect(parsed.communes).toEqual([
      { code: '08908', name: 'Tam Đảo', type: 'Thị trấn', population: 100, households: 30, line: 4, districtCode: '248' },
      { code: '08914', name: 'Đạo Trù', type: 'Xã', population: 200, households: 50, line: 5, districtCode: '248' },
    ]);
    expect(parsed.districts[0]).toMatchObject({ name: 'Tam Đảo', type: 'Huyện' });
  });

  it('given communes that do not add up to their district, when parsed, then CENSUS_INCONSISTENT names the district row', () => {
    const error = thrown(() => parseCensus(SMALL_CENSUS.replace('200,50', '201,50'), CENSUS_FILE));
    expect(error).toMatchObject({ code: 'CENSUS_INCONSISTENT', where: 'line 3' });
    expect(error.message).toContain('sum to population 301, but the district row says 300');
  });

  it('given a code that lost its leading zero, when parsed, then CSV_VALUE says so and how to fix it', () => {
    const error = thrown(() => parseCensus(SMALL_CENSUS.replace('08914', '8914'), CENSUS_FILE));
    expect(error).toMatchObject({ code: 'CSV_VALUE', where: 'line 5' });
    expect(error.fix).toContain('leading zeros');
  });
});

describe('GeoJSON reader and join', () => {
  it('given a feature without geometry, when parsed, then GEOJSON_FEATURE names the feature number and GID', () => {
    const text = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { GID_3: 'VNM.62.5.7_1', NAME_3: 'TamĐảo' } }] });
    const error = thrown(() => parseGadm(text, GADM_FILE));
    expect(error.code).toBe('GEOJSON_FEATURE');
    expect(error.where).toBe('feature #1 (GID_3 VNM.62.5.7_1, NAME_3 "TamĐảo")');
  });

  it('given swapped coordinates, when parsed, then the position outside the province is reported', () => {
    const feature = gadmFeature('VNM.62.5.7_1', 'TamĐảo', 'TamĐảo');
    feature.geometry.coordinates = [[[[21.4, 105.6], [21.41, 105.6], [21.41, 105.61], [21.4, 105.6]]]];
    const error = thrown(() => parseGadm(JSON.stringify({ type: 'FeatureCollection', features: [feature] }), GADM_FILE));
    expect(error.message).toContain('outside Vĩnh Phúc');
  });

  it('given names without spaces, when joined within district, then they match the census names with spaces', () => {
    const features = parseGadm(
      JSON.stringify({ type: 'FeatureCollection', features: [gadmFeature('VNM.62.5.7_1', 'TamĐảo', 'TamĐảo'), gadmFeature('VNM.62.5.3_1', 'TamĐảo', 'ĐạoTrù', 105.7)] }),
      GADM_FILE,
    );
    const joined = joinCommunes(features, parseCensus(SMALL_CENSUS, CENSUS_FILE), GADM_FILE, CENSUS_FILE);
    expect(joined.map((j) => [j.gadm.gid, j.census.code])).toEqual([
      ['VNM.62.5.7_1', '08908'],
      ['VNM.62.5.3_1', '08914'],
    ]);
  });

  it('given a census commune without a polygon, when joined, then JOIN_FAILED lists it with its line', () => {
    const features = parseGadm(JSON.stringify({ type: 'FeatureCollection', features: [gadmFeature('VNM.62.5.7_1', 'TamĐảo', 'TamĐảo')] }), GADM_FILE);
    const error = thrown(() => joinCommunes(features, parseCensus(SMALL_CENSUS, CENSUS_FILE), GADM_FILE, CENSUS_FILE));
    expect(error.code).toBe('JOIN_FAILED');
    expect(error.message).toContain('Đạo Trù (08914, line 5)');
  });
});

describe('crosswalk and published totals', () => {
  it('given a 2019 commune missing from the crosswalk, when indexed, then CROSSWALK_INCOMPLETE names the code', () => {
    const rows = parseCrosswalk(
      'old_ward_code,old_ward_name,new_ward_code,new_ward_name,new_ward_type,source\n08908,Thị trấn Tam Đảo,08911,Xã Tam Đảo,Xã,NSO\n',
      '/fixtures/vinh_phuc_crosswalk_2025.csv',
    );
    const error = thrown(() => indexCrosswalk(rows, ['08908', '08914'], '/fixtures/vinh_phuc_crosswalk_2025.csv'));
    expect(error).toMatchObject({ code: 'CROSSWALK_INCOMPLETE', where: 'old_ward_code 08914' });
  });

  it('given a published-totals file without a figure, when parsed, then TOTALS_INVALID names the missing path', () => {
    const error = thrown(() => parsePublishedTotals(JSON.stringify({ to_lien_gia: { total_active: 10762 } }), '/fixtures/published_totals.json'));
    expect(error.code).toBe('TOTALS_INVALID');
    expect(error.message).toContain('to_lien_gia.rural');
  });
});

describe('map context readers', () => {
  const PROVINCES_FILE = '/fixtures/gadm41_region_provinces_simplified.geojson';
  const NATURAL_EARTH_FILE = '/fixtures/naturalearth_region.geojson';
  const collection = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
  const province = (name: string, lon = 105.6) => ({ type: 'Feature', properties: { GID_1: `VNM.${name.length}_1`, NAME_1: name }, geometry: { type: 'MultiPolygon', coordinates: square(lon, 21.4) } });
  const river = (name: string) => ({ type: 'Feature', properties: { kind: 'river', name }, geometry: { type: 'LineString', coordinates: [[105.3, 21.2], [105.6, 21.1]] } });
  const place = (name: string, scalerank: number) => ({ type: 'Feature', properties: { kind: 'place', name, scalerank }, geometry: { type: 'Point', coordinates: [105.85, 21.03] } });

  it('given Vĩnh Phúc and two neighbours, when read, then the neighbours remain with kind province and their Vietnamese names', () => {
    const features = parseContextProvinces(collection([province('Hà Nội'), province('Vĩnh Phúc'), province('Phú Thọ', 105.2)]), PROVINCES_FILE);
    expect(features.map((f) => f.properties)).toEqual([
      { kind: 'province', name: 'Hà Nội' },
      { kind: 'province', name: 'Phú Thọ' },
    ]);
    expect(features[0]?.geometry).toEqual(province('Hà Nội').geometry);
  });

  it('given a province without NAME_1, when read, then GEOJSON_FEATURE names the feature', () => {
    const nameless = { ...province('Hà Nội'), properties: { GID_1: 'VNM.27_1' } };
    const error = thrown(() => parseContextProvinces(collection([province('Phú Thọ'), nameless]), PROVINCES_FILE));
    expect(error.code).toBe('GEOJSON_FEATURE');
    expect(error.where).toBe('feature #2');
    expect(error.message).toContain('NAME_1');
  });

  it('given lon and lat swapped, when read, then GEOJSON_FEATURE says the coordinates are outside northern Vietnam', () => {
    const swapped = { ...province('Hà Nội'), geometry: { type: 'Polygon', coordinates: [[[21.4, 105.6], [21.5, 105.6], [21.5, 105.7], [21.4, 105.6]]] } };
    const error = thrown(() => parseContextProvinces(collection([swapped]), PROVINCES_FILE));
    expect(error.code).toBe('GEOJSON_FEATURE');
    expect(error.message).toMatch(/position \[21\.4, 105\.6\] is outside northern Vietnam/);
  });

  it('given a truncated file, when read, then GEOJSON_MALFORMED names it and the fix', () => {
    const error = thrown(() => parseContextProvinces(collection([province('Hà Nội')]).slice(0, 80), PROVINCES_FILE));
    expect(error.code).toBe('GEOJSON_MALFORMED');
    expect(error.message).toContain('gadm41_region_provinces_simplified.geojson is not valid JSON');
    expect(error.fix).toContain('../shared/data/sources/context');
  });

  it('given only Vĩnh Phúc, when read, then it fails: there is no region to draw', () => {
    expect(thrown(() => parseContextProvinces(collection([province('Vĩnh Phúc')]), PROVINCES_FILE)).code).toBe('GEOJSON_FEATURE');
  });

  it('given Natural Earth rivers and places, when read, then rivers and towns carry Vietnamese names and towns their scalerank', () => {
    const features = parseNaturalEarth(collection([river('Hong'), river('Da'), place('Hanoi', 2), place('Việt Trì', 7)]), NATURAL_EARTH_FILE);
    expect(features.map((f) => f.properties)).toEqual([
      { kind: 'river', name: 'Sông Hồng' },
      { kind: 'river', name: 'Sông Đà' },
      { kind: 'town', name: 'Hà Nội', rank: 2 },
      { kind: 'town', name: 'Việt Trì', rank: 7 },
    ]);
  });

  it('given a river with no Vietnamese name known, when read, then GEOJSON_FEATURE says where to add it', () => {
    const error = thrown(() => parseNaturalEarth(collection([river('Hong'), river('Lo')]), NATURAL_EARTH_FILE));
    expect(error.code).toBe('GEOJSON_FEATURE');
    expect(error.where).toBe('feature #2 (river "Lo")');
    expect(error.fix).toContain('RIVER_NAMES_VI');
  });

  it('given a feature of another kind or a place without scalerank, when read, then GEOJSON_FEATURE names it', () => {
    expect(thrown(() => parseNaturalEarth(collection([{ ...river('Hong'), properties: { kind: 'lake', name: 'Đại Lải' } }]), NATURAL_EARTH_FILE)).message).toContain(
      'has kind "lake"',
    );
    const unranked = { ...place('Sơn Tây', 7), properties: { kind: 'place', name: 'Sơn Tây' } };
    expect(thrown(() => parseNaturalEarth(collection([unranked]), NATURAL_EARTH_FILE)).message).toContain('scalerank');
  });
});
