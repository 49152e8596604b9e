/**
 * Derives the daily rollup (`commune_day`, see data/schema.ts) inside tlg.duckdb once the
 * tables are written, so the server reads it instead of building it at every start. Groups and
 * models count +1 on the day they are founded and −1 on the day they are dissolved, so the
 * running total of a day is what is active on it (founded_on ≤ t < dissolved_on).
 */
import path from 'node:path';
import { BUILD_FILES, RECORD_KINDS, ROLLUP_MEASURES, ROLLUP_TABLE, type RecordKind } from '../../schema';
import { openBuildDatabase } from './duckdb';

const DATE_COLUMN = { groups: 'founded_on', models: 'founded_on', tips: 'date', events: 'date' } as const;
/** Stock tables: their records stop counting on `dissolved_on`. */
const DISSOLVING = ['groups', 'models'] as const;

/** The statement, from the fixed measure list (no input reaches it). */
function rollupStatement(): string {
  const measuresOf = (table: RecordKind) => ROLLUP_MEASURES.filter((m) => m.table === table);
  const perTable = RECORD_KINDS.map(
    (table) => `SELECT commune_code, ${DATE_COLUMN[table]} AS day, ${measuresOf(table).map((m) => `(${m.aggregate})::BIGINT AS ${m.column}`).join(', ')}
            FROM ${table} GROUP BY ALL`,
  );
  const dissolutions = DISSOLVING.map(
    (table) => `SELECT commune_code, dissolved_on AS day, ${measuresOf(table).map((m) => `(-(${m.aggregate}))::BIGINT AS ${m.column}`).join(', ')}
            FROM ${table} WHERE dissolved_on IS NOT NULL GROUP BY ALL`,
  );
  const sums = ROLLUP_MEASURES.map((m) => `coalesce(sum(${m.column}), 0) AS ${m.column}`).join(', ');
  const cumulative = ROLLUP_MEASURES.map((m) => `sum(${m.column}) OVER w AS ${m.column}`).join(', ');
  const filled = ROLLUP_MEASURES.map((m) => `coalesce(r.${m.column}, 0)::INTEGER AS ${m.column}`).join(',\n      ');
  // Running totals are computed on the days that change something (few), then every day of every
  // commune takes the last of them at or before it (ASOF join): far cheaper than a window over
  // the whole dense commune × day grid.
  return `CREATE TABLE ${ROLLUP_TABLE} AS
    WITH daily AS (${[...perTable, ...dissolutions].join('\nUNION ALL BY NAME\n')}),
    per_day AS (SELECT commune_code, day, ${sums} FROM daily GROUP BY ALL),
    running AS (SELECT commune_code, day, ${cumulative} FROM per_day
                WINDOW w AS (PARTITION BY commune_code ORDER BY day ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)),
    bounds AS (SELECT min(day) AS first_day, max(day) AS last_day FROM per_day),
    days AS (SELECT unnest(range(first_day, last_day + INTERVAL 1 DAY, INTERVAL 1 DAY))::DATE AS day FROM bounds),
    grid AS (SELECT c.code AS commune_code, c.district_code, d.day FROM communes c CROSS JOIN days d)
    SELECT g.commune_code, g.district_code, g.day,
      ${filled}
    FROM grid g ASOF LEFT JOIN running r ON r.commune_code = g.commune_code AND r.day <= g.day
    ORDER BY g.day, g.commune_code`;
}

/** Adds the rollup to the database in `dir`; returns its row count. */
export async function writeRollup(dir: string): Promise<number> {
  const instance = await openBuildDatabase(path.join(dir, BUILD_FILES.database));
  const connection = await instance.connect();
  try {
    await connection.run(rollupStatement());
    await connection.run('CHECKPOINT');
    const reader = await connection.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM ${ROLLUP_TABLE}`);
    return Number(reader.getRowObjectsJS()[0]?.n ?? 0);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
