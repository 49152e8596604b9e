/**
 * Counts per year or month for one layer in a scope (province, district or commune), every
 * period of the range present: read from the daily rollup's running totals at each period's
 * end, so the cost does not grow with the number of records.
 */
import { listValue } from '@duckdb/node-api';
import type { Period, TimeseriesInterval as Interval, TimeseriesLayer, UnitLevel } from '#contract';
import type { Database } from '../dataset/database';
import type { RollupDays } from '../dataset/rollup-days';
import { ROLLUP_TABLE } from '../dataset/rollups';
import { clampDay, dayBefore, lastDayOf } from '../dataset/days';


export interface Scope {
  level: UnitLevel;
  code: string;
}

/** The running total behind a layer, and whether the layer reports it (stock) or its growth per period (flow). */
const LAYERS: Record<TimeseriesLayer, { column: string; stock: boolean }> = {
  groups_active: { column: 'groups_n', stock: true },
  groups_new: { column: 'groups_n', stock: false },
  tips: { column: 'tips_n', stock: false },
  events: { column: 'events_n', stock: false },
  models: { column: 'models_n', stock: true },
};

const SCOPE_FILTER: Record<UnitLevel, string> = {
  province: '$2::VARCHAR IS NOT NULL',
  district: 'district_code = $2::VARCHAR',
  commune: 'commune_code = $2::VARCHAR',
};

/** Fixed identifiers only (column from LAYERS, filter from SCOPE_FILTER): $1 the days, $2 the scope's code. */
function statement(column: string, level: UnitLevel): string {
  return `SELECT strftime(day, '%Y-%m-%d') AS day, sum(${column})::INTEGER AS total
          FROM ${ROLLUP_TABLE} WHERE list_contains($1::DATE[], day) AND ${SCOPE_FILTER[level]} GROUP BY day`;
}

/** Every period label between from and to inclusive. */
export function periodLabels(period: Period, interval: Interval): string[] {
  const labels: string[] = [];
  const [fromYear, fromMonth] = [Number(period.from.slice(0, 4)), Number(period.from.slice(5, 7))];
  const [toYear, toMonth] = [Number(period.to.slice(0, 4)), Number(period.to.slice(5, 7))];
  if (interval === 'year') {
    for (let y = fromYear; y <= toYear; y++) labels.push(String(y));
    return labels;
  }
  for (let y = fromYear, m = fromMonth; y < toYear || (y === toYear && m <= toMonth); m === 12 ? (y++, (m = 1)) : m++) {
    labels.push(`${y}-${String(m).padStart(2, '0')}`);
  }
  return labels;
}

export async function timeseries(
  source: { db: Database; rollup: RollupDays },
  layer: TimeseriesLayer,
  interval: Interval,
  scope: Scope,
  period: Period,
): Promise<{ period: string; value: number }[]> {
  const { column, stock } = LAYERS[layer];
  const { firstDay, lastDay } = source.rollup.bounds;
  const labels = periodLabels(period, interval);
  // Running totals are 0 before the first day of the data and constant after its last.
  const runningDay = (day: string) => (day < firstDay ? null : clampDay(day, firstDay, lastDay));
  const ends = labels.map((label) => runningDay(lastDayOf(label) > period.to ? period.to : lastDayOf(label)));
  const start = runningDay(dayBefore(period.from));
  const days = [...new Set([...ends, start].filter((d): d is string => d !== null))];
  // A period that ends before the first record has no day to read (and DuckDB cannot type an empty list).
  const rows = days.length === 0 ? [] : await source.db.all<{ day: string; total: number }>(statement(column, scope.level), [listValue(days), scope.code]);
  const running = new Map(rows.map((r) => [r.day, r.total]));
  const at = (day: string | null) => (day === null ? 0 : (running.get(day) ?? 0));
  let previous = at(start);
  return labels.map((label, i) => {
    const total = at(ends[i]!);
    const value = stock ? total : total - previous;
    previous = total;
    return { period: label, value };
  });
}
