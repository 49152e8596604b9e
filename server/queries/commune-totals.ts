/**
 * Every measure per commune for a filter, read from the daily rollup: stocks (groups, models)
 * as running totals at `to`, flows (tips, events) as the difference between the running totals
 * at `to` and the day before `from`.
 */
import type { Database } from '../db/database';
import { MEASURES, ROLLUP_TABLE, type RollupBounds } from '../db/rollups';
import type { DataFilter } from './filters';

export type MeasureColumn = (typeof MEASURES)[number]['column'];
export type CommuneTotals = Map<string, Record<string, number>>;

const isFlow = (table: string) => table === 'tips' || table === 'events';

// $1 end day, $2 day before the start (NULL = from the beginning), $3 district (NULL = all)
const TOTALS_SQL = `
  SELECT e.commune_code AS code, e.district_code,
    (e.groups_n - coalesce(b.groups_n, 0))::INTEGER AS groups_new,
    ${MEASURES.map((m) => (isFlow(m.table) ? `(e.${m.column} - coalesce(b.${m.column}, 0))::INTEGER AS ${m.column}` : `e.${m.column}`)).join(',\n    ')}
  FROM ${ROLLUP_TABLE} e
  LEFT JOIN ${ROLLUP_TABLE} b ON b.commune_code = e.commune_code AND b.day = $2::DATE
  WHERE e.day = $1::DATE AND ($3::VARCHAR IS NULL OR e.district_code = $3::VARCHAR)`;

function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export interface RollupSource {
  db: Database;
  rollup: RollupBounds;
}

/** Totals per commune code; communes outside the filter's district are absent. */
export async function communeTotals(source: RollupSource, filter: DataFilter): Promise<CommuneTotals> {
  const { firstDay, lastDay } = source.rollup;
  const { from, to } = filter.period;
  // Nothing exists before the first day; after the last day the totals stay as they were.
  if (to < firstDay) return new Map();
  const end = to > lastDay ? lastDay : to;
  const before = dayBefore(from) < firstDay ? null : dayBefore(from) > lastDay ? lastDay : dayBefore(from);
  const rows = await source.db.all<{ code: string; district_code: string } & Record<string, number>>(TOTALS_SQL, [end, before, filter.district]);
  return new Map(rows.map(({ code, district_code: _district, ...measures }) => [code, measures as Record<string, number>]));
}

/** Sum of every measure over the communes (all of them, or those `include` accepts). */
export function sumTotals(totals: CommuneTotals, include: (code: string) => boolean = () => true): Record<string, number> {
  const sum: Record<string, number> = {};
  for (const [code, measures] of totals) {
    if (!include(code)) continue;
    for (const [column, value] of Object.entries(measures)) sum[column] = (sum[column] ?? 0) + value;
  }
  return sum;
}
