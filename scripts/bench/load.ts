/**
 * Load: CONNECTIONS concurrent keep-alive connections (autocannon) on summary and choropleth for
 * a fixed time, every request a different valid URL from the bench's request stream (periods,
 * districts, metrics), logged in as a viewer. Reports requests per second, errors (non-2xx,
 * connection errors, timeouts) and p50 / p99 / worst latency against the hardening targets;
 * asserts nothing.
 */
import autocannon from 'autocannon';
import { METRIC_LAYER, SENSITIVE_LAYERS, type ChoroplethMetric } from '#contract';
import { ENDPOINTS, requestStream } from './requests';
import type { BenchServer } from './server-process';

/** The hardening issue's load: 128 connections, no error, p99 < 500 ms, worst < 2 s. */
export const CONNECTIONS = 128;
const TARGET_P99_MS = 500;
const TARGET_MAX_MS = 2000;
/** Distinct URLs cycled through: far more than are in flight, so answers are computed, not repeated. */
const URLS_PER_ENDPOINT = 5000;
/** A client that waits this long has failed; autocannon counts it as a timeout. */
const TIMEOUT_SECONDS = 10;

export interface LoadFigures {
  endpoint: string;
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  errors: number;
  non2xx: number;
  timeouts: number;
  p50: number;
  p99: number;
  max: number;
}

const DATA_END = '2022-10-25';

/**
 * A viewer gets tip and event maps for whole calendar years only (the reporting calendar), as the
 * web app's year slider asks for them: such a URL's period is widened to the years it touches.
 */
function asViewerAsks(url: string): string {
  const parsed = new URL(url, 'http://bench');
  const metric = parsed.searchParams.get('metric') as ChoroplethMetric | null;
  if (!metric || !(SENSITIVE_LAYERS as readonly string[]).includes(METRIC_LAYER[metric])) return url;
  const from = parsed.searchParams.get('from') ?? '2017-01-01';
  const to = parsed.searchParams.get('to') ?? DATA_END;
  parsed.searchParams.set('from', `${from.slice(0, 4)}-01-01`);
  parsed.searchParams.set('to', `${to.slice(0, 4)}-12-31` > DATA_END ? DATA_END : `${to.slice(0, 4)}-12-31`);
  return `${parsed.pathname}${parsed.search}`;
}

function run(server: BenchServer, cookie: string, urls: string[], seconds: number): Promise<autocannon.Result> {
  let next = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: server.baseUrl,
        connections: CONNECTIONS,
        duration: seconds,
        timeout: TIMEOUT_SECONDS,
        headers: { cookie, 'accept-encoding': 'br, gzip' },
        requests: [{ setupRequest: (request) => ({ ...request, path: urls[next++ % urls.length]! }) }],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

export async function loadTest(server: BenchServer, seconds: number): Promise<LoadFigures[]> {
  const cookie = await server.cookie('viewer');
  const figures: LoadFigures[] = [];
  for (const name of ['summary', 'choropleth']) {
    const endpoint = ENDPOINTS.find((e) => e.name === name)!;
    const result = await run(server, cookie, requestStream(endpoint, URLS_PER_ENDPOINT, CONNECTIONS).map(asViewerAsks), seconds);
    const f: LoadFigures = {
      endpoint: name,
      connections: CONNECTIONS,
      seconds: result.duration,
      requests: result.requests.total,
      requestsPerSecond: result.requests.total / result.duration,
      errors: result.errors,
      non2xx: result.non2xx,
      timeouts: result.timeouts,
      p50: result.latency.p50,
      p99: result.latency.p99,
      max: result.latency.max,
    };
    const failures = f.errors + f.non2xx;
    const met = failures === 0 && f.p99 < TARGET_P99_MS && f.max < TARGET_MAX_MS;
    console.log(
      `  load ${name.padEnd(10)} ${CONNECTIONS} connections × ${f.seconds.toFixed(0)} s: ${f.requests} requests (${f.requestsPerSecond.toFixed(0)}/s), ` +
        `${failures} errors (non-2xx ${f.non2xx}, timeouts ${f.timeouts}); p50 ${f.p50} ms, p99 ${f.p99} ms, worst ${f.max} ms ` +
        `(target no error, p99 < ${TARGET_P99_MS} ms, worst < ${TARGET_MAX_MS} ms: ${met ? 'met' : 'MISSED'})`,
    );
    figures.push(f);
  }
  return figures;
}
