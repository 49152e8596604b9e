/**
 * Informant privacy (k = 5) for every tip and outcome-event aggregate served below admin, over
 * many seeded random filter combinations: no shown cell holds 0 < n < k, hidden cells come back
 * as null + suppressed (never 0), no hidden cell can be recovered from the other numbers of the
 * same response plus the published totals, admins see the exact recount, and province totals
 * are never hidden.
 */
import type { FeatureCollection } from 'geojson';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ChoroplethResponse, GridResponse, SummaryResponse, TimeseriesResponse, UnitProfileResponse } from '../../server/contract';
import type { ApiClient } from '../support/api-client';
import { expectedGrid, expectedMetricValues, loadRecords, type Records } from './support/records';
import { randomPeriod, seededRandom } from './support/random';
import { queenNeighbours } from './support/spatial';
import { startTestServer, withQuery, type TestServer } from './support/test-server';

const K = 5;
const RANGE = { from: '2017-01-01', to: '2022-10-25' };
const DISTRICTS = ['243', '244', '246', '247', '248', '249', '251', '252', '253'];
const SENSITIVE = ['tips_count', 'tips_per_1k_households', 'events_count'] as const;
const BELOW_ADMIN = ['viewer', 'analyst'] as const;
const OUTCOME_KEYS = [
  'security_tips_provided',
  'household_registration_violations_reported',
  'illegal_entry_foreigners_reported',
  'women_illegal_exit_returned_reported',
  'guns_surrendered',
  'primitive_weapons_surrendered',
  'post_rehab_people_managed',
  'post_rehab_exemplars',
] as const;

/** Communes of every kind: planted hot spots (08959, 08734, 08728), quiet rural ones, unmapped-in-2025 ones. */
const SAMPLE_COMMUNES = ['08944', '08707', '09085', '08773', '08959', '08734', '08728', '09112', '08821', '09046'];

const random = seededRandom(6_2022);
/** Short periods hide the most cells, so they are over-represented on purpose. */
const periods = [
  { from: '2022-03-01', to: '2022-03-07' },
  { from: '2021-11-01', to: '2021-11-30' },
  { from: '2017-01-01', to: '2017-12-31' },
  ...Array.from({ length: 9 }, () => randomPeriod(random, RANGE.from, RANGE.to)),
];

let server: TestServer;
let records: Records;
const clients = new Map<string, ApiClient>();
beforeAll(async () => {
  server = await startTestServer();
  records = await loadRecords(inject('datasetDir'));
  for (const role of ['viewer', 'analyst', 'admin'] as const) clients.set(role, await server.session(role));
});
afterAll(() => server?.close());

const as = (role: string) => clients.get(role)!;
const isSmall = (n: number | null | undefined) => typeof n === 'number' && n > 0 && n < K;
/**
 * 0 hidden, at least 2, or every cell (nothing shown to subtract): one hidden cell beside a
 * shown total is a subtraction away.
 */
const safeHiddenCount = (hidden: number, cells = Infinity) => hidden === 0 || hidden >= 2 || hidden === cells;
const communesOf = (district: string) => records.communes.filter((c) => c.district_code === district).map((c) => c.code);

