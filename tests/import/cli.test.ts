/**
 * `npm run import` as the outside checks run it — a real child process: exit status 0/1/2, the
 * closing line `accepted N, rejected M` as the last line of stdout, --list (text and JSON),
 * --activate (rollback), --template, and the number of versions kept.
 */
// Before exceljs (see there): the importer's UTF-8 fix of exceljs's XML reading.
import '../../data/import/readers/exceljs-utf8';
import ExcelJS from 'exceljs';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeCsv } from './fixtures/write-files';
import { freshStore, runImportCli, scratchDir, spawnImportCli } from './support/stores';
import { readActiveVersion } from '../../data/store/active';
import { listVersions, type VersionInfo } from '../../data/store/versions';
import { LISTS_SHEET } from '../../data/import/templates/write-template';

let store: string;
let dir: string;
const lastLine = (stdout: string) => stdout.trimEnd().split('\n').at(-1);

const GROUP_HEADINGS = ['id', 'commune', 'founded_on', 'households'];

beforeAll(async () => {
  store = await freshStore('cli');
  dir = scratchDir('cli');
  writeCsv(path.join(dir, 'good.csv'), GROUP_HEADINGS, [
    ['G1', 'Bá Hiến', '15/03/2018', 20],
    ['G2', 'Tích Sơn', '2019-01-02', 25],
  ]);
  writeCsv(path.join(dir, 'bad.csv'), GROUP_HEADINGS, [
    ['G1', 'Bá Hiến', '15/03/2018', 20],
    ['G2', 'Tích Sơn', '10/25/2022', 25],
    ['G3', 'Nơi Nào Đó', '15/03/2018', 0],
  ]);
});

