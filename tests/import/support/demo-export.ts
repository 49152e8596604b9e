/** The demo groups as a groups register CSV (10,762 rows): a realistic file for the slow tests. */
import { DuckDBInstance } from '@duckdb/node-api';
import path from 'node:path';
import { DUCKDB_OFFLINE_OPTIONS } from '../../../data/pipeline/output/duckdb';

export async function exportDemoGroupsCsv(versionDir: string, target: string): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:', DUCKDB_OFFLINE_OPTIONS);
  const connection = await instance.connect();
  try {
    // COPY needs literal paths; both are our own temp paths.
    await connection.run(
      `COPY (SELECT id, commune_code AS commune, village, area_class, ethnic_minority, religious, founded_on, households, lon, lat
             FROM read_parquet('${path.join(versionDir, 'groups.parquet')}') ORDER BY id) TO '${target}' (HEADER, DELIMITER ',')`,
    );
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