describe('choropleths of tips and outcome events', () => {
  const cases = SENSITIVE.flatMap((metric) =>
    (['commune', 'district'] as const).flatMap((level) => periods.flatMap((period) => BELOW_ADMIN.map((role) => ({ metric, level, role, ...period })))),
  );

  it.each(cases)('$metric per $level, $from … $to, as $role: no small cell shown, hidden cells null, ≥ 2 hidden per published total', async ({ metric, level, role, from, to }) => {
    const body = await as(role).json<ChoroplethResponse>(withQuery('/api/choropleth', { metric, level, from, to }));
    const exact = expectedMetricValues(records, metric, level, { from, to });
    const hidden = body.values.filter((v) => v.suppressed);
    for (const [i, v] of body.values.entries()) {
      expect(isSmall(v.count), `${v.code} shows ${v.count}`).toBe(false);
      if (v.suppressed) expect(v, v.code).toEqual({ code: v.code, value: null, count: null, suppressed: true });
      else expect(v.count, v.code).toBe(exact[i]!.count);
      if (isSmall(exact[i]!.count)) expect(v.suppressed, `${v.code} has ${exact[i]!.count}`).toBe(true);
    }
    if (level === 'commune') {
      for (const district of DISTRICTS) {
        const inDistrict = hidden.filter((v) => communesOf(district).includes(v.code)).length;
        expect(safeHiddenCount(inDistrict), `district ${district} hides ${inDistrict}`).toBe(true);
      }
    } else {
      expect(safeHiddenCount(hidden.length), `${hidden.length} districts hidden`).toBe(true);
    }
    expect(body.suppression).toEqual({ k: K, suppressed: hidden.length });
  });

  it.each(periods)('tips per commune, $from … $to: a district view hides exactly what the province view hides', async ({ from, to }) => {
    const whole = await as('viewer').json<ChoroplethResponse>(withQuery('/api/choropleth', { metric: 'tips_count', from, to }));
    const byCode = new Map(whole.values.map((v) => [v.code, v]));
    for (const district of DISTRICTS) {
      const part = await as('viewer').json<ChoroplethResponse>(withQuery('/api/choropleth', { metric: 'tips_count', from, to, district }));
      for (const v of part.values) expect(v).toEqual(byCode.get(v.code));
      expect(safeHiddenCount(part.values.filter((v) => v.suppressed).length)).toBe(true);
    }
  });

  it.each(periods)('tips, $from … $to: a district hidden on the district map is not the plain sum of its communes shown on the commune map', async ({ from, to }) => {
    const [districts, communes] = await Promise.all([
      as('viewer').json<ChoroplethResponse>(withQuery('/api/choropleth', { metric: 'tips_count', level: 'district', from, to })),
      as('viewer').json<ChoroplethResponse>(withQuery('/api/choropleth', { metric: 'tips_count', from, to })),
    ]);
    for (const d of districts.values.filter((v) => v.suppressed)) {
      const own = communes.values.filter((v) => communesOf(d.code).includes(v.code));
      expect(own.some((v) => v.suppressed), `district ${d.code}: every commune shown, so its hidden total is their sum`).toBe(true);
    }
  });

  it.each(SENSITIVE.flatMap((metric) => periods.slice(0, 4).map((period) => ({ metric, ...period }))))(
    '$metric, $from … $to, as admin: nothing hidden and every count exact',
    async ({ metric, from, to }) => {
      const body = await as('admin').json<ChoroplethResponse>(withQuery('/api/choropleth', { metric, from, to }));
      expect(body.suppression).toBeUndefined();
      expect(body.values.map((v) => v.count)).toEqual(expectedMetricValues(records, metric, 'commune', { from, to }).map((e) => e.count));
    },
  );
});

describe('the tip grid', () => {
  const cases = ([7, 8] as const).flatMap((resolution) => periods.flatMap((period) => BELOW_ADMIN.map((role) => ({ resolution, role, ...period }))));

  it.each(cases)('resolution $resolution, $from … $to, as $role: no small cell, hidden cells null, 0 or ≥ 2 hidden, shown counts exact', async ({ resolution, role, from, to }) => {
    const body = await as(role).json<GridResponse>(withQuery('/api/grid', { layer: 'tips', resolution, from, to }));
    const exact = expectedGrid(records, 'tips', resolution, { period: { from, to } });
    expect(new Set(body.cells.map((c) => c.h3))).toEqual(new Set(exact.keys()));
    for (const cell of body.cells) {
      expect(isSmall(cell.count), `${cell.h3} shows ${cell.count}`).toBe(false);
      if (cell.suppressed) expect(cell.count).toBeNull();
      else expect(cell.count).toBe(exact.get(cell.h3));
    }
    expect(safeHiddenCount(body.cells.filter((c) => c.suppressed).length)).toBe(true);
  });

  it.each(periods.slice(0, 4))('$from … $to, as admin: every cell exact, adding up to every tip of the period', async ({ from, to }) => {
    const body = await as('admin').json<GridResponse>(withQuery('/api/grid', { layer: 'tips', from, to }));
    expect(body.cells.every((c) => !c.suppressed)).toBe(true);
    expect(new Map(body.cells.map((c) => [c.h3, c.count]))).toEqual(expectedGrid(records, 'tips', 8, { period: { from, to } }));
  });

  it.each(DISTRICTS.slice(0, 4).map((district) => ({ district, ...periods[1]! })))(
    'district $district, $from … $to: each cell shows the same count or the same suppression as the province grid',
    async ({ district, from, to }) => {
      const [whole, part] = await Promise.all([
        as('viewer').json<GridResponse>(withQuery('/api/grid', { layer: 'tips', from, to })),
        as('viewer').json<GridResponse>(withQuery('/api/grid', { layer: 'tips', from, to, district })),
      ]);
      const byCell = new Map(whole.cells.map((c) => [c.h3, c]));
      for (const cell of part.cells) expect(cell).toEqual(byCell.get(cell.h3));
    },
  );
});

