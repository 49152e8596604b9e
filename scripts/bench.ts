/**
 * `npm run bench [-- --requests N --scales 1,100 --naive-seconds S --web-runs N --heavy-runs N --load-seconds S]`
 *
 * For each scale of the demo data: p50/p95 latency of every endpoint over N (≥ 200) varied
 * requests against a real server in a child process; bytes per point of /api/points in Arrow
 * vs JSON; the naive alternative (GeoJSON in memory + turf point-in-polygon per request) on
 * the same summary and choropleth requests, with the ours/naive ratio pair by pair; 128
 * concurrent connections on summary and choropleth for S seconds (bench/load.ts); the heavy
 * paths (points province-wide, record exports) beside their raw-DuckDB floors (bench/heavy-paths.ts).
 * Then, in the same run, the web app's time from navigation to the map's ready flag and its
 * initial JS, and at the largest scale the heaviest explore view beside the briefing.
 * Prints figures; asserts nothing.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureDataset } from '../data/pipeline/ensure';
import { buildDir, REPO_ROOT } from '../data/paths';
import { activeVersionDir } from '../data/store/active';
import { verifyVersion } from '../data/store/verify';
import { ensureWebBuild } from './lib/web-build';
import { benchWeb } from './bench-web';
import { loadTest } from './bench/load';
import { benchHeavyPaths } from './bench/heavy-paths';
import { NaiveAtlas } from './bench/naive-baseline';
import { ENDPOINTS, requestStream } from './bench/requests';
import { BENCH_PASSWORD, startBenchServer, type BenchServer } from './bench/server-process';
import { summarise, type LatencySummary } from './bench/stats';

/** Targets from the API issue (at scale 100): reported next to the figures, never asserted. */
const TARGET_SCALE = 100;
const TARGET_P95_MS = 30;
const TARGET_SPEEDUP = 50;
const TARGET_BYTES_PER_POINT = 16;
const WARM_UP_REQUESTS = 10;

const { values: args } = parseArgs({
  options: {
    requests: { type: 'string', default: '200' },
    scales: { type: 'string', default: '1,100' },
    'naive-seconds': { type: 'string', default: '60' },
    'naive-max': { type: 'string', default: '30' },
    'web-runs': { type: 'string', default: '3' },
    'load-seconds': { type: 'string', default: '15' },
    'heavy-runs': { type: 'string', default: '10' },
  },
});
const REQUESTS = Number(args.requests);
const SCALES = args.scales.split(',').map(Number);
const NAIVE_SECONDS = Number(args['naive-seconds']);
const NAIVE_MAX = Number(args['naive-max']);

const fmt = (ms: number) => (Number.isFinite(ms) ? ms.toFixed(ms < 10 ? 2 : 1) : '–');

async function timedGet(server: BenchServer, role: 'viewer' | 'analyst', url: string): Promise<number> {
  const cookie = await server.cookie(role);
  const started = performance.now();
  const res = await fetch(`${server.baseUrl}${url}`, { headers: { cookie } });
  await res.arrayBuffer();
  const ms = performance.now() - started;
  if (!res.ok) throw new Error(`GET ${url} → ${res.status}`);
  return ms;
}

interface EndpointFigures {
  endpoint: string;
  latency: LatencySummary;
  samples: number[];
  urls: string[];
}

async function measureEndpoints(server: BenchServer): Promise<EndpointFigures[]> {
  const figures: EndpointFigures[] = [];
  for (const endpoint of ENDPOINTS) {
    const role = endpoint.role === 'viewer' ? 'viewer' : 'analyst';
    for (const url of requestStream(endpoint, WARM_UP_REQUESTS, 99)) await timedGet(server, role, url);
    const urls = requestStream(endpoint, REQUESTS);
    const samples: number[] = [];
    for (const url of urls) samples.push(await timedGet(server, role, url));
    const latency = summarise(samples);
    figures.push({ endpoint: endpoint.name, latency, samples, urls });
    console.log(`  ${endpoint.name.padEnd(16)} n=${latency.n}  p50 ${fmt(latency.p50)} ms  p95 ${fmt(latency.p95)} ms`);
  }
  return figures;
}

