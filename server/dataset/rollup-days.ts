/**
 * Reads of the daily rollup one day at a time: a day's running totals for every commune,
 * kept in memory once read. A period query needs two days (its end and the day before its
 * start). `warm()` reads every day after the data set loads, a few weeks at a time (the whole rollup is
 * ~15 KB a day, some 30 MB for the demo's six years), so answers never wait for a point lookup,
 * which is where DuckDB is slowest.
 */
import { addDays } from './days';
import type { Database } from './database';
import { MEASURES, ROLLUP_TABLE, type RollupBounds } from './rollups';

/** One day's running totals: per measure, a value per commune in `communes` order. */
export type DayTotals = Record<string, Int32Array>;

const MEASURE_COLUMNS = MEASURES.map((m) => m.column).join(', ');
// every running total of the communes on day $1
const DAY_SQL = `SELECT commune_code, ${MEASURE_COLUMNS} FROM ${ROLLUP_TABLE} WHERE day = $1::DATE`;
// every running total of the days in [$1, $2)
const DAYS_SQL = `SELECT strftime(day, '%Y-%m-%d') AS day, commune_code, ${MEASURE_COLUMNS} FROM ${ROLLUP_TABLE} WHERE day >= $1::DATE AND day < $2::DATE`;

/**
 * Days read per warm-up query. Turning a result into JS values runs on the main thread: the whole
 * rollup at once held it for about 3 s (no request answered meanwhile); four weeks of 137
 * communes take some 30 ms, and requests are served between them.
 */
const WARM_DAYS_PER_QUERY = 28;

/** The key of the rows of a one-day read (they carry no day column). */
const ONE_DAY = '';

export class RollupDays {
  private readonly cache = new Map<string, Promise<DayTotals>>();
  private readonly index: Map<string, number>;

  constructor(
    private readonly db: Database,
    readonly bounds: RollupBounds,
    /** Commune codes in the order of every DayTotals array. */
    readonly communes: readonly string[],
  ) {
    this.index = new Map(communes.map((code, i) => [code, i]));
  }

  /** The running totals at the end of `day` (a day inside the bounds). */
  day(day: string): Promise<DayTotals> {
    let totals = this.cache.get(day);
    if (!totals) {
      totals = this.db.columns(DAY_SQL, [day]).then((columns) => this.byDay(columns).get(ONE_DAY) ?? this.empty());
      totals.catch(() => this.cache.delete(day));
      this.cache.set(day, totals);
    }
    return totals;
  }

  /** Whether `warm()` has read every day (`/api/health` says so; the bench measures a warm server). */
  warmed = false;

  /** Reads every day, a few weeks per query, yielding to other work in between; stops when the data set closes. */
  async warm(): Promise<void> {
    for (let from = this.bounds.firstDay; from <= this.bounds.lastDay && !this.db.isClosed; from = addDays(from, WARM_DAYS_PER_QUERY)) {
      const columns = await this.db.columns(DAYS_SQL, [from, addDays(from, WARM_DAYS_PER_QUERY)]);
      for (const [day, totals] of this.byDay(columns)) if (!this.cache.has(day)) this.cache.set(day, Promise.resolve(totals));
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.warmed = !this.db.isClosed;
  }

  /** Rows (day, commune, measures…) arranged as one DayTotals per day; rows without `day` are ONE_DAY's. */
  private byDay(columns: Record<string, unknown[]>): Map<string, DayTotals> {
    const codes = (columns.commune_code ?? []) as string[];
    const days = columns.day as string[] | undefined;
    const result = new Map<string, DayTotals>();
    codes.forEach((code, row) => {
      const i = this.index.get(code);
      if (i === undefined) return;
      const day = days?.[row] ?? ONE_DAY;
      let totals = result.get(day);
      if (!totals) {
        totals = this.empty();
        result.set(day, totals);
      }
      for (const { column } of MEASURES) totals[column]![i] = (columns[column]![row] as number) ?? 0;
    });
    return result;
  }

  private empty(): DayTotals {
    return Object.fromEntries(MEASURES.map(({ column }) => [column, new Int32Array(this.communes.length)]));
  }
}