describe('time series', () => {
  const scopes = [
    ...DISTRICTS.map((code) => ({ level: 'district', code })),
    ...Array.from({ length: 8 }, () => ({ level: 'commune', code: random.pick(SAMPLE_COMMUNES) })),
  ];
  const cases = (['tips', 'events'] as const).flatMap((layer) =>
    scopes.flatMap((scope, i) => [{ layer, interval: i % 2 === 0 ? 'month' : 'year', ...scope, ...periods[i % periods.length]! }]),
  );

  it.each(cases)('$layer per $interval for $level $code, $from … $to: no small value shown, hidden values null, 0 or ≥ 2 hidden', async ({ layer, interval, level, code, from, to }) => {
    const params = { layer, interval, level, code, from, to };
    const [viewer, admin] = await Promise.all([
      as('viewer').json<TimeseriesResponse>(withQuery('/api/timeseries', params)),
      as('admin').json<TimeseriesResponse>(withQuery('/api/timeseries', params)),
    ]);
    viewer.series.forEach((point, i) => {
      expect(isSmall(point.value), `${point.period} shows ${point.value}`).toBe(false);
      if (point.suppressed) expect(point.value).toBeNull();
      else expect(point.value).toBe(admin.series[i]!.value);
    });
    expect(admin.series.every((p) => !p.suppressed && typeof p.value === 'number')).toBe(true);
    const hidden = viewer.series.filter((p) => p.suppressed).length;
    expect(safeHiddenCount(hidden, viewer.series.length), `${hidden} of ${viewer.series.length} hidden`).toBe(true);
  });

  it.each(periods.slice(0, 3))('the province series of tips per month, $from … $to, is never hidden', async ({ from, to }) => {
    const params = { layer: 'tips', interval: 'month', from, to };
    const [viewer, admin] = await Promise.all([
      as('viewer').json<TimeseriesResponse>(withQuery('/api/timeseries', params)),
      as('admin').json<TimeseriesResponse>(withQuery('/api/timeseries', params)),
    ]);
    expect(viewer.series).toEqual(admin.series);
  });
});

describe('district summaries', () => {
  it.each(periods.flatMap((period) => BELOW_ADMIN.map((role) => ({ role, ...period }))))(
    '$from … $to, as $role: across the 9 districts no small outcome is shown, and each figure is hidden in 0 or ≥ 2 districts',
    async ({ role, from, to }) => {
      const bodies = await Promise.all(DISTRICTS.map((district) => as(role).json<SummaryResponse>(withQuery('/api/summary', { from, to, district }))));
      const exact = await Promise.all(DISTRICTS.map((district) => as('admin').json<SummaryResponse>(withQuery('/api/summary', { from, to, district }))));
      for (const key of OUTCOME_KEYS) {
        bodies.forEach((body, i) => {
          const value = body.outcomes[key];
          expect(isSmall(value), `${DISTRICTS[i]} ${key} = ${value}`).toBe(false);
          if (value === null) expect(body.suppressed).toContain(key);
          else expect(value).toBe(exact[i]!.outcomes[key]);
        });
        expect(safeHiddenCount(bodies.filter((b) => b.outcomes[key] === null).length), key).toBe(true);
      }
    },
  );

  it.each(periods.slice(0, 3))('the province summary, $from … $to, as a viewer equals the admin’s: province totals are never hidden', async ({ from, to }) => {
    const [viewer, admin] = await Promise.all([
      as('viewer').json<SummaryResponse>(withQuery('/api/summary', { from, to })),
      as('admin').json<SummaryResponse>(withQuery('/api/summary', { from, to })),
    ]);
    expect(viewer.suppressed).toBeUndefined();
    expect(viewer.outcomes).toEqual(admin.outcomes);
  });
});

