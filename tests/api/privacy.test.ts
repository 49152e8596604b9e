/**
 * Informant privacy below admin, route by route (the attacks themselves are in
 * privacy-attacks.test.ts): no small positive count is ever served, hidden figures are null and
 * never 0, published ones lie within the noise bound of the truth, the whole programme's
 * province totals are exact, periods off the calendar are refused, every answer says what was
 * applied, and statistics are computed from the published figures alone.
 */
import type { FeatureCollection } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTCOME_KINDS } from '#contract';
import type { ChoroplethResponse, GridResponse, HotspotsResponse, PlannerResponse, SummaryResponse, TimeseriesResponse, UnitProfileResponse } from '#contract/api';
import type { ApiClient } from '../support/api-client';
import { giStarZ, queenNeighbours } from './support/spatial';
import { startTestServer, withQuery, type TestServer } from './support/test-server';

const K = 5;
const NOISE_BOUND = 3;
const STAND_IN = K / 2;
const RANGE = { from: '2017-01-01', to: '2022-10-25' };
const year = (y: number) => ({ from: `${y}-01-01`, to: y === 2022 ? RANGE.to : `${y}-12-31` });
const PERIODS = [year(2017), year(2019), year(2022), { from: '2018-01-01', to: '2020-12-31' }, RANGE];
const DISTRICTS = ['243', '244', '246', '247', '248', '249', '251', '252', '253'];
const isSmall = (n: number | null | undefined) => typeof n === 'number' && n > 0 && n < K;

let server: TestServer;
let viewer: ApiClient;
let analyst: ApiClient;
let admin: ApiClient;
let units: FeatureCollection;
beforeAll(async () => {
  server = await startTestServer();
  [viewer, analyst, admin] = await Promise.all([server.session('viewer'), server.session('analyst'), server.session('admin')]);
  units = await admin.json<FeatureCollection>('/api/units?level=commune');
});
afterAll(() => server?.close());

const choropleth = (client: ApiClient, params: Record<string, string>) => client.json<ChoroplethResponse>(withQuery('/api/choropleth', params));