async function pointBytes(server: BenchServer, scale: number) {
  const cookie = await server.cookie('analyst');
  // At scale 1 the whole province; above, one district so the answer stays under the cap.
  const filter = scale === 1 ? '' : '&district=243';
  // fetch() decompresses transparently, so compressed sizes come from Content-Length.
  const fetchSize = async (format: string, encoding: string) => {
    const res = await fetch(`${server.baseUrl}/api/points?layer=groups&limit=500000&format=${format}${filter}`, {
      headers: { cookie, 'Accept-Encoding': encoding },
    });
    const body = await res.arrayBuffer();
    const wire = res.headers.get('Content-Encoding') ? Number(res.headers.get('Content-Length')) : body.byteLength;
    return { bytes: wire, count: Number(res.headers.get('X-Total-Count')) };
  };
  const arrow = await fetchSize('arrow', 'identity');
  const json = await fetchSize('json', 'identity');
  const arrowBr = await fetchSize('arrow', 'br');
  const jsonBr = await fetchSize('json', 'br');
  const perPoint = (b: number) => b / arrow.count;
  console.log(
    `  points: ${arrow.count} groups${filter ? ' (district 243)' : ''}: Arrow ${perPoint(arrow.bytes).toFixed(2)} B/point ` +
      `(${perPoint(arrowBr.bytes).toFixed(2)} with br), JSON ${perPoint(json.bytes).toFixed(2)} B/point (${perPoint(jsonBr.bytes).toFixed(2)} with br); ` +
      `target ≤ ${TARGET_BYTES_PER_POINT} B/point binary: ${perPoint(arrow.bytes) <= TARGET_BYTES_PER_POINT ? 'met' : 'MISSED'}`,
  );
  return { points: arrow.count, arrowBytesPerPoint: perPoint(arrow.bytes), jsonBytesPerPoint: perPoint(json.bytes), arrowBrBytesPerPoint: perPoint(arrowBr.bytes), jsonBrBytesPerPoint: perPoint(jsonBr.bytes) };
}

const verdict = (met: boolean, scale: number) => (scale !== TARGET_SCALE ? `target is for scale ${TARGET_SCALE}` : met ? 'met' : 'MISSED');

