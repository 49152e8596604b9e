/**
 * /api/export/{tips|events}: the same records of the build in every format (CSV with BOM,
 * XLSX, GeoJSON, GeoParquet), oldest first, with their size announced before the bytes.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
// Before exceljs: the server this test starts loads the importer's UTF-8 fix of exceljs, which must come first.
import '../../data/import/readers/exceljs-utf8';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DUCKDB_OFFLINE_OPTIONS } from '../../data/pipeline/output/duckdb';
import type { ApiClient } from '../support/api-client';
import { loadRecords, within, type Records } from './support/records';
import { startTestServer, withQuery, type TestServer } from './support/test-server';

const PERIOD = { from: '2021-01-01', to: '2021-12-31' };
const BOM = '\uFEFF';

let server: TestServer;
let records: Records;
let admin: ApiClient;
let scratch: string;
beforeAll(async () => {
  server = await startTestServer();
  [records, admin] = await Promise.all([loadRecords(inject('datasetDir')), server.session('admin')]);
  scratch = mkdtempSync(path.join(os.tmpdir(), 'tlg-export-test-'));
});
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  return server?.close();
});

/** Ids of the build's records in the period, oldest first (ties by id), as every format must list them. */
function expectedIds(layer: 'tips' | 'events', district: string | null = null): string[] {
  return within(records[layer] as { id: string; date: string; district_code: string }[], { period: PERIOD, district })
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id))
    .map((r) => r.id);
}

async function download(layer: string, format: string, extra: Record<string, string> = {}, encoding = 'identity'): Promise<{ res: Response; bytes: Buffer }> {
  const res = await admin.get(withQuery(`/api/export/${layer}`, { ...PERIOD, format, ...extra }), { headers: { 'accept-encoding': encoding } });
  expect(res.status).toBe(200);
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}

