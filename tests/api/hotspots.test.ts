/**
 * /api/hotspots and /api/hotspots/emerging: Getis-Ord Gi* per commune (queen contiguity with
 * the contract's snap) or per H3 cell. Values, neighbours and z-scores are checked against an
 * independent implementation; bins against the contract's cut-offs; FDR never adds
 * significance; the clusters planted in the demo data come out hot at 95 %.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EMERGING_PATTERNS } from '#contract';
import type { FeatureCollection } from 'geojson';
import { getResolution, isValidCell } from 'h3-js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { REPO_ROOT } from '../../data/paths';
import type { ApiClient } from '../support/api-client';
import { expectApiError } from './support/error-shape';
import { communeTallies, loadRecords, within, type Records } from './support/records';
import { benjaminiHochbergRejects, binOf, giStarZ, queenNeighbours, twoSidedP } from './support/spatial';
import { startTestServer, withQuery, type TestServer } from './support/test-server';

interface HotspotFeature {
  code: string;
  value: number | null;
  count: number | null;
  z: number;
  p: number;
  bin: number;
  neighbours: number;
}
interface HotspotResponse {
  method: string;
  weights: string;
  neighbour_rule: Record<string, unknown>;
  layer: string;
  unit: string;
  value: string;
  fdr: boolean;
  period: { from: string; to: string };
  features: HotspotFeature[];
  warnings: { code: string; message: string; details: Record<string, unknown> }[];
}
interface EmergingResponse {
  slices: { from: string; to: string }[];
  min_time_steps: number;
  features: { code: string; pattern: string; trend: { z: number; p: number }; bins: number[]; z: number[] }[];
}

const FULL = { from: '2017-01-01', to: '2022-10-25' };
const PERIODS = [FULL, { from: '2021-01-01', to: '2021-12-31' }, { from: '2019-04-01', to: '2019-06-30' }];
const plantedClusters = (
  JSON.parse(readFileSync(path.join(REPO_ROOT, 'data', 'config', 'tip-clusters.json'), 'utf8')) as {
    clusters: { id: string; expected_hot_communes: string[] }[];
  }
).clusters;

let server: TestServer;
let records: Records;
let admin: ApiClient;
let neighbours: number[][];
let communeCodes: string[];
beforeAll(async () => {
  server = await startTestServer();
  [records, admin] = await Promise.all([loadRecords(inject('datasetDir')), server.session('admin')]);
  const communes = await admin.json<FeatureCollection>('/api/units?level=commune');
  communes.features.sort((a, b) => String(a.properties!.code).localeCompare(String(b.properties!.code)));
  communeCodes = communes.features.map((f) => String(f.properties!.code));
  neighbours = queenNeighbours(communes);
});
afterAll(() => server?.close());

const hotspots = (client: ApiClient, params: Record<string, string | undefined>) => client.json<HotspotResponse>(withQuery('/api/hotspots', params));
const significant = (features: HotspotFeature[]) => features.filter((f) => f.bin !== 0).length;

describe('per commune', () => {
  const cases = (['tips', 'events'] as const).flatMap((layer) =>
    (['count', 'per_1k_households'] as const).flatMap((value) => PERIODS.map((period) => ({ layer, value, ...period }))),
  );

  it.each(cases)('$layer $value, $from … $to: a row per commune whose value, neighbours and z match an independent Gi*', async ({ layer, value, from, to }) => {
    const body = await hotspots(admin, { layer, value, from, to });
    expect(body).toMatchObject({ method: 'gi_star', weights: 'queen', layer, unit: 'commune', value, fdr: false, period: { from, to } });
    expect(body.features.map((f) => f.code)).toEqual(communeCodes);
    const tallies = communeTallies(records, layer, { from, to });
    const expectedValues = records.communes.map((c) => (value === 'count' ? tallies.get(c.code)!.n : (tallies.get(c.code)!.n * 1000) / c.households));
    const expectedZ = giStarZ(expectedValues, neighbours);
    body.features.forEach((f, i) => {
      expect(f.count, f.code).toBe(tallies.get(f.code)!.n);
      expect(f.value!, f.code).toBeCloseTo(expectedValues[i]!, 9);
      expect(f.neighbours, f.code).toBe(neighbours[i]!.length);
      expect(f.z, f.code).toBeCloseTo(expectedZ[i]!, 7);
      expect(f.p, f.code).toBeCloseTo(twoSidedP(f.z), 6);
    });
  });

  it('says which neighbour rule it used: queen by vertices, 0.0005° snap, self included, binary weights', async () => {
    const body = await hotspots(admin, {});
    expect(body.neighbour_rule).toMatchObject({ snap_degrees: 0.0005, self_included: true, weights: 'binary' });
  });

  it.each(cases)('$layer $value, $from … $to: every bin is ±3/±2/±1 at |z| ≥ 2.576/1.960/1.645, else 0', async ({ layer, value, from, to }) => {
    const body = await hotspots(admin, { layer, value, from, to });
    for (const f of body.features) expect(f.bin, `${f.code} z=${f.z}`).toBe(binOf(f.z));
  });

  it.each(cases)('$layer $value, $from … $to: with fdr=true no unit gains significance and fewer or as many are significant', async ({ layer, value, from, to }) => {
    const [plain, corrected] = await Promise.all([
      hotspots(admin, { layer, value, from, to, fdr: 'false' }),
      hotspots(admin, { layer, value, from, to, fdr: 'true' }),
    ]);
    expect(corrected.fdr).toBe(true);
    expect(significant(corrected.features)).toBeLessThanOrEqual(significant(plain.features));
    corrected.features.forEach((f, i) => {
      const before = plain.features[i]!;
      expect(f.z).toBe(before.z);
      expect(Math.abs(f.bin), f.code).toBeLessThanOrEqual(Math.abs(before.bin));
      if (f.bin !== 0) expect(Math.sign(f.bin)).toBe(Math.sign(before.bin));
    });
    const pValues = corrected.features.map((f) => f.p);
    for (const [magnitude, alpha] of [[1, 0.1], [2, 0.05], [3, 0.01]] as const) {
      const rejected = benjaminiHochbergRejects(pValues, alpha);
      corrected.features.forEach((f, i) => {
        if (Math.abs(f.bin) >= magnitude) expect(rejected[i], `${f.code} bin ${f.bin} at α=${alpha}`).toBe(true);
      });
    }
  });

  it.each(plantedClusters)('planted cluster $id: its expected communes are hot spots at 95 % (bin ≥ 2)', async ({ expected_hot_communes }) => {
    const body = await hotspots(admin, { layer: 'tips', value: 'count' });
    for (const code of expected_hot_communes) {
      const feature = body.features.find((f) => f.code === code);
      expect(feature?.bin, `${code} z=${feature?.z}`).toBeGreaterThanOrEqual(2);
      expect(feature!.z).toBeGreaterThanOrEqual(1.96);
    }
  });

  it('given three days, then a warning that the events are too few for the statistic to mean much', async () => {
    const period = { from: '2022-03-07', to: '2022-03-09' };
    const body = await hotspots(admin, period);
    const tips = within(records.tips, { period }).length;
    expect(tips).toBeLessThan(30);
    expect(body.warnings.find((w) => w.code === 'few_events')).toMatchObject({ details: { events: tips, minimum: 30 } });
    expect(body.features).toHaveLength(137);
  });

  it('given the whole period, then no warning about too few events or units', async () => {
    const codes = (await hotspots(admin, {})).warnings.map((w) => w.code);
    expect(codes).not.toContain('few_events');
    expect(codes).not.toContain('few_units');
  });

  it('given a period without any outcome event (one day), then no variation is reported and every bin is 0', async () => {
    const day = '2017-01-01';
    const body = await hotspots(admin, { layer: 'events', from: day, to: day });
    expect(within(records.events, { period: { from: day, to: day } })).toHaveLength(0);
    expect(body.warnings.map((w) => w.code)).toContain('no_variation');
    expect(body.features.every((f) => f.bin === 0 && f.z === 0)).toBe(true);
  });
});

describe('per H3 cell', () => {
  it.each([7, 8])('resolution %i: every cell with a tip is a unit, bins follow z, FDR never adds', async (resolution) => {
    const [plain, corrected] = await Promise.all([
      hotspots(admin, { unit: 'h3', resolution: String(resolution) }),
      hotspots(admin, { unit: 'h3', resolution: String(resolution), fdr: 'true' }),
    ]);
    expect(plain).toMatchObject({ method: 'gi_star', weights: 'h3_grid_disk', unit: 'h3', layer: 'tips', value: 'count' });
    const cells = new Set(plain.features.map((f) => f.code));
    for (const f of plain.features) {
      expect(isValidCell(f.code)).toBe(true);
      expect(getResolution(f.code)).toBe(resolution);
      expect(f.bin).toBe(binOf(f.z));
    }
    const column = resolution === 7 ? 'h3_r7' : 'h3_r8';
    for (const tip of records.tips) expect(cells.has(tip[column])).toBe(true);
    expect(plain.features.reduce((s, f) => s + f.count!, 0)).toBe(records.tips.length);
    expect(significant(corrected.features)).toBeLessThanOrEqual(significant(plain.features));
  });

  it.each([
    ['value=per_1k_households', { unit: 'h3', value: 'per_1k_households' }],
    ['layer=events', { unit: 'h3', layer: 'events' }],
  ])('given unit=h3 with %s, then 400: cells have no households or events analysis', async (_label, params) => {
    await expectApiError(await admin.get(withQuery('/api/hotspots', params)), 400, 'unsupported_combination');
  });
});

describe('emerging hot spots', () => {
  it('given the whole period (6 yearly slices), then a pattern per commune with one bin and z per slice', async () => {
    const body = await admin.json<EmergingResponse>('/api/hotspots/emerging');
    expect(body.slices).toHaveLength(6);
    expect(body.features.map((f) => f.code)).toEqual(communeCodes);
    for (const f of body.features) {
      expect(EMERGING_PATTERNS as readonly string[]).toContain(f.pattern);
      expect(f.bins).toHaveLength(6);
      expect(f.z).toHaveLength(6);
      f.z.forEach((z, slice) => expect(f.bins[slice]).toBe(binOf(z)));
    }
  });

  it('given 2018–2022 (5 slices, the minimum), then it answers', async () => {
    const body = await admin.json<EmergingResponse>('/api/hotspots/emerging?from=2018-01-01');
    expect(body.slices).toHaveLength(5);
    expect(body.min_time_steps).toBe(5);
  });

  it('given 2019–2022 (4 slices), then 400 too_few_time_steps', async () => {
    const body = await expectApiError(await admin.get('/api/hotspots/emerging?from=2019-01-01'), 400, 'too_few_time_steps');
    expect(body.error.details).toMatchObject({ slices: 4, minimum: 5 });
  });

  it('slice z-scores are the Gi* of each year’s tip counts', async () => {
    const body = await admin.json<EmergingResponse>('/api/hotspots/emerging');
    body.slices.forEach((slice, s) => {
      const tallies = communeTallies(records, 'tips', slice);
      const z = giStarZ(records.communes.map((c) => tallies.get(c.code)!.n), neighbours);
      body.features.forEach((f, i) => expect(f.z[s], `${f.code} ${slice.from}`).toBeCloseTo(z[i]!, 7));
    });
  });
});