describe('unit profiles', () => {
  const profileCases = [
    ...['08773', '08944', '08707', '09085', '08821', '09142'].map((code, i) => ({ code, ...periods[i % 3]! })),
    ...['253', '247', '252'].map((code, i) => ({ code, ...periods[i]! })),
  ];

  it.each(profileCases)('unit $code, $from … $to, as viewer: each tip/event figure is hidden exactly when the map hides it', async ({ code, from, to }) => {
    const profile = await as('viewer').json<UnitProfileResponse>(withQuery(`/api/units/${code}`, { from, to }));
    for (const metric of SENSITIVE) {
      const map = await as('viewer').json<ChoroplethResponse>(withQuery('/api/choropleth', { metric, level: profile.level, from, to }));
      const row = map.values.find((v) => v.code === code)!;
      const got = profile.metrics[metric]!;
      expect(got.value, metric).toBe(row.value);
      if (got.value === null) expect(got.rank).toBeNull();
    }
  });

  it.each(profileCases)('unit $code, $from … $to, as viewer: yearly tips show no small value, hide 0 or ≥ 2 years, and do not add up to a hidden total', async ({ code, from, to }) => {
    const profile = await as('viewer').json<UnitProfileResponse>(withQuery(`/api/units/${code}`, { from, to }));
    const tips = profile.yearly.map((y) => y.tips);
    for (const t of tips) expect(isSmall(t), `yearly tips ${tips.join(',')}`).toBe(false);
    expect(safeHiddenCount(tips.filter((t) => t === null).length, tips.length), `yearly tips ${tips.join(',')}`).toBe(true);
    if (profile.metrics.tips_count!.value === null) {
      expect(tips.some((t) => t === null), `the hidden total is the sum of the shown years ${tips.join(',')}`).toBe(true);
    }
  });

  it.each(profileCases.filter((c) => c.code.length === 5))(
    'commune $code, $from … $to, as viewer: the district average does not reveal a district total the district map hides',
    async ({ code, from, to }) => {
      const profile = await as('viewer').json<UnitProfileResponse>(withQuery(`/api/units/${code}`, { from, to }));
      for (const metric of SENSITIVE) {
        const districts = await as('viewer').json<ChoroplethResponse>(withQuery('/api/choropleth', { metric, level: 'district', from, to }));
        const own = districts.values.find((v) => v.code === profile.district_code)!;
        if (own.suppressed) expect(profile.metrics[metric]!.district_average, `${metric}: district ${own.code} is hidden on the map`).toBeNull();
      }
    },
  );
});

interface HotspotBody {
  features: { code: string; count: number | null; value: number | null; suppressed?: boolean; z: number }[];
}

