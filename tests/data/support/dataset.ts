/**
 * Test builds of the data set in the OS temp folder (never inside the repo): stores holding
 * versions, a shared default store reused across test files (ensureDataset skips it when
 * fresh), read through the active version's real tlg.duckdb in read-only mode.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, type Dirent } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { ensureDataset, type EnsureDatasetOptions } from '../../../data/pipeline/ensure';
import { activeVersionDir } from '../../../data/store/active';
import { DUCKDB_OFFLINE_OPTIONS } from '../../../data/pipeline/output/duckdb';
import { BUILD_FILES, type Manifest } from '../../../data/schema';

/** Stores (not flat builds) since data sets became versions: a root of their own. */
export const TEST_BUILDS_ROOT = path.join(os.tmpdir(), 'tlg-atlas-data-stores');

export interface TestBuild {
  /** The store. */
  store: string;
  /** Its active version's directory. */
  dir: string;
  manifest: Manifest;
}

/** Ensures a demo data set in `store` and returns its active version. */
export async function buildInto(store: string, options: Omit<EnsureDatasetOptions, 'store'> = {}): Promise<TestBuild> {
  const manifest = await ensureDataset({ ...options, store });
  const dir = activeVersionDir(store);
  if (!dir) throw new Error(`no active version in ${store}`);
  return { store, dir, manifest };
}

/** The default build (default seed, scale 1), shared by the data tests. */
export function defaultBuild(): Promise<TestBuild> {
  return buildInto(path.join(TEST_BUILDS_ROOT, 'default'));
}

export type Row = Record<string, unknown>;

/** Runs queries against a build's tlg.duckdb, read-only. */
export async function withDatabase<T>(dir: string, use: (query: (sql: string) => Promise<Row[]>) => Promise<T>): Promise<T> {
  const instance = await DuckDBInstance.create(path.join(dir, BUILD_FILES.database), { ...DUCKDB_OFFLINE_OPTIONS, access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  try {
    return await use(async (sql) => (await connection.runAndReadAll(sql)).getRowObjectsJS() as Row[]);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

export type AreaCollection = FeatureCollection<Polygon | MultiPolygon, Record<string, unknown>> & Record<string, unknown>;

export function readGeojson(dir: string, file: string): AreaCollection {
  return JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as AreaCollection;
}

/** sha256 of every Parquet and GeoJSON output of a build, by file name. */
export function outputHashes(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith('.parquet') || f.endsWith('.geojson'))
      .sort()
      .map((f) => [f, createHash('sha256').update(readFileSync(path.join(dir, f))).digest('hex')]),
  );
}

/** sha256 of every file under a directory, by relative path (to prove a store was left untouched). */
export function directoryFingerprint(dir: string): Record<string, string> {
  return Object.fromEntries(
    (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name))
      .sort()
      .map((file) => [path.relative(dir, file), createHash('sha256').update(readFileSync(file)).digest('hex')]),
  );
}
