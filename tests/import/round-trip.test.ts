/**
 * Round trip: the demo data set's records, exported as the registers a province would send
 * (groups as CSV, models as XLSX with date cells, tips as Parquet, events as GeoJSON), imported
 * one after the other into a store, give a real data set whose per-commune counts, totals and
 * whole daily rollup equal the demo's.
 */
// Before exceljs (see there): the importer's UTF-8 fix of exceljs's XML reading.
import '../../data/import/readers/exceljs-utf8';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import ExcelJS from 'exceljs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DUCKDB_OFFLINE_OPTIONS } from '../../data/pipeline/output/duckdb';
import { BUILD_FILES, type Manifest } from '../../data/schema';
import { activeVersionDir } from '../../data/store/active';
import { readManifest } from '../../data/store/read-manifest';
import { writeGeojson } from './fixtures/write-files';
import { freshStore, runImportCli, scratchDir, type CliResult } from './support/stores';

let demoDir: string;
let demo: Manifest;
let real: Manifest;
let realDir: string;
const results: Record<string, CliResult> = {};

async function withConnection<T>(use: (c: DuckDBConnection) => Promise<T>): Promise<T> {
  const instance = await DuckDBInstance.create(':memory:', DUCKDB_OFFLINE_OPTIONS);
  const connection = await instance.connect();
  try {
    return await use(connection);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Writes the demo records as four register files; paths are ours (temp), bound where DuckDB allows. */
async function exportRegisters(dir: string): Promise<Record<'groups' | 'models' | 'tips' | 'events', string>> {
  const files = { groups: path.join(dir, 'groups.csv'), models: path.join(dir, 'models.xlsx'), tips: path.join(dir, 'tips.parquet'), events: path.join(dir, 'events.geojson') };
  const table = (name: string) => path.join(demoDir, `${name}.parquet`);
  await withConnection(async (c) => {
    // COPY needs a literal target; these are our own temp paths without quotes.
    await c.run(
      `COPY (SELECT id, commune_code AS commune, village, area_class, ethnic_minority, religious,
                    strftime(founded_on, '%d/%m/%Y') AS founded_on, households, lon, lat
             FROM read_parquet('${table('groups')}') ORDER BY id) TO '${files.groups}' (HEADER, DELIMITER ',')`,
    );
    await c.run(`COPY (SELECT id, date, commune_code AS commune, group_id, category, lon, lat FROM read_parquet('${table('tips')}') ORDER BY id) TO '${files.tips}' (FORMAT parquet)`);
    const models = (await c.runAndReadAll(`SELECT id, name, setting, commune_code, strftime(founded_on, '%Y-%m-%d') AS founded_on, lon, lat FROM read_parquet($1) ORDER BY id`, [table('models')])).getRowObjectsJS();
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: files.models, useStyles: true });
    const sheet = workbook.addWorksheet('Mô hình');
    sheet.addRow(['Mã mô hình', 'Tên mô hình', 'Loại hình', 'Xã/phường/thị trấn', 'Ngày thành lập', 'Kinh độ', 'Vĩ độ']).commit();
    for (const m of models) {
      const row = sheet.addRow([m.id, m.name, m.setting, Number(m.commune_code), new Date(`${String(m.founded_on)}T00:00:00Z`), m.lon, m.lat]);
      row.getCell(5).numFmt = 'dd/mm/yyyy';
      row.commit();
    }
    sheet.commit();
    await workbook.commit();
    const events = (await c.runAndReadAll(`SELECT id, strftime(date, '%Y-%m-%d') AS date, commune_code, group_id, kind, quantity, lon, lat FROM read_parquet($1) ORDER BY id`, [table('events')])).getRowObjectsJS();
    writeGeojson(
      files.events,
      events.map((e) => ({ properties: { id: String(e.id), date: String(e.date), commune: String(e.commune_code), group_id: String(e.group_id), kind: String(e.kind), quantity: Number(e.quantity) }, point: [Number(e.lon), Number(e.lat)] })),
    );
  });
  return files;
}