/** Reads a downloaded Parquet file with DuckDB: its rows and its key-value metadata. */
async function readParquet(bytes: Buffer): Promise<{ rows: Record<string, unknown>[]; geo: Record<string, unknown> }> {
  const file = path.join(scratch, `read-${Math.random().toString(36).slice(2)}.parquet`);
  writeFileSync(file, bytes);
  const instance = await DuckDBInstance.create(':memory:', DUCKDB_OFFLINE_OPTIONS);
  const connection = await instance.connect();
  try {
    const rows = (await connection.runAndReadAll('SELECT * FROM read_parquet($file)', { file })).getRowObjectsJS();
    const meta = (await connection.runAndReadAll("SELECT decode(value) AS v FROM parquet_kv_metadata($file) WHERE decode(key) = 'geo'", { file })).getRowObjectsJS();
    return { rows, geo: JSON.parse(String(meta[0]?.v)) as Record<string, unknown> };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describe('CSV (the default)', () => {
  it('given the 2021 tips, then a UTF-8 file with BOM, CRLF lines, a header and every tip of 2021 oldest first', async () => {
    const res = await admin.get(withQuery('/api/export/tips', PERIOD), { headers: { 'accept-encoding': 'identity' } });
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="tlg-tips-2021-01-01-2021-12-31-simulated.csv"');
    const text = await res.text();
    // text() decodes UTF-8 and drops the BOM (checked on the raw bytes below).
    const lines = text.split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(0, -1).every((l) => !l.includes('\n'))).toBe(true);
    expect(lines[0]).toBe('id,date,commune_code,district_code,group_id,category,lon,lat,simulated');
    const ids = lines.slice(1, -1).map((l) => l.split(',')[0]);
    expect(ids).toEqual(expectedIds('tips'));
    expect(Number(res.headers.get('x-record-count'))).toBe(ids.length);
  });

  it('starts with the byte-order mark, and Content-Length and X-Export-Bytes announce exactly the bytes sent', async () => {
    const { res, bytes } = await download('tips', 'csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(Number(res.headers.get('content-length'))).toBe(bytes.length);
    expect(Number(res.headers.get('x-export-bytes'))).toBe(bytes.length);
  });

  it('given a district, then only its events, with kind and quantity as in the build', async () => {
    const { bytes } = await download('events', 'csv', { district: '249' });
    const lines = bytes.toString('utf8').replace(BOM, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,date,commune_code,district_code,group_id,kind,quantity,lon,lat,simulated');
    const rows = lines.slice(1).map((l) => l.split(','));
    expect(rows.map((r) => r[0])).toEqual(expectedIds('events', '249'));
    const byId = new Map(records.events.map((e) => [e.id, e]));
    for (const r of rows) expect([r[3], r[5], Number(r[6])]).toEqual(['249', byId.get(r[0]!)!.kind, byId.get(r[0]!)!.quantity]);
  });

  it('given a client that takes brotli, then the same bytes, BOM included, with the file size in X-Export-Bytes', async () => {
    const identity = await download('tips', 'csv');
    const res = await admin.get(withQuery('/api/export/tips', PERIOD), { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(Number(res.headers.get('x-export-bytes'))).toBe(identity.bytes.length);
    // fetch inflates a compressed answer (a small file is; one above 1 MiB is sent as it is: compress.test.ts).
    expect(Buffer.from(await res.arrayBuffer()).equals(identity.bytes)).toBe(true);
  });
});

describe('XLSX', () => {
  it('given the 2021 tips, then one sheet: the header, then every tip oldest first, dates as ISO text', async () => {
    const { res, bytes } = await download('tips', 'xlsx');
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toContain('.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const values = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
    expect(values(1)).toEqual(['id', 'date', 'commune_code', 'district_code', 'group_id', 'category', 'lon', 'lat', 'simulated']);
    const ids = Array.from({ length: sheet.rowCount - 1 }, (_, i) => values(i + 2)[0]);
    expect(ids).toEqual(expectedIds('tips'));
    const first = records.tips.find((t) => t.id === ids[0])!;
    const [, date, commune, , , , lon, lat, simulated] = values(2);
    expect([date, commune, lon, lat, simulated]).toEqual([first.date, first.commune_code, first.lon, first.lat, true]);
  });
});

describe('GeoJSON', () => {
  it('given the 2021 events, then a FeatureCollection of points at the records positions, the record as properties', async () => {
    const { res, bytes } = await download('events', 'geojson');
    expect(res.headers.get('content-type')).toBe('application/geo+json');
    const collection = JSON.parse(bytes.toString('utf8')) as {
      type: string;
      synthetic: boolean;
      features: { type: string; geometry: { type: string; coordinates: number[] }; properties: Record<string, unknown> }[];
    };
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.synthetic).toBe(true);
    expect(collection.features.map((f) => f.properties.id)).toEqual(expectedIds('events'));
    const byId = new Map(records.events.map((e) => [e.id, e as typeof e & { lon: number; lat: number }]));
    for (const feature of collection.features.slice(0, 50)) {
      const event = byId.get(String(feature.properties.id))!;
      expect(feature.geometry).toEqual({ type: 'Point', coordinates: [event.lon, event.lat] });
      expect(feature.properties).toMatchObject({ date: event.date, kind: event.kind, quantity: event.quantity, simulated: true });
    }
  });

  it('given a period with no record, then an empty but valid FeatureCollection', async () => {
    const res = await admin.get(withQuery('/api/export/events', { from: '2017-01-01', to: '2017-01-01', format: 'geojson' }));
    const collection = (await res.json()) as { features: unknown[] };
    expect(collection.features).toEqual([]);
    expect(res.headers.get('x-record-count')).toBe('0');
  });
});

describe('GeoParquet', () => {
  it('given the 2021 tips, then GeoParquet 1.1 metadata, a point column equal to the positions, and every tip oldest first', async () => {
    const { res, bytes } = await download('tips', 'parquet');
    expect(res.headers.get('content-type')).toBe('application/vnd.apache.parquet');
    const { rows, geo } = await readParquet(bytes);
    expect(geo).toEqual({ version: '1.1.0', primary_column: 'geometry', columns: { geometry: { encoding: 'point', geometry_types: ['Point'] } } });
    expect(rows.map((r) => r.id)).toEqual(expectedIds('tips'));
    const byId = new Map(records.tips.map((t) => [t.id, t]));
    for (const row of rows.slice(0, 50)) {
      const tip = byId.get(String(row.id))!;
      expect(row.geometry).toEqual({ x: tip.lon, y: tip.lat });
      expect(row.category).toBe((tip as typeof tip & { category: string }).category);
    }
  });
});

describe('access', () => {
  it.each(['viewer', 'analyst'] as const)('given a %s, then 403 for every format', async (role) => {
    const client = await server.session(role);
    for (const format of ['csv', 'xlsx', 'geojson', 'parquet']) {
      expect((await client.get(withQuery('/api/export/tips', { format }))).status).toBe(403);
    }
  });

  it('given an unknown format, then 400 with the allowed ones', async () => {
    const res = await admin.get('/api/export/tips?format=pdf');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('csv, xlsx, geojson, parquet');
  });
});
