/**
 * /api/points: group and model locations as an Arrow IPC stream or JSON, the same records
 * either way; beyond the limit their clusters per grid cell instead (never a 413); tips and
 * outcome events are never served as points.
 */
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ApiClient } from '../support/api-client';
import { expectApiError } from './support/error-shape';
import { activeAt, loadRecords, type Records } from './support/records';
import { startTestServer, withQuery, type TestServer } from './support/test-server';

type Bbox = [number, number, number, number];
interface JsonPoints {
  layer: string;
  count: number;
  points: { id: string; lon: number; lat: number; founded_on: string; kind: string }[];
}

const KINDS = { groups: ['rural', 'urban', 'unclassified'], models: ['agency', 'enterprise', 'hospital', 'school'] };
const VINH_YEN: Bbox = [105.55, 21.26, 105.65, 21.35];
const DAY_MS = 86_400_000;
const EPOCH = Date.parse('2017-01-01T00:00:00Z');

let server: TestServer;
let records: Records;
let analyst: ApiClient;
beforeAll(async () => {
  server = await startTestServer();
  [records, analyst] = await Promise.all([loadRecords(inject('datasetDir')), server.session('analyst')]);
});
afterAll(() => server?.close());

function expectedIds(layer: 'groups' | 'models', to: string, district: string | null, bbox: Bbox | null): string[] {
  const rows = activeAt<{ id: string; founded_on: string; district_code: string; lon: number; lat: number }>(records[layer], {
    period: { from: '2017-01-01', to },
    district,
  });
  return rows
    .filter((r) => !bbox || (r.lon >= bbox[0] && r.lon <= bbox[2] && r.lat >= bbox[1] && r.lat <= bbox[3]))
    .map((r) => r.id)
    .sort();
}

const cases = [
  { layer: 'groups', to: '2022-10-25', district: null, bbox: null },
  { layer: 'groups', to: '2019-12-31', district: null, bbox: VINH_YEN },
  { layer: 'groups', to: '2021-06-30', district: '251', bbox: null },
  { layer: 'models', to: '2022-10-25', district: null, bbox: null },
  { layer: 'models', to: '2020-12-31', district: '243', bbox: VINH_YEN },
  { layer: 'groups', to: '2017-03-31', district: null, bbox: null },
] as const;

describe('the same records in both forms', () => {
  it.each(cases)('$layer active at $to, district $district, bbox $bbox: Arrow rows = JSON points = recount', async ({ layer, to, district, bbox }) => {
    const params = { layer, to, district, bbox: bbox?.join(',') };
    const [arrowRes, json] = await Promise.all([
      analyst.get(withQuery('/api/points', params)),
      analyst.json<JsonPoints>(withQuery('/api/points', { ...params, format: 'json' })),
    ]);
    expect(arrowRes.status).toBe(200);
    const table = tableFromIPC(new Uint8Array(await arrowRes.arrayBuffer()));
    const ids = expectedIds(layer, to, district, bbox);
    expect(table.numRows).toBe(ids.length);
    expect(Number(arrowRes.headers.get('x-total-count'))).toBe(ids.length);
    expect(json.count).toBe(ids.length);
    expect(json.points.map((p) => p.id).sort()).toEqual(ids);
  });

  it('Arrow columns are lon, lat Float32, day Uint16, kind Uint8', async () => {
    const res = await analyst.get('/api/points?layer=models');
    expect(res.headers.get('content-type')).toBe('application/vnd.apache.arrow.stream');
    expect(res.headers.get('x-day-epoch')).toBe('2017-01-01');
    expect(res.headers.get('x-kinds')).toBe('agency,enterprise,hospital,school');
    const table = tableFromIPC(new Uint8Array(await res.arrayBuffer()));
    expect(table.schema.fields.map((f) => `${f.name}:${String(f.type)}`)).toEqual(['lon:Float32', 'lat:Float32', 'day:Uint16', 'kind:Uint8']);
  });

  it.each(['groups', 'models'] as const)('%s: row i of the Arrow stream is point i of the JSON (position, founding day, kind)', async (layer) => {
    const [arrowRes, json] = await Promise.all([
      analyst.get(withQuery('/api/points', { layer, bbox: VINH_YEN.join(',') })),
      analyst.json<JsonPoints>(withQuery('/api/points', { layer, bbox: VINH_YEN.join(','), format: 'json' })),
    ]);
    const table = tableFromIPC(new Uint8Array(await arrowRes.arrayBuffer()));
    const [lon, lat, day, kind] = ['lon', 'lat', 'day', 'kind'].map((name) => table.getChild(name)!.toArray() as ArrayLike<number>);
    expect(json.points.length).toBeGreaterThan(100);
    json.points.forEach((p, i) => {
      expect(lon![i]).toBe(Math.fround(p.lon));
      expect(lat![i]).toBe(Math.fround(p.lat));
      expect(day![i]).toBe(Math.round((Date.parse(`${p.founded_on}T00:00:00Z`) - EPOCH) / DAY_MS));
      expect(KINDS[layer][kind![i]!]).toBe(p.kind);
    });
  });

  it('given every group of the province, then the binary form takes at most 16 bytes a point', async () => {
    const res = await analyst.get('/api/points?layer=groups', { headers: { 'accept-encoding': 'identity' } });
    const bytes = (await res.arrayBuffer()).byteLength;
    expect(bytes / 10762).toBeLessThanOrEqual(16);
  });

  it('given a bbox with no records (the Sahara), then an empty but valid Arrow stream', async () => {
    const res = await analyst.get('/api/points?layer=groups&bbox=0,20,10,25');
    expect(res.status).toBe(200);
    expect(tableFromIPC(new Uint8Array(await res.arrayBuffer())).numRows).toBe(0);
  });
});