async function compareNaive(dataDir: string, figures: EndpointFigures[], scale: number) {
  const started = performance.now();
  const naive = await NaiveAtlas.load(dataDir);
  console.log(`  naive baseline: ${naive.recordCount.toLocaleString('en')} GeoJSON features loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const results = [];
  for (const name of ['summary', 'choropleth'] as const) {
    const ours = figures.find((f) => f.endpoint === name)!;
    const naiveMs: number[] = [];
    const deadline = performance.now() + NAIVE_SECONDS * 1000;
    for (const url of ours.urls.slice(0, NAIVE_MAX)) {
      const params = new URL(url, 'http://x').searchParams;
      const t = performance.now();
      if (name === 'summary') naive.summary(params);
      else naive.choropleth(params);
      naiveMs.push(performance.now() - t);
      if (performance.now() > deadline && naiveMs.length >= 3) break;
    }
    const pairs = naiveMs.map((n, i) => ours.samples[i]! / n);
    const pairRatios = summarise(pairs);
    const oursSame = summarise(ours.samples.slice(0, naiveMs.length));
    const naiveSummary = summarise(naiveMs);
    const speedup = 1 / pairRatios.p50;
    console.log(
      `  ${name.padEnd(10)} same ${naiveMs.length} requests: ours p50 ${fmt(oursSame.p50)} / p95 ${fmt(oursSame.p95)} ms; naive p50 ${fmt(naiveSummary.p50)} / p95 ${fmt(naiveSummary.p95)} ms; ` +
        `ours/naive pair by pair: median ${pairRatios.p50.toExponential(2)}, worst ${Math.max(...pairs).toExponential(2)} → ${speedup.toFixed(0)}× faster (target ≥ ${TARGET_SPEEDUP}×: ${verdict(speedup >= TARGET_SPEEDUP, scale)})`,
    );
    results.push({ endpoint: name, pairs: naiveMs.length, oursMs: oursSame, naiveMs: naiveSummary, ratioMedian: pairRatios.p50, ratioWorst: Math.max(...pairs), speedup });
  }
  return results;
}

/** What proving a data set whole costs (data/store/verify.ts: the sha256 of every output), as the server pays it at start and on a switch. */
async function benchIntegrity(versionDir: string) {
  const runs: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    const check = await verifyVersion(versionDir);
    runs.push(performance.now() - started);
    if (!check.ok) throw new Error(`the bench data set is damaged: ${check.file} (${check.problem})`);
    bytes = check.bytes;
  }
  console.log(`  integrity check (sha256 of every output, ${(bytes / 1024 / 1024).toFixed(1)} MiB): ${runs.map((ms) => ms.toFixed(0)).join(', ')} ms`);
  return { bytes, ms: runs };
}

async function benchScale(scale: number) {
  const dataDir = scale === 1 ? buildDir() : `${buildDir()}-scale${scale}`;
  console.log(`\n== scale ${scale} (${dataDir})`);
  const manifest = await ensureDataset({ store: dataDir, scale, log: (l) => console.log(`  [data] ${l}`) });
  console.log(`  rows: ${Object.entries(manifest.rows).map(([t, n]) => `${t} ${n.toLocaleString('en')}`).join(', ')}`);
  const integrity = await benchIntegrity(activeVersionDir(dataDir)!);
  const server = await startBenchServer(dataDir);
  try {
    console.log(`  latency over ${REQUESTS} requests per endpoint (sequential, after ${WARM_UP_REQUESTS} warm-up requests):`);
    const figures = await measureEndpoints(server);
    for (const name of ['summary', 'choropleth']) {
      const f = figures.find((x) => x.endpoint === name)!;
      console.log(`  target ${name} p95 < ${TARGET_P95_MS} ms: ${verdict(f.latency.p95 < TARGET_P95_MS, scale)} (${fmt(f.latency.p95)} ms)`);
    }
    const points = await pointBytes(server, scale);
    const load = await loadTest(server, Number(args['load-seconds']));
    const naive = await compareNaive(activeVersionDir(dataDir)!, figures, scale);
    const heavy = await benchHeavyPaths(server, activeVersionDir(dataDir)!, Number(args['heavy-runs']));
    return { scale, rows: manifest.rows, endpoints: figures.map(({ endpoint, latency }) => ({ endpoint, ...latency })), points, load, naive, heavy, integrity, server };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** The explore view with the most layers on (group heatmap and model points) beside the briefing, as an analyst. */
const HEAVY_VIEW = '?view=explore&layers=heatmap,models';
const TARGET_HEAVY_VIEW_RATIO = 1.5;

async function benchHeavyView(server: BenchServer, scale: number) {
  ensureWebBuild();
  console.log(`\n== web app (scale ${scale}, headless Chromium, analyst): briefing beside the heaviest explore view`);
  const credentials = { username: 'demo-analyst', password: BENCH_PASSWORD };
  const runs = Number(args['web-runs']);
  const briefing = await benchWeb(server.baseUrl, credentials, { runs });
  const heavy = await benchWeb(server.baseUrl, credentials, { runs, search: HEAVY_VIEW });
  const [b, h] = [summarise(briefing.readyMs).p50, summarise(heavy.readyMs).p50];
  console.log(`  briefing ready: ${briefing.readyMs.join(', ')} ms (p50 ${b}); ${HEAVY_VIEW}: ${heavy.readyMs.join(', ')} ms (p50 ${h})`);
  console.log(`  heavy / briefing: ${(h / b).toFixed(2)}× (target ≤ ${TARGET_HEAVY_VIEW_RATIO}×: ${h / b <= TARGET_HEAVY_VIEW_RATIO ? 'met' : 'MISSED'})`);
  return { briefingMs: briefing.readyMs, heavyMs: heavy.readyMs, view: HEAVY_VIEW, ratio: h / b };
}

const report: Record<string, unknown> = { at: new Date().toISOString(), requests: REQUESTS };
const scales = [];
for (const scale of SCALES) {
  const result = await benchScale(scale);
  if (scale === 1) {
    ensureWebBuild();
    console.log('\n== web app (scale 1, headless Chromium, viewer)');
    const web = await benchWeb(result.server.baseUrl, { username: 'demo-viewer', password: BENCH_PASSWORD }, { runs: Number(args['web-runs']) });
    const ready = summarise(web.readyMs);
    console.log(`  navigation → map ready: ${web.readyMs.join(', ')} ms (p50 ${ready.p50} ms)`);
    console.log(`  initial JS (login screen): ${(web.initialJsBytes / 1024).toFixed(0)} KiB; all JS of the map view: ${(web.totalJsBytes / 1024).toFixed(0)} KiB`);
    report.web = web;
  }
  if (scale === Math.max(...SCALES)) report.webHeavy = await benchHeavyView(result.server, scale);
  await result.server.stop();
  const { server: _server, ...figures } = result;
  scales.push(figures);
}
report.scales = scales;
const out = path.join(REPO_ROOT, 'test-results', 'bench.json');
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nFigures written to ${path.relative(REPO_ROOT, out)}.`);