describe('choropleths of tips and outcome events', () => {
  const cases = (['tips_count', 'events_count'] as const).flatMap((metric) =>
    (['commune', 'district'] as const).flatMap((level) => PERIODS.map((period) => ({ metric, level, ...period }))),
  );

  it.each(cases)('$metric per $level, $from … $to: no small value, hidden only where the truth is small or estimated, never 0 for a true count', async ({ metric, level, from, to }) => {
    const [shown, truth] = await Promise.all([choropleth(viewer, { metric, level, from, to }), choropleth(admin, { metric, level, from, to })]);
    const exact = new Map(truth.values.map((v) => [v.code, v.value!]));
    expect(shown.values.map((v) => v.code)).toEqual(truth.values.map((v) => v.code));
    for (const v of shown.values) {
      expect(isSmall(v.value), `${v.code} shows ${v.value}`).toBe(false);
      if (v.value === null) expect(v.suppressed).toBe(true);
      if (exact.get(v.code)! > 0) expect(v.value, v.code).not.toBe(0);
      if (exact.get(v.code) === 0) expect(v.value, v.code).toBe(0);
    }
    expect(shown.protection).toMatchObject({ method: 'cell_key', threshold: K, noise_bound: NOISE_BOUND, calendar: 'calendar_years', reportable: true });
    expect(truth.protection).toMatchObject({ method: 'exact' });
  });

  it.each(PERIODS.slice(0, 3))('tips per commune for the single year $from … $to: every published count within ±3 of the truth, every true 1–4 hidden', async (period) => {
    const [shown, truth] = await Promise.all([choropleth(viewer, { metric: 'tips_count', ...period }), choropleth(admin, { metric: 'tips_count', ...period })]);
    shown.values.forEach((v, i) => {
      const exact = truth.values[i]!.value!;
      if (exact >= 1 && exact < K) expect(v.value, v.code).toBeNull();
      if (exact >= K) expect(Math.abs(v.value! - exact), v.code).toBeLessThanOrEqual(NOISE_BOUND);
    });
  });

  it.each(PERIODS.slice(0, 3))('a district for $from … $to is the sum of its communes as published, hidden ones counted as 2.5', async (period) => {
    const [districts, communes] = await Promise.all([
      choropleth(viewer, { metric: 'tips_count', level: 'district', ...period }),
      choropleth(viewer, { metric: 'tips_count', ...period }),
    ]);
    const byCode = new Map(communes.values.map((v) => [v.code, v.value]));
    for (const district of districts.values) {
      const members = units.features.filter((f) => f.properties!.district_code === district.code).map((f) => byCode.get(f.properties!.code as string));
      const estimate = members.reduce<number>((sum, v) => sum + (v === null ? STAND_IN : (v ?? 0)), 0);
      const anyHidden = members.some((v) => v === null);
      expect(district.value, district.code).toBe(!anyHidden ? estimate : estimate < K ? null : Math.round(estimate));
    }
  });

  it('a district filter selects from the province view: the same value for every commune', async () => {
    const province = await choropleth(viewer, { metric: 'tips_count', ...year(2020) });
    const byCode = new Map(province.values.map((v) => [v.code, v.value]));
    for (const district of DISTRICTS.slice(0, 3)) {
      const filtered = await choropleth(viewer, { metric: 'tips_count', district, ...year(2020) });
      for (const v of filtered.values) expect(v.value, v.code).toBe(byCode.get(v.code));
    }
  });

  it('rates are the published counts over the census households', async () => {
    const [counts, rates] = await Promise.all([choropleth(viewer, { metric: 'tips_count', ...year(2021) }), choropleth(viewer, { metric: 'tips_per_1k_households', ...year(2021) })]);
    const households = new Map(units.features.map((f) => [f.properties!.code as string, f.properties!.households as number]));
    rates.values.forEach((rate, i) => {
      const count = counts.values[i]!.value;
      expect(rate.value === null ? null : rate.value, rate.code).toBe(count === null ? null : (count / households.get(rate.code)!) * 1000);
    });
  });

  it.each([
    { from: '2020-03-01', to: '2020-03-31' },
    { from: '2017-01-01', to: '2018-06-30' },
    { from: '2021-01-02', to: '2021-12-31' },
  ])('a period off the calendar ($from … $to) is refused to viewers and analysts with 403, naming the years to ask for; admins get the exact counts', async (period) => {
    for (const client of [viewer, analyst]) {
      const res = await client.get(withQuery('/api/choropleth', { metric: 'tips_count', ...period }));
      expect(res.status).toBe(403);
      const body = (await res.json()) as { error: { code: string; details: { suggestion: { from: string; to: string } } } };
      expect(body.error.code).toBe('reporting_calendar');
      expect(body.error.details.suggestion.from.endsWith('-01-01')).toBe(true);
    }
    expect((await admin.get(withQuery('/api/choropleth', { metric: 'tips_count', ...period }))).status).toBe(200);
  });

  it('groups and models stay exact for every role and every period', async () => {
    const period = { from: '2019-03-05', to: '2020-07-17' };
    for (const metric of ['groups_count', 'models_count', 'households_covered_pct']) {
      const [shown, truth] = await Promise.all([choropleth(viewer, { metric, ...period }), choropleth(admin, { metric, ...period })]);
      expect(shown.values).toEqual(truth.values);
      expect(shown.protection).toBeUndefined();
    }
  });
});

describe('the summary', () => {
  it('the province over the whole programme is exact for every role: the published figures', async () => {
    const [shown, truth] = await Promise.all([viewer.json<SummaryResponse>('/api/summary'), admin.json<SummaryResponse>('/api/summary')]);
    expect(shown.outcomes).toEqual(truth.outcomes);
    expect(shown.outcomes.guns_surrendered).toBe(21);
    expect(shown.suppressed).toBeUndefined();
  });

  it.each(DISTRICTS.flatMap((district) => [year(2018), year(2021), RANGE].map((period) => ({ district, ...period }))))(
    'district $district, $from … $to: no small outcome figure, hidden ones listed, never 0 for a true count',
    async ({ district, from, to }) => {
      const [shown, truth] = await Promise.all([
        viewer.json<SummaryResponse>(withQuery('/api/summary', { district, from, to })),
        admin.json<SummaryResponse>(withQuery('/api/summary', { district, from, to })),
      ]);
      for (const key of ['security_tips_provided', ...OUTCOME_KINDS] as const) {
        const value = shown.outcomes[key];
        expect(isSmall(value), `${key} = ${value}`).toBe(false);
        if (value === null) expect(shown.suppressed).toContain(key);
        if (truth.outcomes[key]! > 0) expect(value, key).not.toBe(0);
      }
      expect(shown.to_lien_gia).toEqual(truth.to_lien_gia);
    },
  );
});

