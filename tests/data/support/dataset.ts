/**
 * Test builds of the data set in the OS temp folder (never inside the repo): a shared
 * default build reused across test files (ensureDataset skips it when fresh), read through
 * the real tlg.duckdb in read-only mode.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { ensureDataset } from '../../../data/pipeline/ensure';
import { DUCKDB_OFFLINE_OPTIONS } from '../../../data/pipeline/output/duckdb';
import { BUILD_FILES, type Manifest } from '../../../data/schema';

export const TEST_BUILDS_ROOT = path.join(os.tmpdir(), 'tlg-atlas-data-tests');

export interface TestBuild {
  dir: string;
  manifest: Manifest;
}

/** The default build (default seed, scale 1), shared by the data tests. */
export async function defaultBuild(): Promise<TestBuild> {
  const dir = path.join(TEST_BUILDS_ROOT, 'default');
  return { dir, manifest: await ensureDataset({ buildDir: dir }) };
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

/** sha256 of every file of a directory (to prove a build dir was left untouched). */
export function directoryFingerprint(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((f) => [f, createHash('sha256').update(readFileSync(path.join(dir, f))).digest('hex')]),
  );
}