beforeAll(async () => {
  const store = await freshStore('round-trip');
  demoDir = activeVersionDir(store)!;
  demo = readManifest(demoDir)!;
  const files = await exportRegisters(scratchDir('round-trip'));
  for (const kind of ['groups', 'models', 'tips', 'events'] as const) results[kind] = await runImportCli(store, [kind, files[kind]]);
  realDir = activeVersionDir(store)!;
  real = readManifest(realDir)!;
}, 600_000);

describe('round trip of the demo records through the importer', () => {
  it('given the four exported registers, when imported in order, then each is accepted whole', () => {
    for (const kind of ['groups', 'models', 'tips', 'events'] as const) {
      expect(results[kind]!.code, results[kind]!.err.slice(-5).join('\n')).toBe(0);
      expect(results[kind]!.last).toBe(`accepted ${demo.rows[kind]}, rejected 0`);
    }
    expect(real.synthetic).toBe(false);
    expect(real.imports.map((i) => i.kind).sort()).toEqual(['events', 'groups', 'models', 'tips']);
  });

  it('given the imported data set, when its totals are compared with the demo, then every group, model, tip and outcome figure is equal and the period is the records\' span', () => {
    const figures = Object.keys(demo.totals).filter((k) => /^(to_lien_gia|bon_an_toan|outcomes|records\.(groups|models|tips|events)$)/.test(k));
    expect(figures.length).toBeGreaterThan(15);
    for (const key of figures) expect(real.totals[key], key).toBe(demo.totals[key]);
    // With real data the period is the records' own span; the demo states the published one.
    expect(real.period.to).toBe(demo.period.to);
    expect(real.period.from >= demo.period.from && real.period.from < '2017-02-01').toBe(true);
  });

  it('given both data sets, when the daily per-commune rollup (running totals of every measure) is compared row by row, then it is identical', async () => {
    const differing = await withConnection(async (c) => {
      await c.run(`ATTACH '${path.join(demoDir, BUILD_FILES.database)}' AS demo (READ_ONLY)`);
      await c.run(`ATTACH '${path.join(realDir, BUILD_FILES.database)}' AS imported (READ_ONLY)`);
      const rows = await c.runAndReadAll(`SELECT
          (SELECT count(*) FROM demo.commune_day)::INTEGER AS demo_rows,
          (SELECT count(*) FROM (SELECT * FROM demo.commune_day EXCEPT ALL SELECT * FROM imported.commune_day))::INTEGER AS only_demo,
          (SELECT count(*) FROM (SELECT * FROM imported.commune_day EXCEPT ALL SELECT * FROM demo.commune_day))::INTEGER AS only_imported`);
      return rows.getRowObjectsJS()[0]!;
    });
    expect(differing.demo_rows).toBeGreaterThan(280_000);
    expect(differing).toMatchObject({ only_demo: 0, only_imported: 0 });
  });

  it('given both data sets, when records are counted per commune and table, then the counts are equal and every imported record is real and located by its point', async () => {
    const counts = await withConnection(async (c) => {
      const per = async (dir: string) =>
        (
          await c.runAndReadAll(
            `SELECT t, commune_code, count(*)::INTEGER AS n, bool_and(located_by = 'point') AS by_point, bool_or(simulated) AS any_simulated FROM (
               SELECT 'groups' AS t, commune_code, located_by, simulated FROM read_parquet($1) UNION ALL
               SELECT 'models', commune_code, located_by, simulated FROM read_parquet($2) UNION ALL
               SELECT 'tips', commune_code, located_by, simulated FROM read_parquet($3) UNION ALL
               SELECT 'events', commune_code, located_by, simulated FROM read_parquet($4)) GROUP BY ALL ORDER BY ALL`,
            ['groups', 'models', 'tips', 'events'].map((t) => path.join(dir, `${t}.parquet`)),
          )
        ).getRowObjectsJS();
      return { demo: await per(demoDir), imported: await per(realDir) };
    });
    expect(counts.imported.map((r) => [r.t, r.commune_code, r.n])).toEqual(counts.demo.map((r) => [r.t, r.commune_code, r.n]));
    expect(counts.imported.every((r) => r.by_point === true && r.any_simulated === false)).toBe(true);
  });
});
