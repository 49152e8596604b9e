/**
 * The heavy paths of `npm run bench`, each beside its floor measured in the same run on the same
 * build: what DuckDB itself takes for the same work, in this process, with no HTTP around it.
 *   - points province-wide (groups active at the end of 2018, one by one): the floor is the same
 *     query read into typed arrays (scan + copy); ours adds Arrow encoding and HTTP.
 *   - CSV export of a year of tips: the floor is DuckDB's COPY … TO csv of the same query; ours adds
 *     the byte-order mark and streaming the file over HTTP.
 *   - the other export formats, the models layer province-wide (clusters beyond the limit, never a
 *     413), a commune-sized bbox's rows scanned (EXPLAIN ANALYZE) and the server's peak memory.
 * Samples alternate ours and floor, so a busy machine slows both alike. Prints figures; asserts nothing.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { BUILD_FILES } from '../../data/schema';
import type { Bbox } from '#contract';
import { Database } from '../../server/dataset/database';
import type { DataFilter } from '../../server/queries/filters';
import { pointColumns } from '../../server/queries/points';
import { writeRecordsCsv, writeRecordFeatures, writeRecordsGeoParquet } from '../../server/queries/records-export';
import type { BenchServer } from './server-process';
import { summarise, type LatencySummary } from './stats';

const WORLD: Bbox = [-180, -90, 180, 90];
/** Groups active at the end of 2018: 419,301 at scale 100, the size the issue measured. */
const POINTS_FILTER: DataFilter = { period: { from: '2017-01-01', to: '2018-12-31' }, district: null };
const POINTS_URL = '/api/points?layer=groups&limit=500000&to=2018-12-31';
const EXPORT_FILTER: DataFilter = { period: { from: '2021-01-01', to: '2021-12-31' }, district: null };
const exportUrl = (format: string) => `/api/export/tips?from=2021-01-01&to=2021-12-31&format=${format}`;
/** What the outside checks allow: points ≤ 3× their floor, the CSV export ≤ 2× DuckDB's COPY. */
const TARGET_POINTS_RATIO = 3;
const TARGET_CSV_RATIO = 2;

export interface HeavyPath {
  path: string;
  /** The client's Accept-Encoding. */
  encoding: string;
  ours: LatencySummary;
  floor: LatencySummary | null;
  /** ours p50 / floor p50. */
  ratio: number | null;
  bytes: number;
  detail?: string;
}

export interface HeavyFigures {
  paths: HeavyPath[];
  models: { status: number; form: string | null; records: number; clusters: number; ms: number };
  bboxScan: { communes: number; tableRows: number; meanRowsScanned: number; meanRowsMatched: number };
  serverPeakRssMiB: number | null;
}

const fmt = (ms: number) => ms.toFixed(ms < 10 ? 2 : 1);

async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const value = await work();
  return [performance.now() - started, value];
}

async function download(server: BenchServer, url: string, encoding: string): Promise<{ status: number; bytes: number; headers: Headers }> {
  const res = await fetch(`${server.baseUrl}${url}`, { headers: { cookie: await server.cookie(url.startsWith('/api/export') ? 'admin' : 'analyst'), 'accept-encoding': encoding } });
  const body = await res.arrayBuffer();
  if (!res.ok) throw new Error(`GET ${url} → ${res.status}`);
  // fetch inflates: the bytes on the wire are the Content-Length of an encoded answer.
  const wire = res.headers.get('content-encoding') ? Number(res.headers.get('content-length') ?? body.byteLength) : body.byteLength;
  return { status: res.status, bytes: Number.isFinite(wire) ? wire : body.byteLength, headers: res.headers };
}

/** `runs` samples of ours and of the floor, interleaved, after one warm-up of each. */
async function pair(server: BenchServer, url: string, encoding: string, floor: (() => Promise<unknown>) | null, runs: number): Promise<HeavyPath> {
  await download(server, url, encoding);
  await floor?.();
  const ours: number[] = [];
  const floors: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const [ms, answer] = await timed(() => download(server, url, encoding));
    ours.push(ms);
    bytes = answer.bytes;
    if (floor) floors.push((await timed(floor))[0]);
  }
  const oursSummary = summarise(ours);
  const floorSummary = floor ? summarise(floors) : null;
  return { path: url, encoding, ours: oursSummary, floor: floorSummary, ratio: floorSummary ? oursSummary.p50 / floorSummary.p50 : null, bytes };
}

function print(p: HeavyPath, target?: number): void {
  const floor = p.floor ? `floor p50 ${fmt(p.floor.p50)} ms → ${p.ratio!.toFixed(2)}×${target ? ` (target ≤ ${target}×: ${p.ratio! <= target ? 'met' : 'MISSED'})` : ''}` : 'no floor';
  console.log(`  ${p.path.padEnd(62)} ${p.encoding.padEnd(13)} p50 ${fmt(p.ours.p50)} / p95 ${fmt(p.ours.p95)} ms, ${(p.bytes / 1e6).toFixed(2)} MB; ${floor}`);
}

interface PlanNode {
  operator_type?: string;
  operator_cardinality?: number;
  children?: PlanNode[];
}

const tableScan = (node: PlanNode): PlanNode | undefined =>
  node.operator_type === 'TABLE_SCAN' ? node : node.children?.map(tableScan).find((n) => n !== undefined);

