/**
 * What an import builds on: the store's active version. Imported records are never mixed with
 * simulated ones, so over the demo data the other registers start empty and no group exists yet.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import path from 'node:path';
import { DUCKDB_OFFLINE_OPTIONS } from '../pipeline/output/duckdb';
import type { Manifest } from '../schema';
import { activeVersionDir } from '../store/active';
import { readManifest } from '../store/read-manifest';
import type { KnownGroup } from './rules/context';

export interface ActiveData {
  /** The active version when it holds real (imported) records; undefined over demo data or an empty store. */
  real?: { dir: string; manifest: Manifest };
  /** The version that was active (demo or real), for the report. */
  activeVersion?: string;
}

export function activeData(store: string): ActiveData {
  const dir = activeVersionDir(store);
  const manifest = dir ? readManifest(dir) : undefined;
  if (!dir || !manifest) return {};
  return manifest.synthetic ? { activeVersion: manifest.version } : { activeVersion: manifest.version, real: { dir, manifest } };
}

// every group of a version: id, commune, active span as day numbers
const GROUPS_SQL = `SELECT id, commune_code, (founded_on - DATE '1970-01-01')::INTEGER AS founded,
    (dissolved_on - DATE '1970-01-01')::INTEGER AS dissolved FROM read_parquet($1)`;

export async function knownGroups(active: ActiveData): Promise<Map<string, KnownGroup>> {
  const groups = new Map<string, KnownGroup>();
  if (!active.real) return groups;
  const instance = await DuckDBInstance.create(':memory:', { ...DUCKDB_OFFLINE_OPTIONS, threads: '1' });
  const connection = await instance.connect();
  try {
    const result = await connection.stream(GROUPS_SQL, [path.join(active.real.dir, 'groups.parquet')]);
    for await (const rows of result.yieldRowsJs()) {
      for (const [id, communeCode, founded, dissolved] of rows) {
        groups.set(String(id), { communeCode: String(communeCode), foundedOn: Number(founded), dissolvedOn: dissolved === null ? null : Number(dissolved) });
      }
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  return groups;
}
