/**
 * Calendar dates as whole days since 1970-01-01 (UTC), the representation DuckDB's DATE
 * uses. Pure arithmetic: the build never reads the clock for anything it writes.
 */

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function dayFromIso(iso: string): number {
  const match = ISO_DATE.exec(iso);
  if (!match) throw new RangeError(`not an ISO date (YYYY-MM-DD): ${iso}`);
  const [, y, m, d] = match;
  const ms = Date.UTC(Number(y), Number(m) - 1, Number(d));
  const day = ms / MS_PER_DAY;
  if (isoFromDay(day) !== iso) throw new RangeError(`not a calendar date: ${iso}`);
  return day;
}

export function isoFromDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function yearOfDay(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** First day of a calendar year. */
export function startOfYear(year: number): number {
  return Date.UTC(year, 0, 1) / MS_PER_DAY;
}