interface JsonClusters {
  form: 'clusters';
  count: number;
  cell_degrees: number;
  clusters: { lon: number; lat: number; count: number; kind: string; first_founded_on: string }[];
}

/** Records per grid cell of side `size`, recounted from the build's files: "cx,cy" → count. */
function recountCells(layer: 'groups' | 'models', size: number, to = '2022-10-25'): Map<string, number> {
  const rows = activeAt<{ founded_on: string; district_code: string; lon: number; lat: number }>(records[layer], {
    period: { from: '2017-01-01', to },
    district: null,
  });
  const cells = new Map<string, number>();
  for (const r of rows) {
    const key = `${Math.floor(r.lon / size)},${Math.floor(r.lat / size)}`;
    cells.set(key, (cells.get(key) ?? 0) + 1);
  }
  return cells;
}

describe('limits: beyond them, clusters instead of points', () => {
  it('given more groups than limit=100, then 200 with at most 100 clusters whose counts add up to every group', async () => {
    const res = await analyst.get('/api/points?layer=groups&limit=100');
    expect(res.status).toBe(200);
    expect(res.headers.get('x-points-form')).toBe('clusters');
    const table = tableFromIPC(new Uint8Array(await res.arrayBuffer()));
    expect(table.schema.fields.map((f) => `${f.name}:${String(f.type)}`)).toEqual(['lon:Float32', 'lat:Float32', 'day:Uint16', 'kind:Uint8', 'count:Uint32']);
    const counts = Array.from(table.getChild('count')!.toArray() as Uint32Array);
    expect(table.numRows).toBeLessThanOrEqual(100);
    expect(table.numRows).toBe(Number(res.headers.get('x-cluster-count')));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(10762);
    expect(Number(res.headers.get('x-total-count'))).toBe(10762);
  });

  it('given clusters, then each cell holds exactly the records of the build inside it, and its mean position lies inside it', async () => {
    const json = await analyst.json<JsonClusters>('/api/points?layer=groups&limit=2000&format=json');
    expect(json.form).toBe('clusters');
    const size = json.cell_degrees;
    const expected = recountCells('groups', size);
    const served = new Map(json.clusters.map((c) => [`${Math.floor(c.lon / size)},${Math.floor(c.lat / size)}`, c.count]));
    expect(served).toEqual(expected);
    expect(json.clusters.length).toBeLessThanOrEqual(2000);
    expect(json.count).toBe(10762);
  });

  it('given the same request as Arrow and as JSON, then the same clusters in the same order (count, kind, first founding day)', async () => {
    const [arrowRes, json] = await Promise.all([
      analyst.get('/api/points?layer=models&limit=50'),
      analyst.json<JsonClusters>('/api/points?layer=models&limit=50&format=json'),
    ]);
    const table = tableFromIPC(new Uint8Array(await arrowRes.arrayBuffer()));
    const [count, kind, day] = ['count', 'kind', 'day'].map((name) => table.getChild(name)!.toArray() as ArrayLike<number>);
    expect(Number(arrowRes.headers.get('x-cluster-cell-degrees'))).toBe(json.cell_degrees);
    expect(json.clusters.map((c) => [c.count, c.kind, c.first_founded_on])).toEqual(
      json.clusters.map((_, i) => [count![i], KINDS.models[kind![i]!], new Date(EPOCH + day![i]! * DAY_MS).toISOString().slice(0, 10)]),
    );
  });

  it('given a cluster, then its kind is the most common kind of its records', async () => {
    const json = await analyst.json<JsonClusters>('/api/points?layer=models&limit=20&format=json');
    const size = json.cell_degrees;
    const tally = new Map<string, Map<string, number>>();
    for (const m of records.models) {
      const key = `${Math.floor(m.lon / size)},${Math.floor(m.lat / size)}`;
      const kinds = tally.get(key) ?? new Map<string, number>();
      kinds.set(m.setting, (kinds.get(m.setting) ?? 0) + 1);
      tally.set(key, kinds);
    }
    for (const cluster of json.clusters) {
      const kinds = tally.get(`${Math.floor(cluster.lon / size)},${Math.floor(cluster.lat / size)}`)!;
      const top = Math.max(...kinds.values());
      expect(kinds.get(cluster.kind)).toBe(top);
    }
  });

  it('given as many points as the limit, then they are served one by one', async () => {
    const res = await analyst.get('/api/points?layer=models&limit=1076&format=json');
    expect(res.status).toBe(200);
    expect(res.headers.get('x-points-form')).toBe('points');
    expect(((await res.json()) as JsonPoints).count).toBe(1076);
  });

  it('given one point fewer than match, then clusters', async () => {
    const res = await analyst.get('/api/points?layer=models&limit=1075');
    expect(res.headers.get('x-points-form')).toBe('clusters');
    expect(Number(res.headers.get('x-total-count'))).toBe(1076);
  });

  it('given a limit above the hard cap of 500,000, then 400', async () => {
    await expectApiError(await analyst.get('/api/points?layer=groups&limit=500001'), 400, 'invalid_parameter');
  });
});

describe('tips and outcome events are never points', () => {
  it.each(['tips', 'events', 'TIPS', 'tips,groups', 'villages'])('given layer=%s, then no role gets points', async (layer) => {
    for (const role of ['analyst', 'admin'] as const) {
      const client = await server.session(role);
      for (const format of ['arrow', 'json']) await expectApiError(await client.get(withQuery('/api/points', { layer, format })), 400, 'unknown_value');
    }
    await expectApiError(await (await server.session('viewer')).get(withQuery('/api/points', { layer })), 403, 'forbidden');
    await expectApiError(await server.anonymous().get(withQuery('/api/points', { layer })), 401, 'unauthenticated');
  });
});