describe('time series, profiles and the grid', () => {
  it.each(['249', '252'])('yearly tips of district %s: no small value, within the sum of its communes as published', async (code) => {
    const series = await viewer.json<TimeseriesResponse>(withQuery('/api/timeseries', { layer: 'tips', level: 'district', code }));
    for (const point of series.series) expect(isSmall(point.value), point.period).toBe(false);
    expect(series.protection?.method).toBe('cell_key');
  });

  it.each(['08944', '08707', '09085', '08959'])('commune %s: yearly tips and the tip metrics show no small value and equal the map', async (code) => {
    const profile = await viewer.json<UnitProfileResponse>(withQuery(`/api/units/${code}`, RANGE));
    for (const y of profile.yearly) expect(isSmall(y.tips), String(y.year)).toBe(false);
    for (const y of profile.yearly) {
      const map = await choropleth(viewer, { metric: 'tips_count', ...year(y.year) });
      expect(y.tips, String(y.year)).toBe(map.values.find((v) => v.code === code)!.value);
    }
    expect(isSmall(profile.metrics.tips_count?.value)).toBe(false);
  });

  it('a profile for a period off the calendar gives no tip or event figure, and says so', async () => {
    const profile = await viewer.json<UnitProfileResponse>(withQuery('/api/units/08944', { from: '2020-03-01', to: '2020-03-31' }));
    expect(profile.metrics.tips_count?.value).toBeNull();
    expect(profile.metrics.events_count?.district_average).toBeNull();
    expect(profile.protection.reportable).toBe(false);
  });

  it.each([7, 8])('tip cells at resolution %i: only cells with a publishable count are served, each ≥ 5 and within ±3 of the truth', async (resolution) => {
    const [shown, truth] = await Promise.all([
      viewer.json<GridResponse>(withQuery('/api/grid', { layer: 'tips', resolution, ...year(2021) })),
      admin.json<GridResponse>(withQuery('/api/grid', { layer: 'tips', resolution, ...year(2021) })),
    ]);
    const exact = new Map(truth.cells.map((c) => [c.h3, c.count!]));
    for (const cell of shown.cells) {
      expect(cell.count!, cell.h3).toBeGreaterThanOrEqual(K);
      expect(Math.abs(cell.count! - exact.get(cell.h3)!), cell.h3).toBeLessThanOrEqual(NOISE_BOUND);
      expect(cell.suppressed).toBeUndefined();
    }
    expect(new Set(shown.cells.map((c) => c.h3))).toEqual(new Set(truth.cells.filter((c) => c.count! >= K).map((c) => c.h3)));
  });
});

describe('statistics below admin are made of the published figures alone', () => {
  it('commune Gi* z-scores equal Gi* of the published counts with hidden ones at the stand-in 2.5', async () => {
    const [hotspots, map] = await Promise.all([
      analyst.json<HotspotsResponse>(withQuery('/api/hotspots', { layer: 'tips', ...year(2021) })),
      choropleth(analyst, { metric: 'tips_count', ...year(2021) }),
    ]);
    const values = map.values.map((v) => v.value ?? STAND_IN);
    const expected = giStarZ(values, queenNeighbours(units));
    hotspots.features.forEach((f, i) => expect(f.z, f.code).toBeCloseTo(expected[i]!, 9));
    expect(hotspots.inputs).toBe('published_counts');
    for (const f of hotspots.features) expect(isSmall(f.count)).toBe(false);
  });

  it('the planner ranking shows no small count and hides the rates of hidden communes', async () => {
    const ranking = await analyst.json<PlannerResponse>(withQuery('/api/planner', year(2022)));
    for (const row of ranking.rows) {
      expect(isSmall(row.incidents), row.code).toBe(false);
      if (row.incidents === null) expect(row.values.incidents_per_1k_households).toBeNull();
    }
    expect(ranking.protection.method).toBe('cell_key');
  });

  it('analysis endpoints refuse periods off the calendar to analysts', async () => {
    for (const path of ['/api/hotspots', '/api/hotspots/emerging', '/api/planner', '/api/planner.csv']) {
      expect((await analyst.get(`${path}?from=2018-01-01&to=2022-06-30`)).status, path).toBe(403);
    }
    const whatIf = await analyst.send('POST', '/api/planner/what-if', { code: '08944', groups: 1, from: '2021-02-01', to: '2021-12-31' });
    expect(whatIf.status).toBe(403);
  });
});