describe('analyst views', () => {
  it.each(periods.slice(0, 6))('commune hot spots, $from … $to: no small count shown, hidden counts null, 0 or ≥ 2 hidden per district', async ({ from, to }) => {
    const body = await as('analyst').json<HotspotBody>(withQuery('/api/hotspots', { from, to }));
    for (const f of body.features) {
      expect(isSmall(f.count), `${f.code} shows ${f.count}`).toBe(false);
      if (f.suppressed) expect([f.count, f.value]).toEqual([null, null]);
    }
    for (const district of DISTRICTS) {
      const hidden = body.features.filter((f) => f.suppressed && communesOf(district).includes(f.code)).length;
      expect(safeHiddenCount(hidden), `district ${district}`).toBe(true);
    }
  });

  it.each(periods.slice(0, 3))('H3 hot spots, $from … $to: no small count shown, 0 or ≥ 2 cells hidden', async ({ from, to }) => {
    const body = await as('analyst').json<HotspotBody>(withQuery('/api/hotspots', { unit: 'h3', from, to }));
    for (const f of body.features) expect(isSmall(f.count), `${f.code} shows ${f.count}`).toBe(false);
    expect(safeHiddenCount(body.features.filter((f) => f.suppressed).length)).toBe(true);
  });

  it.each(periods.slice(0, 3))(
    'commune hot spots, $from … $to: solving the z-scores for hidden counts gives nothing beyond what the published maps already give',
    async ({ from, to }) => {
      const [body, units, summary, exact, baseline] = await Promise.all([
        as('analyst').json<HotspotBody>(withQuery('/api/hotspots', { from, to })),
        as('analyst').json<FeatureCollection>('/api/units?level=commune'),
        as('analyst').json<SummaryResponse>(withQuery('/api/summary', { from, to })),
        as('admin').json<HotspotBody>(withQuery('/api/hotspots', { from, to })),
        publishedBaseline({ from, to }),
      ]);
      units.features.sort((a, b) => String(a.properties!.code).localeCompare(String(b.properties!.code)));
      const recovered = solveHiddenCounts(body.features, queenNeighbours(units), summary.outcomes.security_tips_provided!);
      expect(recovered.size, 'the attack reaches some hidden communes').toBeGreaterThan(0);
      const gains = [...recovered].flatMap(([i, solved]) => {
        const code = body.features[i]!.code;
        const truth = exact.features[i]!.count!;
        return revealsMore(solved, baseline.get(code)!, truth)
          ? [`${code}: solved ${solved.toFixed(3)}, published maps give ${baseline.get(code)!.toFixed(3)}, true ${truth}`]
          : [];
      });
      expect(gains, 'hidden counts the z-scores reveal beyond the published maps').toEqual([]);
    },
  );

  it('emerging hot spots: solving the yearly z-scores gives no yearly commune count beyond what the published maps already give', async () => {
    const [body, units, province] = await Promise.all([
      as('analyst').json<{ slices: { from: string; to: string }[]; features: { code: string; z: number[] }[] }>('/api/hotspots/emerging'),
      as('analyst').json<FeatureCollection>('/api/units?level=commune'),
      as('analyst').json<TimeseriesResponse>('/api/timeseries?layer=tips'),
    ]);
    units.features.sort((a, b) => String(a.properties!.code).localeCompare(String(b.properties!.code)));
    const neighbours = queenNeighbours(units);
    const gains: string[] = [];
    for (const [s, slice] of body.slices.entries()) {
      const exact = expectedMetricValues(records, 'tips_count', 'commune', slice);
      const baseline = await publishedBaseline(slice);
      const shown = await as('viewer').json<ChoroplethResponse>(withQuery('/api/choropleth', { metric: 'tips_count', ...slice }));
      // The slice's map pins the scale the z-scores alone leave open; then solve as for one response.
      const features = body.features.map((f) => {
        const count = shown.values.find((v) => v.code === f.code)!.count;
        return { code: f.code, count, value: count, z: f.z[s]! };
      });
      const solved = solveHiddenCounts(features, neighbours, province.series[s]!.value!);
      for (const [i, estimate] of solved) {
        const { code, count } = exact[i]!;
        if (revealsMore(estimate, baseline.get(code)!, count)) {
          gains.push(`${code} in ${slice.from.slice(0, 4)}: solved ${estimate.toFixed(3)}, published maps give ${baseline.get(code)!.toFixed(3)}, true ${count}`);
        }
      }
    }
    expect(gains, 'small yearly counts the z-scores reveal beyond the published maps').toEqual([]);
  });

  it.each(periods.slice(0, 3))('the planner ranking, $from … $to: no commune’s 0 < tips + events < 5 can be read off it (count or rate × households)', async ({ from, to }) => {
    const body = await as('analyst').json<{ rows: { code: string; incidents?: number | null; values: { incidents_per_1k_households: number | null } }[] }>(
      withQuery('/api/planner', { from, to }),
    );
    const households = new Map(records.communes.map((c) => [c.code, c.households]));
    const small = body.rows.flatMap((r) => {
      const fromRate = r.values.incidents_per_1k_households === null ? null : Math.round((r.values.incidents_per_1k_households * households.get(r.code)!) / 1000);
      return isSmall(r.incidents) || isSmall(fromRate) ? [`${r.code}: ${r.incidents ?? fromRate}`] : [];
    });
    expect(small).toEqual([]);
  });
});

