/**
 * Opening DuckDB for the build: extension auto-install/auto-load off (nothing may reach the
 * network; spatial/h3 are not available offline anyway) and one thread, which makes the
 * Parquet files byte-identical from run to run.
 */
import { DuckDBInstance } from '@duckdb/node-api';

export const DUCKDB_OFFLINE_OPTIONS = {
  autoinstall_known_extensions: 'false',
  autoload_known_extensions: 'false',
} as const;

export async function openBuildDatabase(file: string): Promise<DuckDBInstance> {
  return DuckDBInstance.create(file, { ...DUCKDB_OFFLINE_OPTIONS, threads: '1' });
}
