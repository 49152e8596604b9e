/**
 * Counts per year or month for one layer in a scope (province, district or commune), with
 * every period of the range present (zeros filled) and cumulative stock layers.
 */
import type { UnitLevel } from '../contract';
import type { Database, Params } from '../db/database';
import type { Period } from '../contract';

export const TIMESERIES_LAYERS = ['groups_active', 'groups_new', 'tips', 'events', 'models'] as const;
export type TimeseriesLayer = (typeof TIMESERIES_LAYERS)[number];
export type Interval = 'year' | 'month';

export interface Scope {
  level: UnitLevel;
  code: string;
}

interface LayerSource {
  table: 'groups' | 'tips' | 'events' | 'models';
  dateColumn: 'founded_on' | 'date';
  /** SQL aggregate: rows, or summed quantity for events. */
  measure: 'count(*)' | 'sum(quantity)';
  /** Stock layers report the running total of everything founded up to each period's end. */
  cumulative: boolean;
}

const SOURCES: Record<TimeseriesLayer, LayerSource> = {
  groups_active: { table: 'groups', dateColumn: 'founded_on', measure: 'count(*)', cumulative: true },
  groups_new: { table: 'groups', dateColumn: 'founded_on', measure: 'count(*)', cumulative: false },
  tips: { table: 'tips', dateColumn: 'date', measure: 'count(*)', cumulative: false },
  events: { table: 'events', dateColumn: 'date', measure: 'sum(quantity)', cumulative: false },
  models: { table: 'models', dateColumn: 'founded_on', measure: 'count(*)', cumulative: true },
};

const SCOPE_COLUMN: Record<UnitLevel, string> = {
  province: "'province'",
  district: 'district_code',
  commune: 'commune_code',
};

const PERIOD_FORMAT: Record<Interval, string> = { year: '%Y', month: '%Y-%m' };

/**
 * Builds the statement from fixed identifiers only (table, column, format come from the maps
 * above, never from input); the values are bound: $1 from, $2 to, $3 scope code.
 */
function statement(source: LayerSource, level: UnitLevel, interval: Interval): string {
  const scope = level === 'province' ? 'TRUE' : `${SCOPE_COLUMN[level]} = $3::VARCHAR`;
  const lower = source.cumulative ? 'TRUE' : `${source.dateColumn} >= $1::DATE`;
  // rows at or before the period end; for cumulative layers everything before `from` is one
  // bucket '' that seeds the running total
  return `SELECT CASE WHEN ${source.dateColumn} < $1::DATE THEN '' ELSE strftime(${source.dateColumn}, '${PERIOD_FORMAT[interval]}') END AS period,
                 (${source.measure})::INTEGER AS n
          FROM ${source.table}
          WHERE ${source.dateColumn} <= $2::DATE AND ${lower} AND ${scope}
          GROUP BY 1`;
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
  db: Database,
  layer: TimeseriesLayer,
  interval: Interval,
  scope: Scope,
  period: Period,
): Promise<{ period: string; value: number }[]> {
  const source = SOURCES[layer];
  const params: Params = [period.from, period.to, scope.code];
  const sql = statement(source, scope.level, interval);
  const rows = await db.all<{ period: string; n: number }>(sql, scope.level === 'province' ? params.slice(0, 2) : params);
  const byPeriod = new Map(rows.map((r) => [r.period, r.n]));
  let running = source.cumulative ? (byPeriod.get('') ?? 0) : 0;
  return periodLabels(period, interval).map((label) => {
    const n = byPeriod.get(label) ?? 0;
    if (!source.cumulative) return { period: label, value: n };
    running += n;
    return { period: label, value: running };
  });
}