/** The attack learned something: its answer differs from the published-maps estimate and lands on the truth. */
function revealsMore(solved: number, published: number, truth: number): boolean {
  return Math.abs(solved - published) > 1e-6 && Math.abs(solved - truth) < 0.5;
}

/**
 * The best an analyst can say about each commune's tip count from the published maps alone:
 * shown communes exactly; a district's hidden communes share equally what its total (shown on
 * the district map, or else an equal share of what the province total leaves to the hidden
 * districts) leaves after its shown communes. Computed here from the viewer maps, not by the server's code.
 */
async function publishedBaseline(period: { from: string; to: string }): Promise<Map<string, number>> {
  const [communes, districts, summary] = await Promise.all([
    as('viewer').json<ChoroplethResponse>(withQuery('/api/choropleth', { metric: 'tips_count', level: 'commune', ...period })),
    as('viewer').json<ChoroplethResponse>(withQuery('/api/choropleth', { metric: 'tips_count', level: 'district', ...period })),
    as('viewer').json<SummaryResponse>(withQuery('/api/summary', period)),
  ]);
  const provinceTotal = summary.outcomes.security_tips_provided!;
  const hiddenDistricts = districts.values.filter((d) => d.count === null);
  const leftForHiddenDistricts = provinceTotal - districts.values.reduce((sum, d) => sum + (d.count ?? 0), 0);
  const districtTotal = (code: string) => districts.values.find((d) => d.code === code)?.count ?? leftForHiddenDistricts / hiddenDistricts.length;
  const estimate = new Map<string, number>();
  for (const district of DISTRICTS) {
    const members = communes.values.filter((c) => communesOf(district).includes(c.code));
    const hidden = members.filter((c) => c.count === null);
    const left = districtTotal(district) - members.reduce((sum, c) => sum + (c.count ?? 0), 0);
    for (const c of members) estimate.set(c.code, c.count ?? Math.max(0, left) / hidden.length);
  }
  return estimate;
}

/**
 * What an analyst could do with one hot-spot response: Gi* is linear in the counts, so with the
 * mean (province total / n) known, a unit whose neighbourhood is fully shown yields the standard
 * deviation, and a unit whose neighbourhood holds exactly one hidden commune yields that count.
 * Returns index → solved count for every hidden commune it can reach.
 */
function solveHiddenCounts(features: HotspotBody['features'], neighbours: number[][], total: number): Map<number, number> {
  const n = features.length;
  const mean = total / n;
  const closed = neighbours.map((list, i) => [i, ...list]);
  const spread = (w: number) => Math.sqrt((n * w - w * w) / (n - 1));
  const hidden = new Set(features.flatMap((f, i) => (f.count === null ? [i] : [])));
  const estimates = closed.flatMap((members, i) => {
    if (members.some((j) => hidden.has(j)) || features[i]!.z === 0) return [];
    const local = members.reduce((s, j) => s + features[j]!.count!, 0);
    return [(local - mean * members.length) / (features[i]!.z * spread(members.length))];
  });
  const solved = new Map<number, number>();
  if (estimates.length === 0) return solved;
  const deviation = estimates.sort((a, b) => a - b)[estimates.length >> 1]!;
  closed.forEach((members, i) => {
    const unknown = members.filter((j) => hidden.has(j));
    if (unknown.length !== 1 || solved.has(unknown[0]!)) return;
    const shown = members.reduce((s, j) => s + (hidden.has(j) ? 0 : features[j]!.count!), 0);
    solved.set(unknown[0]!, features[i]!.z * deviation * spread(members.length) + mean * members.length - shown);
  });
  return solved;
}
