/** Calendar arithmetic on ISO dates (YYYY-MM-DD), in UTC so no time zone shifts a day. */

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export const dayBefore = (iso: string): string => addDays(iso, -1);

/** The last day of a year ('2021') or month ('2021-02') label. */
export function lastDayOf(label: string): string {
  const year = Number(label.slice(0, 4));
  const month = label.length > 4 ? Number(label.slice(5, 7)) : 12;
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/** `day` moved into [first, last]. */
export const clampDay = (day: string, first: string, last: string): string => (day < first ? first : day > last ? last : day);
