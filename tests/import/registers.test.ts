/**
 * Whole registers through `npm run import` (in process) into a private copy of the demo store:
 * a groups workbook with every date and name form, VN-2000 points written either way round, a
 * blank row and one bad row of each kind; then models as a `;` CSV, tips and events naming the
 * imported groups. Checks the report (row numbers as in the sheet, codes, Vietnamese messages),
 * all-or-nothing versus --accept-valid, the rejected-rows file, and the records written.
 */
// Before exceljs (see there): the importer's UTF-8 fix of exceljs's XML reading.
import '../../data/import/readers/exceljs-utf8';
import { DuckDBInstance } from '@duckdb/node-api';
import ExcelJS from 'exceljs';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import proj4 from 'proj4';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCrs } from '../../data/import/coordinates/crs';
import { PROBLEM_COLUMN } from '../../data/import/rejected-file';
import { DUCKDB_OFFLINE_OPTIONS } from '../../data/pipeline/output/duckdb';
import { loadReference } from '../../data/pipeline/reference/load-reference';
import type { ReferenceData } from '../../data/pipeline/reference/types';
import type { Position } from '../../data/pipeline/sources/gadm';
import { activeVersionDir, readActiveVersion } from '../../data/store/active';
import { readManifest } from '../../data/store/read-manifest';
import { writeCsv, writeGeojson, writeXlsx, type Cell } from './fixtures/write-files';
import { freshStore, importWithReport, scratchDir } from './support/stores';
import * as turf from '@turf/turf';