/** Rows DuckDB scans for each commune's bbox (EXPLAIN ANALYZE), against the rows it returns. */
async function bboxScan(db: Database) {
  const communes = await db.all<{ min_lon: number; min_lat: number; max_lon: number; max_lat: number }>('SELECT min_lon, min_lat, max_lon, max_lat FROM communes ORDER BY code');
  const { n: tableRows } = await db.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM groups');
  let scanned = 0;
  let matched = 0;
  for (const c of communes) {
    const plan = await db.one<{ explain_value: string }>(
      'EXPLAIN (ANALYZE, FORMAT JSON) SELECT lon, lat FROM groups WHERE lon BETWEEN $1::DOUBLE AND $3::DOUBLE AND lat BETWEEN $2::DOUBLE AND $4::DOUBLE',
      [c.min_lon, c.min_lat, c.max_lon, c.max_lat],
    );
    const profile = JSON.parse(plan.explain_value) as PlanNode & { cumulative_rows_scanned: number };
    scanned += profile.cumulative_rows_scanned;
    matched += tableScan(profile)?.operator_cardinality ?? 0;
  }
  return { communes: communes.length, tableRows, meanRowsScanned: Math.round(scanned / communes.length), meanRowsMatched: Math.round(matched / communes.length) };
}

/** The process and every process it started (tsx runs the server in a child of the pid we spawned). */
function processTree(pid: number): number[] {
  let children: number[] = [];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      children = children.concat(readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(/\s+/).filter(Boolean).map(Number));
    }
  } catch {
    // gone, or not Linux
  }
  return [pid, ...children.flatMap(processTree)];
}

/** Peak resident memory so far (VmHWM) of the largest process of the server's tree, Linux only. */
function peakRssMiB(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  const peaks = processTree(pid).flatMap((p) => {
    try {
      const line = readFileSync(`/proc/${p}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmHWM:'));
      return line ? [Number(line.split(/\s+/)[1]) / 1024] : [];
    } catch {
      return [];
    }
  });
  return peaks.length > 0 ? Math.max(...peaks) : null;
}

export async function benchHeavyPaths(server: BenchServer, dataDir: string, runs: number): Promise<HeavyFigures> {
  const db = await Database.open(path.join(dataDir, BUILD_FILES.database));
  try {
    const copyFloor = (write: typeof writeRecordsCsv) => async () => rmSync((await write(db, 'tips', EXPORT_FILTER)).file);
    const pointsFloor = () => pointColumns(db, 'groups', POINTS_FILTER, WORLD, 500_001);
    const { rows: floorPoints } = await pointsFloor();
    console.log(`  heavy paths, ${runs} samples each, ours and floor interleaved (floor = DuckDB alone, in the bench process):`);
    const paths: HeavyPath[] = [];
    for (const encoding of ['identity', 'gzip, deflate', 'br']) {
      const p = await pair(server, POINTS_URL, encoding, pointsFloor, runs);
      p.detail = `${floorPoints.toLocaleString('en')} points`;
      print(p, TARGET_POINTS_RATIO);
      paths.push(p);
    }
    for (const encoding of ['identity', 'gzip, deflate', 'br']) {
      const p = await pair(server, exportUrl('csv'), encoding, copyFloor(writeRecordsCsv), runs);
      print(p, TARGET_CSV_RATIO);
      paths.push(p);
    }
    const others = [
      { format: 'geojson', floor: copyFloor(writeRecordFeatures) },
      { format: 'parquet', floor: copyFloor(writeRecordsGeoParquet) },
      { format: 'xlsx', floor: null },
    ];
    for (const { format, floor } of others) {
      const p = await pair(server, exportUrl(format), 'identity', floor, format === 'xlsx' ? Math.min(runs, 3) : runs);
      print(p);
      paths.push(p);
    }
    const [modelsMs, models] = await timed(() => download(server, '/api/points?layer=models', 'identity'));
    const modelFigures = {
      status: models.status,
      form: models.headers.get('x-points-form'),
      records: Number(models.headers.get('x-total-count')),
      clusters: Number(models.headers.get('x-cluster-count') ?? 0),
      ms: modelsMs,
    };
    console.log(
      `  /api/points?layer=models (default limit): ${modelFigures.status} ${modelFigures.form}, ${modelFigures.records.toLocaleString('en')} models` +
        `${modelFigures.form === 'clusters' ? ` in ${modelFigures.clusters.toLocaleString('en')} clusters` : ''}, ${fmt(modelsMs)} ms`,
    );
    const scan = await bboxScan(db);
    console.log(
      `  commune bbox on groups (EXPLAIN ANALYZE, ${scan.communes} communes): ${scan.meanRowsScanned.toLocaleString('en')} rows scanned on average ` +
        `of ${scan.tableRows.toLocaleString('en')} (${((scan.meanRowsScanned / scan.tableRows) * 100).toFixed(0)} %), ${scan.meanRowsMatched.toLocaleString('en')} matched`,
    );
    const serverPeakRssMiB = peakRssMiB(server.pid);
    if (serverPeakRssMiB !== null) console.log(`  server peak RSS after the heavy paths: ${serverPeakRssMiB.toFixed(0)} MiB`);
    return { paths, models: modelFigures, bboxScan: scan, serverPeakRssMiB };
  } finally {
    db.close();
  }
}
