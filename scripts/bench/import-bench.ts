/**
 * Import benchmark: generates 100,000 valid group rows as XLSX and 500,000 valid tips as CSV
 * (real communes, points inside them, tips naming those groups, dates after their founding) in
 * a temp folder, imports both (not a dry run) into a temp store with the real CLI in a child
 * process, and prints rows/s and the child's peak RSS (VmHWM from /proc). Targets: CSV ≥ 50,000
 * rows/s, XLSX ≥ 10,000 rows/s, peak RSS < 1 GB.
 *
 *   npx tsx scripts/bench/import-bench.ts [--groups N] [--tips N]     (also: npm run bench:import)
 */
// Before exceljs (see there): the importer's UTF-8 fix of exceljs's XML reading.
import '../../data/import/readers/exceljs-utf8';
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import { Gazetteer } from '../../data/import/communes/gazetteer';
import { readUnitChanges } from '../../data/import/communes/unit-changes';
import { PointPlacer } from '../../data/import/coordinates/placement';
import { REPO_ROOT } from '../../data/paths';
import { loadReference } from '../../data/pipeline/reference/load-reference';
import { isoFromDay, dayFromIso } from '../../data/pipeline/support/dates';
import { createRandom } from '../../data/pipeline/support/prng';

export const TARGETS = { csvRowsPerSecond: 50_000, xlsxRowsPerSecond: 10_000, peakRssBytes: 1024 ** 3 };
const DEFAULT_GROUPS = 100_000;
const DEFAULT_TIPS = 500_000;
/** Points are drawn this far around a point inside the commune: well within the 500 m tolerance. */
const JITTER_DEGREES = 0.0015;
const FIRST_DAY = dayFromIso('2017-01-01');
const LAST_DAY = dayFromIso('2024-12-31');
const SAMPLE_MS = 50;
const CATEGORIES = ['drugs', 'property_crime', 'gambling', 'public_order', 'wanted_person', 'residence_management', 'other'];

interface Group {
  id: string;
  commune: string;
  founded: number;
  lon: number;
  lat: number;
}

async function writeGroupsXlsx(file: string, count: number, random: () => number): Promise<Group[]> {
  const reference = loadReference();
  const placer = new PointPlacer(reference, new Gazetteer(reference, readUnitChanges()));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Tổ liên gia');
  sheet.addRow(['Mã tổ liên gia', 'Xã/phường/thị trấn', 'Thôn/tổ dân phố', 'Khu vực (nông thôn/đô thị)', 'Ngày thành lập', 'Số hộ', 'Kinh độ', 'Vĩ độ']).commit();
  const groups: Group[] = [];
  for (let i = 0; i < count; i++) {
    const index = Math.floor(random() * reference.communes.length);
    const commune = reference.communes[index]!;
    const [cx, cy] = placer.communeCentre(index);
    const g = { id: `G${String(i + 1).padStart(7, '0')}`, commune: commune.code, founded: FIRST_DAY + Math.floor(random() * (LAST_DAY - FIRST_DAY - 30)), lon: cx + (random() - 0.5) * JITTER_DEGREES, lat: cy + (random() - 0.5) * JITTER_DEGREES };
    groups.push(g);
    const row = sheet.addRow([g.id, Number(g.commune), `Thôn ${1 + Math.floor(random() * 12)}`, random() < 0.85 ? 'nông thôn' : 'đô thị', new Date(g.founded * 86_400_000), 10 + Math.floor(random() * 21), g.lon, g.lat]);
    row.getCell(5).numFmt = 'dd/mm/yyyy';
    row.commit();
  }
  sheet.commit();
  await workbook.commit();
  return groups;
}