let reference: ReferenceData;
let store: string;
let dir: string;
const centre = (code: string): Position => {
  const c = reference.communes.find((x) => x.code === code)!;
  const feature = turf.feature(c.geometry);
  return turf.booleanPointInPolygon(c.centroid, feature) ? c.centroid : (turf.pointOnFeature(feature).geometry.coordinates as Position);
};
/** [easting, northing] of a WGS 84 point in VN-2000 / TM-3 105°00' (fixture generation only). */
const vn2000 = (p: Position): [number, number] => {
  const crs = parseCrs('vn2000');
  if (crs?.kind !== 'vn2000') throw new Error('no VN-2000');
  const [e, n] = proj4('EPSG:4326', crs.proj4, p);
  return [Math.round(e! * 100) / 100, Math.round(n! * 100) / 100];
};
/** X = northing, Y = easting (Vietnamese habit). */
const xy = (p: Position): [number, number] => {
  const [e, n] = vn2000(p);
  return [n, e];
};
const excelDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function tableRows(versionDir: string, table: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(':memory:', DUCKDB_OFFLINE_OPTIONS);
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(`SELECT * FROM read_parquet($1) ORDER BY id`, [path.join(versionDir, `${table}.parquet`)]);
    return reader.getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

const GROUP_HEADINGS = ['Mã tổ liên gia', 'Xã/phường/thị trấn', 'Huyện/thành phố', 'Thôn/tổ dân phố', 'Khu vực (nông thôn/đô thị)', 'Vùng đồng bào dân tộc thiểu số', 'Vùng có đông đồng bào tôn giáo', 'Ngày thành lập', 'Ngày giải thể', 'Số hộ', 'X', 'Y', 'STT'];

/** Sheet rows 2… of the groups workbook; `expect` is the commune code (valid) or the problem codes (bad). */
function groupRows(): { cells: Cell[]; expect: string | string[] }[] {
  const [hnX, hnY] = xy([105.8542, 21.0285]);
  const [tsX, tsY] = xy(centre('08707'));
  const [bhX, bhY] = xy(centre('08944'));
  const [xhE, xhN] = vn2000(centre('08746'));
  const [tcX, tcY] = xy(centre('09121'));
  const [hhX, hhY] = xy(centre('08713'));
  return [
    { cells: ['G001', 8944, null, 'Thôn Nam Bản', 'nông thôn', 'không', 'không', '2018-03-15', null, 22, bhX, bhY, 1], expect: '08944' },
    { cells: ['G002', 'Xã Bá Hiến', 'Bình Xuyên', 'thôn nam bản', 'rural', '', '', '15/03/2018', null, '18', null, null, 2], expect: '08944' },
    { cells: ['G003', 'ba hien', null, null, null, 'x', '1', '5/3/2018', excelDate('2021-06-30'), 30, null, null, 3], expect: '08944' },
    { cells: ['G004', 'Xuân Hòa', 'Phúc Yên', 'Tổ dân phố 2', 'Đô thị', 'có', 'có', excelDate('2019-07-31'), null, 15, xhE, xhN, 4], expect: '08746' },
    { cells: ['G005', 'Tân Phú', 'Vĩnh Tường', null, null, null, null, '01/06/2021', null, 12, tcX, tcY, 5], expect: '09121' },
    { cells: ['G006', 'Phường Hai Bà Trưng', null, null, 'urban', null, null, '01/02/2025', null, 20, null, null, 6], expect: '08740' },
    { cells: ['G007', 'Phường Vĩnh Yên', null, null, 'đô thị', null, null, '01/08/2025', null, 25, hhX, hhY, 7], expect: '08713' },
    { cells: [null, null, null, null, null, null, null, null, null, null, null, null, null], expect: 'blank' },
    { cells: [null, 'Bá Hiến', null, null, null, null, null, '15/03/2018', null, 20, null, null, 9], expect: ['ID_MISSING'] },
    { cells: ['G001', 'Bá Hiến', null, null, null, null, null, '15/03/2018', null, 20, null, null, 10], expect: ['ID_DUPLICATE'] },
    { cells: ['B003', 'Xã Không Có', null, null, null, null, null, '15/03/2018', null, 20, null, null, 11], expect: ['COMMUNE_UNKNOWN'] },
    { cells: ['B004', 'Xuân Hòa', null, null, null, null, null, '15/03/2018', null, 20, null, null, 12], expect: ['COMMUNE_AMBIGUOUS'] },
    { cells: ['B005', 'Bá Hiến', null, null, null, null, null, '10/25/2022', null, 20, null, null, 13], expect: ['DATE_MONTH_FIRST'] },
    { cells: ['B006', 'Bá Hiến', null, null, null, null, null, '31/02/2022', null, 20, null, null, 14], expect: ['DATE_INVALID'] },
    { cells: ['B007', 'Bá Hiến', null, null, null, null, null, '01/01/2099', null, 20, null, null, 15], expect: ['DATE_FUTURE'] },
    { cells: ['B008', 'Bá Hiến', null, null, null, null, null, '15/03/2018', '01/01/2018', 20, null, null, 16], expect: ['DISSOLVED_BEFORE_FOUNDED'] },
    { cells: ['B009', 'Bá Hiến', null, null, null, null, null, '15/03/2018', null, 250, null, null, 17], expect: ['HOUSEHOLDS_INVALID'] },
    { cells: ['B010', 'Bá Hiến', null, null, 'miền núi', null, null, '15/03/2018', null, 20, null, null, 18], expect: ['AREA_CLASS_UNKNOWN'] },
    { cells: ['B011', 'Bá Hiến', null, null, null, 'có lẽ', null, '15/03/2018', null, 20, null, null, 19], expect: ['FLAG_INVALID'] },
    { cells: ['B012', 'Bá Hiến', null, null, null, null, null, '15/03/2018', null, 20, hnX, hnY, 20], expect: ['POINT_OUTSIDE_PROVINCE'] },
    { cells: ['B013', 'Bá Hiến', null, null, null, null, null, '15/03/2018', null, 20, tsX, tsY, 21], expect: ['POINT_OUTSIDE_COMMUNE'] },
    { cells: ['B014', 'X· B¸ HiÕn', null, null, null, null, null, '15/03/2018', null, 20, null, null, 22], expect: ['LEGACY_ENCODING'] },
    { cells: ['B015', 'Phường Vĩnh Yên', null, null, null, null, null, '01/08/2025', null, 20, null, null, 23], expect: ['NEW_UNIT_NEEDS_POINT'] },
    { cells: ['B016', 'Bá Hiến', null, null, null, null, null, '15/03/2018', null, 20, 'abc', bhY, 24], expect: ['COORDINATE_INVALID'] },
    { cells: ['B017', 'Bá Hiến', 'Vĩnh Yên', null, null, null, null, 'hôm qua', null, 0, null, null, 25], expect: ['DATE_INVALID', 'DISTRICT_MISMATCH', 'HOUSEHOLDS_INVALID'] },
  ];
}

let groupsFile: string;
beforeAll(async () => {
  reference = loadReference();
  store = await freshStore('registers');
  dir = scratchDir('registers');
  groupsFile = path.join(dir, 'to-lien-gia.xlsx');
  await writeXlsx(groupsFile, GROUP_HEADINGS, groupRows().map((r) => r.cells), 'Danh sách', []);
});

describe('a groups workbook with every date and name form and one bad row of each kind', () => {
  it('given the workbook without --accept-valid, when imported, then it exits 1, imports nothing and reports each bad row with its sheet row, column, code and a Vietnamese fix', async () => {
    const before = readActiveVersion(store);
    const result = await importWithReport(store, dir, ['groups', groupsFile, '--crs', 'vn2000']);
    expect(result.code).toBe(1);
    const bad = groupRows()
      .map((r, i) => ({ ...r, row: i + 2 }))
      .filter((r) => Array.isArray(r.expect));
    expect(result.last).toBe(`accepted 0, rejected ${bad.length}`);
    expect(readActiveVersion(store)).toBe(before);
    expect(result.report.imported).toBe(false);
    expect(result.report.rejected_rows).toBe(bad.length);
    expect(result.report.valid).toBe(7);
    for (const row of bad) {
      const codes = result.report.rejected.filter((e) => e.row === row.row).map((e) => e.code).sort();
      expect(codes, `row ${row.row}`).toEqual([...(row.expect as string[])].sort());
    }
    const duplicate = result.report.rejected.find((e) => e.code === 'ID_DUPLICATE')!;
    expect(duplicate).toMatchObject({ row: 11, column: 'Mã tổ liên gia', value: 'G001' });
    expect(duplicate.message).toContain('dòng 2');
    const monthFirst = result.report.rejected.find((e) => e.code === 'DATE_MONTH_FIRST')!;
    expect(monthFirst).toMatchObject({ column: 'Ngày thành lập', value: '10/25/2022' });
    expect(monthFirst.message).toMatch(/Sửa: .*25\/10\/2022/);
    expect(monthFirst.message_en).toContain('Fix');
    expect(result.report.rejected.find((e) => e.code === 'LEGACY_ENCODING')!.message).toContain('Unikey');
    expect(result.report.warnings.map((w) => w.code)).toContain('COLUMN_IGNORED');
  });

  it('given the same workbook with --accept-valid, when imported, then the 7 valid rows become a new real version and the bad rows go to an XLSX to fix', async () => {
    const result = await importWithReport(store, dir, ['groups', groupsFile, '--crs', 'vn2000', '--accept-valid', '--by', 'canbo.pv05']);
    expect(result.code).toBe(0);
    expect(result.last).toBe('accepted 7, rejected 17');
    const versionDir = activeVersionDir(store)!;
    const manifest = readManifest(versionDir)!;
    expect(manifest.synthetic).toBe(false);
    expect(manifest.version).toBe(result.report.dataset_version);
    expect(manifest.version).toMatch(/^\d{8}T\d{6}Z-[0-9a-f]{8}$/);
    expect(manifest.built_by).toBe('canbo.pv05');
    expect(manifest.imports).toEqual([expect.objectContaining({ kind: 'groups', file: 'to-lien-gia.xlsx', accepted: 7, rejected: 17, version: manifest.version, imported_by: 'canbo.pv05' })]);
    expect(manifest.rows).toMatchObject({ groups: 7, models: 0, tips: 0, events: 0, villages: 0 });

    const groups = await tableRows(versionDir, 'groups');
    const expected = groupRows().filter((r) => typeof r.expect === 'string' && r.expect !== 'blank');
    expect(groups.map((g) => [g.id, g.commune_code])).toEqual(expected.map((r) => [r.cells[0], r.expect]));
    const byId = new Map(groups.map((g) => [g.id as string, g]));
    expect(byId.get('G001')).toMatchObject({ located_by: 'point', founded_on: '2018-03-15', households: 22, area_class: 'rural', simulated: false, village: 'Thôn Nam Bản' });
    // Same village (folded) as G001, no point: placed at the village's located rows' mean.
    expect(byId.get('G002')).toMatchObject({ located_by: 'village', lon: byId.get('G001')!.lon, lat: byId.get('G001')!.lat });
    expect(byId.get('G003')).toMatchObject({ located_by: 'commune', founded_on: '2018-03-05', dissolved_on: '2021-06-30', ethnic_minority: true, religious: true, area_class: 'unclassified' });
    expect(byId.get('G004')).toMatchObject({ founded_on: '2019-07-31', area_class: 'urban', located_by: 'point' });
    expect(result.out.join('\n')).toMatch(/column "X" read as the northing \(X\) in 3 rows/);
    expect(result.out.join('\n')).toMatch(/column "Y" read as the northing \(X\) in 1 rows/);

    const rejectedFile = result.report.rejected_file!;
    expect(rejectedFile).toBe(path.join(dir, 'to-lien-gia.rejected.xlsx'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(rejectedFile);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...GROUP_HEADINGS, PROBLEM_COLUMN]);
    expect(sheet.rowCount).toBe(18);
    expect(String(sheet.getRow(3).getCell(GROUP_HEADINGS.length + 1).value)).toContain('ID_DUPLICATE');
  });

  it('given the workbook with --sheet naming a sheet it does not have, when imported, then it exits 1 naming the sheets it has', async () => {
    const result = await importWithReport(store, dir, ['groups', groupsFile, '--crs', 'vn2000', '--sheet', 'Tổ 2023']);
    expect(result.code).toBe(1);
    expect(result.report.rejected[0]).toMatchObject({ code: 'SHEET_MISSING' });
    expect(result.report.rejected[0]!.message).toContain('Danh sách');
  });

  it('given x/y columns but no --crs, when imported, then the file is refused asking for --crs vn2000', async () => {
    const result = await importWithReport(store, dir, ['groups', groupsFile, '--dry-run']);
    expect(result.code).toBe(1);
    expect(result.report.rejected[0]).toMatchObject({ code: 'COORDINATES_NEED_CRS' });
    expect(result.report.rejected[0]!.message).toContain('--crs vn2000');
  });
});

describe('models, tips and events over the imported groups', () => {
  it('given a models CSV with ";", a BOM, quoted fields with ";" and a line break, English and Vietnamese settings, when imported, then it carries the groups over', async () => {
    const file = path.join(dir, 'mo-hinh.csv');
    const [lon, lat] = centre('08944');
    writeCsv(
      file,
      ['Mã mô hình', 'Tên mô hình', 'Loại hình', 'Xã/phường/thị trấn', 'Ngày thành lập', 'Kinh độ', 'Vĩ độ'],
      [
        ['M1', 'Công ty TNHH "Linh kiện"; chi nhánh\nBá Hiến', 'Doanh nghiệp', 'Bá Hiến', '01/06/2020', lon!, lat!],
        ['M2', 'Trường THCS Bá Hiến', 'school', '08944', '2019-09-05', null, null],
        ['M3', 'Bệnh viện X', 'trạm y tế', 'Bá Hiến', '2019-09-05', null, null],
        ['M4', '', 'agency', 'Bá Hiến', '2019-09-05', null, null],
      ],
      { separator: ';', bom: true },
    );
    const strict = await importWithReport(store, dir, ['models', file]);
    expect(strict.code).toBe(1);
    expect(strict.report.rejected.map((e) => [e.row, e.code])).toEqual([
      [4, 'SETTING_UNKNOWN'],
      [5, 'NAME_MISSING'],
    ]);
    const result = await importWithReport(store, dir, ['models', file, '--accept-valid']);
    expect(result.last).toBe('accepted 2, rejected 2');
    const versionDir = activeVersionDir(store)!;
    const models = await tableRows(versionDir, 'models');
    expect(models.map((m) => [m.id, m.setting, m.located_by])).toEqual([
      ['M1', 'enterprise', 'point'],
      ['M2', 'school', 'commune'],
    ]);
    expect(models[0]!.name).toBe('Công ty TNHH "Linh kiện"; chi nhánh\nBá Hiến');
    expect(readManifest(versionDir)!.rows).toMatchObject({ groups: 7, models: 2 });
    expect(readFileSync(result.report.rejected_file!, 'utf8')).toMatch(/^\uFEFFMã mô hình;Tên mô hình;/);
  });

  it('given tips naming imported and unknown groups, when imported, then unknown groups are rejected and a group of another commune is only a warning', async () => {
    const file = path.join(dir, 'nguon-tin.csv');
    writeCsv(
      file,
      ['id', 'date', 'commune', 'group_id', 'category'],
      [
        ['T1', '20/10/2022', 'Bá Hiến', 'G001', 'Ma túy'],
        ['T2', '2022-10-21', 'Xuân Hòa', 'G001', 'gambling'],
        ['T3', '21/10/2022', 'Bá Hiến', 'G999', 'drugs'],
        ['T4', '21/10/2022', 'Bá Hiến', 'G001', 'buôn lậu'],
      ],
    );
    const result = await importWithReport(store, dir, ['tips', file, '--accept-valid']);
    expect(result.report.rejected.map((e) => [e.row, e.code])).toEqual([
      [3, 'COMMUNE_AMBIGUOUS'],
      [4, 'GROUP_UNKNOWN'],
      [5, 'CATEGORY_UNKNOWN'],
    ]);
    expect(result.last).toBe('accepted 1, rejected 3');
    const file2 = path.join(dir, 'nguon-tin-2.csv');
    writeCsv(file2, ['id', 'date', 'commune', 'district', 'group_id', 'category'], [['T1', '20/10/2022', 'Xuân Hòa', 'Phúc Yên', 'G001', 'Ma túy']]);
    const other = await importWithReport(store, dir, ['tips', file2]);
    expect(other.code).toBe(0);
    expect(other.report.warnings.map((w) => w.code)).toEqual(['GROUP_OTHER_COMMUNE']);
  });

  it('given outcome events as GeoJSON Point features with Vietnamese kind labels, when imported, then quantities are kept', async () => {
    const file = path.join(dir, 'ket-qua.geojson');
    writeGeojson(file, [
      { properties: { id: 'E1', date: '2022-10-20', commune: 'Bá Hiến', group_id: 'G001', kind: 'Vũ khí thô sơ giao nộp', quantity: 3 }, point: centre('08944') },
      { properties: { id: 'E2', date: '2022-10-20', commune: 'Bá Hiến', group_id: 'G001', kind: 'guns_surrendered', quantity: 0 }, point: null },
    ]);
    const result = await importWithReport(store, dir, ['events', file, '--accept-valid']);
    expect(result.report.rejected.map((e) => [e.row, e.code])).toEqual([[3, 'QUANTITY_INVALID']]);
    const events = await tableRows(activeVersionDir(store)!, 'events');
    expect(events.map((e) => [e.id, e.kind, e.quantity, e.located_by])).toEqual([['E1', 'primitive_weapons_surrendered', 3, 'point']]);
    expect(readManifest(activeVersionDir(store)!)!.imports.map((i) => i.kind).sort()).toEqual(['events', 'groups', 'models', 'tips']);
  });

  it('given a CSV saved in TCVN3 bytes (from iconv), when imported, then the whole file is refused with the Unikey fix and nothing changes', async () => {
    const file = path.join(dir, 'tcvn3.csv');
    // "Xã Bá Hiến" in TCVN3 as produced by `iconv -t TCVN5712-1`.
    writeFileSync(file, Buffer.concat([Buffer.from('id,date,commune,group_id,category\r\nT9,20/10/2022,'), Buffer.from('58b72042b8204869d56e', 'hex'), Buffer.from(',G001,drugs\r\n')]));
    const before = readActiveVersion(store);
    const result = await importWithReport(store, dir, ['tips', file]);
    expect(result.code).toBe(1);
    expect(result.report.rejected[0]).toMatchObject({ code: 'FILE_ENCODING' });
    expect(result.report.rejected[0]!.message).toContain('Unikey');
    expect(readActiveVersion(store)).toBe(before);
    expect(existsSync(path.join(dir, 'tcvn3.rejected.csv'))).toBe(false);
  });

  it('given tips and events naming G001, when the groups register is imported again without G001, then they are carried over and reported as orphaned', async () => {
    const file = path.join(dir, 'to-lien-gia-2.csv');
    writeCsv(file, ['id', 'commune', 'founded_on', 'households'], [['G002', 'Bá Hiến', '15/03/2018', 18]]);
    const result = await importWithReport(store, dir, ['groups', file]);
    expect(result.code).toBe(0);
    const orphaned = result.report.warnings.filter((w) => w.code === 'ORPHANED_RECORDS');
    expect(orphaned.map((w) => [w.value, w.message_en.split(' ').slice(0, 2).join(' ')])).toEqual([
      ['1', '1 tips'],
      ['1', '1 events'],
    ]);
    // The second tips file replaced the first (a full snapshot): one tip, one event carried over.
    expect(readManifest(activeVersionDir(store)!)!.rows).toMatchObject({ groups: 1, tips: 1, events: 1 });
  });
});
