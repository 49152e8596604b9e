/**
 * Rollups derived at load: for every commune and every day of the data, the running totals of
 * each measure (`memory.main.commune_day`). A stock at date t is one row per commune
 * (day = t); a flow over [from, to] is the difference of two rows. Every period query then
 * reads 137–274 rows instead of scanning the records, whatever the scale of the data.
 */
import { AREA_CLASSES, MODEL_SETTINGS, OUTCOME_KINDS } from '../contract';
import type { Database } from './database';

/** A running-total column: its name and the aggregate over the source rows of one day. */
interface Measure {
  column: string;
  table: 'groups' | 'models' | 'tips' | 'events';
  aggregate: string;
}

const DATE_COLUMN = { groups: 'founded_on', models: 'founded_on', tips: 'date', events: 'date' } as const;

export const MEASURES: Measure[] = [
  { column: 'groups_n', table: 'groups', aggregate: 'count(*)' },
  { column: 'groups_households', table: 'groups', aggregate: 'sum(households)' },
  ...AREA_CLASSES.map((c) => ({ column: `groups_${c}`, table: 'groups' as const, aggregate: `count(*) FILTER (WHERE area_class = '${c}')` })),
  { column: 'groups_ethnic_minority', table: 'groups', aggregate: 'count(*) FILTER (WHERE ethnic_minority)' },
  { column: 'groups_religious', table: 'groups', aggregate: 'count(*) FILTER (WHERE religious)' },
  { column: 'models_n', table: 'models', aggregate: 'count(*)' },
  ...MODEL_SETTINGS.map((s) => ({ column: `models_${s}`, table: 'models' as const, aggregate: `count(*) FILTER (WHERE setting = '${s}')` })),
  { column: 'tips_n', table: 'tips', aggregate: 'count(*)' },
  { column: 'events_n', table: 'events', aggregate: 'sum(quantity)' },
  ...OUTCOME_KINDS.map((k) => ({ column: `events_${k}`, table: 'events' as const, aggregate: `sum(quantity) FILTER (WHERE kind = '${k}')` })),
];

export const ROLLUP_TABLE = 'memory.main.commune_day';

/** The build statement, from the fixed measure list above (no input reaches it). */
function rollupStatement(): string {
  const perTable = (['groups', 'models', 'tips', 'events'] as const).map((table) => {
    const own = MEASURES.filter((m) => m.table === table);
    return `SELECT commune_code, ${DATE_COLUMN[table]} AS day, ${own.map((m) => `(${m.aggregate})::BIGINT AS ${m.column}`).join(', ')}
            FROM ${table} GROUP BY ALL`;
  });
  const sums = MEASURES.map((m) => `coalesce(sum(${m.column}), 0) AS ${m.column}`).join(', ');
  const running = MEASURES.map((m) => `(sum(coalesce(p.${m.column}, 0)) OVER w)::INTEGER AS ${m.column}`).join(',\n      ');
  return `CREATE OR REPLACE TABLE ${ROLLUP_TABLE} AS
    WITH daily AS (${perTable.join('\nUNION ALL BY NAME\n')}),
    per_day AS (SELECT commune_code, day, ${sums} FROM daily GROUP BY ALL),
    bounds AS (SELECT min(day) AS first_day, max(day) AS last_day FROM per_day),
    days AS (SELECT unnest(range(first_day, last_day + INTERVAL 1 DAY, INTERVAL 1 DAY))::DATE AS day FROM bounds)
    SELECT c.code AS commune_code, c.district_code, d.day,
      ${running}
    FROM communes c CROSS JOIN days d
    LEFT JOIN per_day p ON p.commune_code = c.code AND p.day = d.day
    WINDOW w AS (PARTITION BY c.code ORDER BY d.day ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
    ORDER BY d.day, c.code`;
}

export interface RollupBounds {
  firstDay: string;
  lastDay: string;
}

/** Builds the rollup and returns the first and last day it covers. */
export async function buildRollups(db: Database): Promise<RollupBounds> {
  await db.derive(rollupStatement());
  const bounds = await db.one<{ first_day: string; last_day: string }>(
    `SELECT strftime(min(day), '%Y-%m-%d') AS first_day, strftime(max(day), '%Y-%m-%d') AS last_day FROM ${ROLLUP_TABLE}`,
  );
  return { firstDay: bounds.first_day, lastDay: bounds.last_day };
}
