/**
 * The fixed reporting calendar of informant figures below admin: whole calendar years of the
 * data range (the first and last year clipped to it), and unions of consecutive years. A fixed
 * classification is what makes differencing useless: every publishable period is a sum of the
 * same year cells, so the difference of two periods is a published year cell, never a new one.
 */
import type { Period } from '#contract';

/** A year cell: the calendar year clipped to the data range. */
export function yearCell(year: number, range: Period): Period {
  const from = `${year}-01-01` < range.from ? range.from : `${year}-01-01`;
  const to = `${year}-12-31` > range.to ? range.to : `${year}-12-31`;
  return { from, to };
}

export function yearsOfRange(range: Period): number[] {
  const years: number[] = [];
  for (let y = Number(range.from.slice(0, 4)); y <= Number(range.to.slice(0, 4)); y++) years.push(y);
  return years;
}

/** The years a period is made of, or null when it is not a union of whole year cells of the range. */
export function calendarYears(period: Period, range: Period): number[] | null {
  const first = Number(period.from.slice(0, 4));
  const last = Number(period.to.slice(0, 4));
  if (period.from !== yearCell(first, range).from || period.to !== yearCell(last, range).to) return null;
  if (period.from < range.from || period.to > range.to) return null;
  return yearsOfRange(period);
}

/** The smallest union of whole year cells that holds the period (what to ask for instead). */
export function enclosingYears(period: Period, range: Period): Period {
  return { from: yearCell(Number(period.from.slice(0, 4)), range).from, to: yearCell(Number(period.to.slice(0, 4)), range).to };
}
