/**
 * /api/units (boundaries with census figures, 2019 and 2025 units), /api/units/{code} (one
 * unit's profile) and /api/search (names whatever the diacritics, case or spacing).
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { SearchHit, UnitProfileResponse } from '#contract/api';
import type { ApiClient } from '../support/api-client';
import { expectApiError } from './support/error-shape';
import { closeTo, expectedMetricValues, expectedSeries, loadRecords, METRICS, SENSITIVE_METRICS, type Records } from './support/records';
import { sharedSession, withQuery } from './support/test-server';

interface UnitProperties {
  code: string;
  name: string;
  type: string;
  district_code?: string;
  district_name?: string;
  population: number;
  households: number;
  area_km2: number;
  old_codes?: string;
}
type Units = FeatureCollection<Geometry, UnitProperties> & { unmapped?: { code: string; name: string; reason: string }[] };

let records: Records;
let viewer: ApiClient;
beforeAll(async () => {
  [records, viewer] = await Promise.all([loadRecords(inject('datasetDir')), sharedSession('viewer')]);
});

const units = (query: string) => viewer.json<Units>(`/api/units${query}`);
const sum = (features: Feature<Geometry, UnitProperties>[], key: 'population' | 'households') => features.reduce((s, f) => s + f.properties[key], 0);

describe('2019 units', () => {
  it('given level=commune, then 137 communes with 1,151,154 people in 308,251 households (2019 census)', async () => {
    const body = await units('?level=commune');
    expect(body.type).toBe('FeatureCollection');
    expect(body.features).toHaveLength(137);
    expect(sum(body.features, 'population')).toBe(1_151_154);
    expect(sum(body.features, 'households')).toBe(308_251);
  });

  it('given no level, then communes are the default', async () => {
    expect((await units('')).features).toHaveLength(137);
  });

  it('serves GeoJSON as application/geo+json', async () => {
    const res = await viewer.get('/api/units?level=district');
    expect(res.headers.get('content-type')).toMatch(/^application\/geo\+json/);
  });

  it('gives every commune its code, proper name, type, district and census figures, as in the build', async () => {
    const body = await units('?level=commune');
    const byCode = new Map(body.features.map((f) => [f.properties.code, f]));
    for (const commune of records.communes) {
      const feature = byCode.get(commune.code);
      expect(feature?.properties, commune.code).toMatchObject({
        code: commune.code,
        name: commune.name,
        type: commune.type,
        district_code: commune.district_code,
        district_name: commune.district_name,
        population: commune.population,
        households: commune.households,
      });
      expect(closeTo(feature!.properties.area_km2, commune.area_km2)).toBe(true);
      expect(['Xã', 'Phường', 'Thị trấn']).toContain(feature!.properties.type);
      expect(['Polygon', 'MultiPolygon']).toContain(feature!.geometry.type);
    }
    expect(byCode.get('08944')?.properties.name).toBe('Bá Hiến');
  });

  it('given level=district, then 9 districts whose census figures are the sums of their communes', async () => {
    const [districts, communes] = await Promise.all([units('?level=district'), units('?level=commune')]);
    expect(districts.features).toHaveLength(9);
    for (const d of districts.features) {
      const own = communes.features.filter((c) => c.properties.district_code === d.properties.code);
      expect(own.length, d.properties.code).toBeGreaterThan(0);
      expect(d.properties.population).toBe(sum(own, 'population'));
      expect(d.properties.households).toBe(sum(own, 'households'));
      expect(['Huyện', 'Thành phố']).toContain(d.properties.type);
    }
  });

  it('given level=province, then the one province, Vĩnh Phúc (26)', async () => {
    const body = await units('?level=province');
    expect(body.features).toHaveLength(1);
    expect(body.features[0]!.properties).toMatchObject({ code: '26', name: 'Vĩnh Phúc' });
  });
});

describe('2025 units', () => {
  let body: Units;
  beforeAll(async () => {
    body = await units('?version=2025');
  });

  it('given version=2025, then the 36 units built from the crosswalk', () => {
    expect(body.features).toHaveLength(36);
  });

  it('lists the 7 old communes whose receiving unit is not documented, with a reason, instead of guessing', () => {
    expect(body.unmapped).toHaveLength(7);
    const communeCodes = new Set(records.communes.map((c) => c.code));
    for (const u of body.unmapped!) {
      expect(communeCodes.has(u.code), u.code).toBe(true);
      expect(u.name.length).toBeGreaterThan(0);
      expect(u.reason.length).toBeGreaterThan(0);
    }
  });

  it('puts every 2019 commune either into exactly one 2025 unit or into the unmapped list', () => {
    const assigned = body.features.flatMap((f) => f.properties.old_codes!.split(','));
    const all = [...assigned, ...body.unmapped!.map((u) => u.code)].sort();
    expect(all).toEqual(records.communes.map((c) => c.code).sort());
  });

  it('gives each 2025 unit the census population and households of the old communes it absorbed', () => {
    const communeByCode = new Map(records.communes.map((c) => [c.code, c]));
    for (const f of body.features) {
      const old = f.properties.old_codes!.split(',').map((code) => communeByCode.get(code)!);
      expect(f.properties.population, f.properties.code).toBe(old.reduce((s, c) => s + c.population, 0));
      expect(f.properties.households, f.properties.code).toBe(old.reduce((s, c) => s + c.households, 0));
    }
  });

  it('given version=2025 and level=district, then 400: districts were abolished in 2025', async () => {
    await expectApiError(await viewer.get('/api/units?version=2025&level=district'), 400, 'unknown_value');
  });
});

describe('search', () => {
  it.each(['ba hien', 'BAHIEN', 'Ba Hien', 'bá hiến', 'Bá Hiến', '  ba   HIEN ', 'bahien', 'xa ba hien'])(
    'given "%s", then Bá Hiến (08944) is the first hit',
    async (q) => {
      const hits = await viewer.json<SearchHit[]>(withQuery('/api/search', { q }));
      expect(hits[0]).toMatchObject({ code: '08944', name: 'Bá Hiến', level: 'commune', district_name: 'Bình Xuyên' });
    },
  );

  it('given "dong da" (plain d), then Đống Đa is found: "d" matches "đ"', async () => {
    const hits = await viewer.json<SearchHit[]>('/api/search?q=dong%20da');
    expect(hits[0]).toMatchObject({ code: '08716', name: 'Đống Đa' });
  });

  it('given "dinh chu", then Đình Chu is found', async () => {
    const hits = await viewer.json<SearchHit[]>('/api/search?q=dinh%20chu');
    expect(hits[0]?.name).toBe('Đình Chu');
  });

  it('given a district name, then the district comes first with its bbox', async () => {
    const hits = await viewer.json<SearchHit[]>('/api/search?q=binh%20xuyen');
    expect(hits[0]).toMatchObject({ level: 'district', name: 'Bình Xuyên' });
    const [minLon, minLat, maxLon, maxLat] = hits[0]!.bbox;
    expect(minLon).toBeLessThan(maxLon);
    expect(minLat).toBeLessThan(maxLat);
  });

  it('given limit=3 and a common letter, then at most 3 hits', async () => {
    expect(await viewer.json<SearchHit[]>('/api/search?q=a&limit=3')).toHaveLength(3);
  });

  it('given a name that does not exist, then no hits', async () => {
    expect(await viewer.json<SearchHit[]>('/api/search?q=Springfield')).toEqual([]);
  });

  it('given only punctuation, then no hits rather than every unit', async () => {
    expect(await viewer.json<SearchHit[]>(withQuery('/api/search', { q: '%%%' }))).toEqual([]);
  });
});

describe('one unit’s profile', () => {
  const period = { from: '2019-01-01', to: '2021-12-31' };

  it.each(['08944', '08707', '09085'])('commune %s: every non-sensitive metric equals the recount, with its rank and averages', async (code) => {
    const profile = await viewer.json<UnitProfileResponse>(withQuery(`/api/units/${code}`, period));
    const commune = records.communes.find((c) => c.code === code)!;
    expect(profile).toMatchObject({ code, name: commune.name, level: 'commune', district_code: commune.district_code, households: commune.households });
    for (const metric of METRICS.filter((m) => !SENSITIVE_METRICS.includes(m))) {
      const all = expectedMetricValues(records, metric, 'commune', period);
      const own = all.find((v) => v.code === code)!.value;
      const peers = all.filter((v) => v.district_code === commune.district_code);
      const got = profile.metrics[metric]!;
      expect(closeTo(got.value!, own), metric).toBe(true);
      expect(got.rank, metric).toBe(1 + all.filter((v) => v.value > own).length);
      expect(got.of).toBe(137);
      expect(closeTo(got.province_average!, all.reduce((s, v) => s + v.value, 0) / all.length), metric).toBe(true);
      expect(closeTo(got.district_average!, peers.reduce((s, v) => s + v.value, 0) / peers.length), metric).toBe(true);
    }
  });

  it('commune 08944: the yearly groups and models equal the recount', async () => {
    const profile = await viewer.json<UnitProfileResponse>(withQuery('/api/units/08944', period));
    const scope = { level: 'commune' as const, code: '08944' };
    const active = expectedSeries(records, 'groups_active', 'year', scope, period);
    const fresh = expectedSeries(records, 'groups_new', 'year', scope, period);
    const models = expectedSeries(records, 'models', 'year', scope, period);
    expect(profile.yearly.map((y) => y.year)).toEqual([2019, 2020, 2021]);
    expect(profile.yearly.map((y) => y.groups_active)).toEqual(active.map((p) => p.value));
    expect(profile.yearly.map((y) => y.groups_new)).toEqual(fresh.map((p) => p.value));
    expect(profile.yearly.map((y) => y.models_active)).toEqual(models.map((p) => p.value));
  });

  it('district 252: ranked among the 9 districts', async () => {
    const profile = await viewer.json<UnitProfileResponse>('/api/units/252');
    const all = expectedMetricValues(records, 'groups_count', 'district', { from: '2017-01-01', to: '2022-10-25' });
    const own = all.find((v) => v.code === '252')!.value;
    expect(profile.level).toBe('district');
    expect(profile.metrics.groups_count).toMatchObject({ value: own, rank: 1 + all.filter((v) => v.value > own).length, of: 9 });
  });

  it('the province (26): its totals, first of one', async () => {
    const profile = await viewer.json<UnitProfileResponse>('/api/units/26');
    expect(profile.metrics.groups_count).toMatchObject({ value: 10762, rank: 1, of: 1 });
    expect(profile.metrics.tips_count?.value).toBe(records.tips.length);
  });

  it('given a code no unit has, then 404 unknown_unit', async () => {
    await expectApiError(await viewer.get('/api/units/99999'), 404, 'unknown_unit');
  });
});
