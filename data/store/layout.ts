/**
 * The data store (`$TLG_DATA_DIR`, default data/build): immutable data set versions, the
 * pointer to the active one, builds in progress and the lock. Pure paths; nothing here
 * touches the disk.
 *
 *   versions/<version>/   one complete data set (manifest.json, tlg.duckdb, *.parquet, *.geojson)
 *   ACTIVE                one line: the active version id
 *   .tmp-<pid>-<random>/  a build or import in progress (removed by the next run)
 *   .lock/                one build or import at a time
 *   history.jsonl         who activated which version when (append-only)
 */
import path from 'node:path';
import { isVersionId } from './version-id';

export const VERSIONS_DIR = 'versions';
export const ACTIVE_FILE = 'ACTIVE';
export const LOCK_DIR = '.lock';
export const TEMP_PREFIX = '.tmp-';
export const HISTORY_FILE = 'history.jsonl';

export const versionsDir = (store: string) => path.join(store, VERSIONS_DIR);

/** The directory of a version; the id is checked so no input can reach outside versions/. */
export function versionDir(store: string, version: string): string {
  if (!isVersionId(version)) throw new RangeError(`not a data set version id: "${version}"`);
  return path.join(versionsDir(store), version);
}
