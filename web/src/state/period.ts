/**
 * Periods the UI offers: the whole published period, a single year, everything up to the end
 * of a year (how the network grew), or custom dates. Pure functions over ISO date strings.
 */
import { PUBLISHED_PERIOD, type Period } from '#contract';
import type { BreaksBasis } from '#contract/api';

export const FIRST_YEAR = Number(PUBLISHED_PERIOD.from.slice(0, 4));
export const LAST_YEAR = Number(PUBLISHED_PERIOD.to.slice(0, 4));

export type PeriodMode = 'all' | 'cumulative' | 'year' | 'custom';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isIsoDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** The data end on the review conference date, so the last year stops there. */
function yearStart(year: number): string {
  return year === FIRST_YEAR ? PUBLISHED_PERIOD.from : `${year}-01-01`;
}

export function yearEnd(year: number): string {
  return year >= LAST_YEAR ? PUBLISHED_PERIOD.to : `${year}-12-31`;
}

function clampYear(year: number): number {
  return Math.min(LAST_YEAR, Math.max(FIRST_YEAR, Math.round(year)));
}

export function wholePeriod(): Period {
  return { from: PUBLISHED_PERIOD.from, to: PUBLISHED_PERIOD.to };
}

export function periodForYear(year: number, mode: 'cumulative' | 'year'): Period {
  const y = clampYear(year);
  return { from: mode === 'year' ? yearStart(y) : PUBLISHED_PERIOD.from, to: yearEnd(y) };
}

/** The year the slider shows: the year the period ends in. */
export function yearOfPeriod(period: Period): number {
  return clampYear(Number(period.to.slice(0, 4)));
}

export function periodMode(period: Period): PeriodMode {
  const year = yearOfPeriod(period);
  if (period.from === PUBLISHED_PERIOD.from && period.to === PUBLISHED_PERIOD.to) return 'all';
  // 2017 alone is both "up to the end of 2017" and "during 2017": read it as cumulative, so
  // the slider keeps showing the network's growth when it moves on from there.
  if (period.to === yearEnd(year) && period.from === PUBLISHED_PERIOD.from) return 'cumulative';
  if (period.to === yearEnd(year) && period.from === yearStart(year)) return 'year';
  return 'custom';
}

/**
 * Colour classes of a choropleth: fixed over the yearly series for every period the year slider,
 * Play and the period picker make (so the legend stays put and growth shows as colour), over the
 * period itself for free dates, which the yearly series would not describe.
 */
export function breaksBasisFor(period: Period): BreaksBasis {
  return periodMode(period) === 'custom' ? 'period' : 'series';
}

/** Keeps a period inside the published range with from ≤ to; null when it cannot be read. */
export function normalizePeriod(from: string | null, to: string | null): Period | null {
  if (from === null || to === null || !isIsoDate(from) || !isIsoDate(to)) return null;
  const lo = from < PUBLISHED_PERIOD.from ? PUBLISHED_PERIOD.from : from;
  const hi = to > PUBLISHED_PERIOD.to ? PUBLISHED_PERIOD.to : to;
  return lo <= hi ? { from: lo, to: hi } : null;
}

/** From the first day of one year to the last of another (clipped to the data), in either order. */
export function yearsPeriod(fromYear: number, toYear: number): Period {
  const [lo, hi] = fromYear <= toYear ? [fromYear, toYear] : [toYear, fromYear];
  return { from: yearStart(clampYear(lo)), to: yearEnd(clampYear(hi)) };
}

/**
 * Whether a period is made of whole calendar years of the data: below admin, tips and outcome
 * events are published for those only (the server's reporting calendar, server/privacy).
 */
export function isWholeYears(period: Period): boolean {
  const years = yearsPeriod(Number(period.from.slice(0, 4)), yearOfPeriod(period));
  return years.from === period.from && years.to === period.to;
}

/** The smallest run of whole years holding the period: what a role below admin is shown instead. */
export function enclosingYears(period: Period): Period {
  return yearsPeriod(Number(period.from.slice(0, 4)), yearOfPeriod(period));
}

const DAY_FIRST = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/;

/** "25/10/2022" (also 25.10.2022, 25-10-2022) → "2022-10-25"; null unless it is a real day. */
export function isoFromDayFirst(text: string): string | null {
  const match = DAY_FIRST.exec(text);
  if (!match) return null;
  const [, day, month, year] = match as unknown as [string, string, string, string];
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/** "2022-10-25" → "25/10/2022", how the date is typed. */
export function dayFirstFromIso(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}
