/** The period of a real data set: from its earliest to its latest record date, queried back from tlg.duckdb. */
import { DuckDBInstance } from '@duckdb/node-api';
import path from 'node:path';
import type { Period } from '#contract';
import { BUILD_FILES } from '../../schema';
import { DUCKDB_OFFLINE_OPTIONS } from './duckdb';

// every date a record carries: foundings, dissolutions, tips and events
const RECORD_DATES_SQL = `WITH d AS (
    SELECT founded_on AS day FROM groups UNION ALL SELECT dissolved_on FROM groups
    UNION ALL SELECT founded_on FROM models UNION ALL SELECT dissolved_on FROM models
    UNION ALL SELECT date FROM tips UNION ALL SELECT date FROM events)
  SELECT strftime(min(day), '%Y-%m-%d') AS first, strftime(max(day), '%Y-%m-%d') AS last FROM d`;

export async function queryRecordPeriod(dir: string): Promise<Period | undefined> {
  const instance = await DuckDBInstance.create(path.join(dir, BUILD_FILES.database), { ...DUCKDB_OFFLINE_OPTIONS, access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  try {
    const row = (await connection.runAndReadAll(RECORD_DATES_SQL)).getRowObjectsJS()[0];
    return row?.first && row.last ? { from: String(row.first), to: String(row.last) } : undefined;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