async function writeTipsCsv(file: string, count: number, groups: readonly Group[], random: () => number): Promise<void> {
  const out = createWriteStream(file);
  out.write('\uFEFFid,date,commune,group_id,category,lon,lat\n');
  for (let i = 0; i < count; i++) {
    const g = groups[Math.floor(random() * groups.length)]!;
    const day = g.founded + Math.floor(random() * (LAST_DAY - g.founded));
    const [y, m, d] = isoFromDay(day).split('-');
    const line = `T${String(i + 1).padStart(8, '0')},${d}/${m}/${y},${g.commune},${g.id},${CATEGORIES[Math.floor(random() * CATEGORIES.length)]},${(g.lon + (random() - 0.5) * 0.001).toFixed(6)},${(g.lat + (random() - 0.5) * 0.001).toFixed(6)}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

export interface ImportMeasure {
  kind: string;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  peakRssBytes: number;
  exitCode: number | null;
  lastLine: string;
}

/** Runs the import CLI in a child (node with tsx's loader, so the child is the importer itself) and samples its VmHWM. */
async function measureImport(store: string, kind: string, file: string, rows: number): Promise<ImportMeasure> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'scripts', 'import.ts'), kind, file], {
    cwd: REPO_ROOT,
    env: { ...process.env, TLG_DATA_DIR: store, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let stdout = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  let peak = 0;
  const sample = () => {
    try {
      const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
      if (kb) peak = Math.max(peak, Number(kb) * 1024);
    } catch {
      // the process has just exited
    }
  };
  const timer = setInterval(sample, SAMPLE_MS);
  const [code] = (await once(child, 'exit')) as [number | null];
  clearInterval(timer);
  const seconds = (performance.now() - started) / 1000;
  return { kind, rows, seconds, rowsPerSecond: rows / seconds, peakRssBytes: peak, exitCode: code, lastLine: stdout.trimEnd().split('\n').at(-1) ?? '' };
}

export async function benchImport(options: { groups?: number; tips?: number; log?: (line: string) => void } = {}): Promise<ImportMeasure[]> {
  const log = options.log ?? console.log;
  const groupsCount = options.groups ?? DEFAULT_GROUPS;
  const tipsCount = options.tips ?? DEFAULT_TIPS;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tlg-import-bench-'));
  try {
    const prng = createRandom(20221025, 'import-bench');
    const random = () => prng.next();
    const groupsFile = path.join(dir, 'groups.xlsx');
    const tipsFile = path.join(dir, 'tips.csv');
    let t = performance.now();
    const groups = await writeGroupsXlsx(groupsFile, groupsCount, random);
    log(`generated ${groupsCount.toLocaleString('en-US')} groups as XLSX in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    t = performance.now();
    await writeTipsCsv(tipsFile, tipsCount, groups, random);
    log(`generated ${tipsCount.toLocaleString('en-US')} tips as CSV in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const store = path.join(dir, 'store');
    const results = [await measureImport(store, 'groups', groupsFile, groupsCount), await measureImport(store, 'tips', tipsFile, tipsCount)];
    for (const r of results) {
      const target = r.kind === 'groups' ? TARGETS.xlsxRowsPerSecond : TARGETS.csvRowsPerSecond;
      log(
        `${r.kind.padEnd(6)} ${r.kind === 'groups' ? 'XLSX' : 'CSV '} ${r.rows.toLocaleString('en-US')} rows in ${r.seconds.toFixed(1)} s = ${Math.round(r.rowsPerSecond).toLocaleString('en-US')} rows/s ` +
          `(target ≥ ${target.toLocaleString('en-US')}: ${r.rowsPerSecond >= target ? 'met' : 'MISSED'}); peak RSS ${(r.peakRssBytes / 1024 ** 2).toFixed(0)} MB ` +
          `(target < 1 GB: ${r.peakRssBytes < TARGETS.peakRssBytes ? 'met' : 'MISSED'}); exit ${r.exitCode}; "${r.lastLine}"`,
      );
    }
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const isEntryPoint = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isEntryPoint) {
  const flag = (name: string) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? Number(process.argv[i + 1]) : undefined;
  };
  const results = await benchImport({ groups: flag('--groups'), tips: flag('--tips') });
  process.exitCode = results.every((r) => r.exitCode === 0) ? 0 : 1;
}