describe('exit status and the closing line', () => {
  it.each([
    [[], 'Say what to import'],
    [['people', 'x.csv'], 'Unknown kind "people"'],
    [['groups'], 'Give the file'],
    [['groups', 'x.txt'], 'is not .xlsx, .csv, .geojson or .parquet'],
    [['groups', 'x.csv', '--crs', 'EPSG:3857'], 'Unknown --crs'],
    [['groups', 'x.csv', '--frobnicate'], 'Unknown option'],
    [['groups', 'x.csv', '--sheet', 'A'], '--sheet applies to .xlsx files only'],
  ])('given the arguments %j, when run, then it exits 2 with the usage', async (args, message) => {
    const result = await runImportCli(store, args);
    expect(result.code).toBe(2);
    expect(result.err.join('\n')).toContain(message);
    expect(result.err.join('\n')).toContain('Usage:');
  });

  it('given a file that does not exist, when imported by the real CLI, then it exits 2 and nothing changes', () => {
    const before = readActiveVersion(store);
    const result = spawnImportCli(store, ['groups', path.join(dir, 'missing.csv')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('does not exist');
    expect(readActiveVersion(store)).toBe(before);
  });

  it('given a file with bad rows, when imported by the real CLI, then it exits 1 and the last line counts the rejected rows', () => {
    const before = readActiveVersion(store);
    const result = spawnImportCli(store, ['groups', path.join(dir, 'bad.csv')]);
    expect(result.status).toBe(1);
    expect(lastLine(result.stdout)).toBe('accepted 0, rejected 2');
    expect(result.stderr).toContain('DATE_MONTH_FIRST');
    expect(readActiveVersion(store)).toBe(before);
  });

  it('given a clean file and --dry-run, when run by the real CLI, then it exits 0, counts what would be imported and changes nothing', () => {
    const before = readActiveVersion(store);
    const result = spawnImportCli(store, ['groups', path.join(dir, 'good.csv'), '--dry-run']);
    expect(result.status).toBe(0);
    expect(lastLine(result.stdout)).toBe('accepted 2, rejected 0');
    expect(readActiveVersion(store)).toBe(before);
  });

  it('given a clean file, when imported by the real CLI, then it exits 0, the last line is the closing line and a real version is active', () => {
    const result = spawnImportCli(store, ['groups', path.join(dir, 'good.csv')]);
    expect(result.status).toBe(0);
    expect(lastLine(result.stdout)).toBe('accepted 2, rejected 0');
    const active = listVersions(store).find((v) => v.active)!;
    expect(active.synthetic).toBe(false);
    expect(active.rows).toMatchObject({ groups: 2, models: 0, tips: 0, events: 0 });
    expect(result.stdout).toContain(active.version);
  });
});

describe('versions', () => {
  it('given a demo and a real version, when listed, then each line starts with the version and the active one with "*"; --json gives {version, active, synthetic, built_at, rows}', () => {
    const text = spawnImportCli(store, ['--list']);
    expect(text.status).toBe(0);
    const lines = text.stdout.trimEnd().split('\n').filter((l) => /^(\* )?\d{8}T/.test(l));
    const known = listVersions(store);
    expect(lines).toHaveLength(known.length);
    // Oldest first: the demo build(s) the store was copied with, then the import, active.
    expect(lines[0]).toMatch(/^\d{8}T\d{6}Z-demo-[0-9a-f]{8} /);
    expect(lines.at(-1)).toMatch(/^\* \d{8}T\d{6}Z-[0-9a-f]{8} /);
    expect(lines.filter((l) => l.startsWith('* '))).toHaveLength(1);
    const json = spawnImportCli(store, ['--list', '--json']);
    const versions = JSON.parse(lastLine(json.stdout)!) as VersionInfo[];
    for (const v of versions) expect(Object.keys(v).sort()).toEqual(['active', 'built_at', 'rows', 'synthetic', 'version']);
    expect(versions.map((v) => v.version)).toEqual(known.map((v) => v.version));
    expect(versions.at(-1)).toMatchObject({ synthetic: false, active: true });
    expect(versions.slice(0, -1).every((v) => v.synthetic && !v.active)).toBe(true);
  });

  it('given the demo version id, when activated, then ACTIVE points back at it; an unknown id exits 2', async () => {
    const versions = listVersions(store);
    const [demo, real] = [versions[0], versions.at(-1)];
    const back = spawnImportCli(store, ['--activate', demo!.version, '--by', 'lanh.dao']);
    expect(back.status).toBe(0);
    expect(readActiveVersion(store)).toBe(demo!.version);
    const unknown = await runImportCli(store, ['--activate', '20000101T000000Z-deadbeef']);
    expect(unknown.code).toBe(2);
    expect(readActiveVersion(store)).toBe(demo!.version);
    expect((await runImportCli(store, ['--activate', real!.version])).code).toBe(0);
  });

  it('given TLG_KEEP_VERSIONS=2, when a third version is made, then the oldest inactive one is removed', async () => {
    const previous = process.env.TLG_KEEP_VERSIONS;
    process.env.TLG_KEEP_VERSIONS = '2';
    try {
      const before = listVersions(store).map((v) => v.version);
      writeCsv(path.join(dir, 'good2.csv'), GROUP_HEADINGS, [['G9', 'Bá Hiến', '15/03/2018', 20]]);
      const result = await runImportCli(store, ['groups', path.join(dir, 'good2.csv')]);
      expect(result.code).toBe(0);
      const after = listVersions(store);
      expect(after).toHaveLength(2);
      expect(after.map((v) => v.version)).toEqual([before.at(-1), after[1]!.version]);
      expect(after[1]!.active).toBe(true);
      expect(readdirSync(path.join(store, 'versions'))).toHaveLength(2);
    } finally {
      if (previous === undefined) delete process.env.TLG_KEEP_VERSIONS;
      else process.env.TLG_KEEP_VERSIONS = previous;
    }
  });
});

describe('templates', () => {
  it('given --template tips out.xlsx, when run, then the workbook has the Vietnamese headings, an example row and drop-down lists of the categories', async () => {
    const file = path.join(dir, 'mau-nguon-tin.xlsx');
    expect((await runImportCli(store, ['--template', 'tips', file])).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet('tips')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Mã nguồn tin', 'Ngày cung cấp', 'Xã/phường/thị trấn', 'Huyện/thành phố', 'Mã tổ liên gia', 'Loại tin', 'Kinh độ', 'Vĩ độ']);
    expect(sheet.getCell('F2').value).toBe('Trật tự công cộng');
    expect(sheet.getCell('F3').dataValidation).toMatchObject({ type: 'list', formulae: [`'${LISTS_SHEET}'!$A$2:$A$8`] });
    const lists = workbook.getWorksheet(LISTS_SHEET)!;
    expect(lists.getCell('A2').value).toBe('Ma túy');
  });

  it.each(['groups', 'models'] as const)('given the %s templates, when imported as they are (dry run), then the example row is valid', async (kind) => {
    for (const ext of ['csv', 'xlsx']) {
      const file = path.join(dir, `mau-${kind}.${ext}`);
      expect((await runImportCli(store, ['--template', kind, file])).code).toBe(0);
      const result = await runImportCli(store, [kind, file, '--dry-run']);
      expect(result.last, `${kind}.${ext}`).toBe('accepted 1, rejected 0');
    }
  });
});
