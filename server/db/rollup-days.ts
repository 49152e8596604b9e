/**
 * Reads of the daily rollup, one day at a time: a day's running totals for every commune,
 * fetched from DuckDB on first use and kept in a small LRU cache. A period query needs two
 * days (its end and the day before its start), so repeated periods, and periods sharing an
 * end, cost no query at all; DuckDB is at its best scanning, not at point lookups.
 */
import type { Database } from './database';
import { MEASURES, ROLLUP_TABLE, type RollupBounds } from './rollups';

/**
 * A day of totals is ~15 KB (27 measures × 137 communes); 4,096 days (≈ 60 MB) hold every day
 * of a decade of data, so after warm-up no period query goes back to DuckDB.
 */
const CACHED_DAYS = 4096;

/** One day's running totals: per measure, a value per commune in `communes` order. */
export type DayTotals = Record<string, Int32Array>;

// every running total of the communes on day $1
const DAY_SQL = `SELECT commune_code, ${MEASURES.map((m) => m.column).join(', ')} FROM ${ROLLUP_TABLE} WHERE day = $1::DATE`;

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
    const cached = this.cache.get(day);
    if (cached) {
      this.cache.delete(day);
      this.cache.set(day, cached);
      return cached;
    }
    const loading = this.load(day);
    this.cache.set(day, loading);
    loading.catch(() => this.cache.delete(day));
    if (this.cache.size > CACHED_DAYS) this.cache.delete(this.cache.keys().next().value as string);
    return loading;
  }

  private async load(day: string): Promise<DayTotals> {
    const columns = await this.db.columns(DAY_SQL, [day]);
    const codes = (columns.commune_code ?? []) as string[];
    const totals: DayTotals = {};
    for (const { column } of MEASURES) {
      const values = (columns[column] ?? []) as number[];
      const ordered = new Int32Array(this.communes.length);
      codes.forEach((code, row) => {
        const i = this.index.get(code);
        if (i !== undefined) ordered[i] = values[row]!;
      });
      totals[column] = ordered;
    }
    return totals;
  }
}
