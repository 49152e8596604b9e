/**
 * Measures per commune (or per district) for a filter, from the daily rollup: stocks (groups,
 * models) as running totals at `to`, flows (tips, events) and `groups_new` as the difference
 * between the running totals at `to` and on the day before `from`.
 */
import type { RollupDays } from '../dataset/rollup-days';
import { MEASURES } from '../dataset/rollups';
import { clampDay, dayBefore } from '../dataset/days';
import type { DataFilter } from './filters';

/** A rollup column, or `groups_new` (groups founded inside the period). */
export type MeasureColumn = (typeof MEASURES)[number]['column'] | 'groups_new';
export type Totals = Map<string, Record<string, number>>;

const FLOW_COLUMNS = new Set(MEASURES.filter((m) => m.table === 'tips' || m.table === 'events').map((m) => m.column));

export type Grouping = 'commune' | 'district';

export interface RollupSource {
  rollup: RollupDays;
  /** District of each commune code. */
  unitByCode: Map<string, { district_code: string | null }>;
}

/** Measures keyed by commune (or district) code; units outside the district filter are absent. */
export async function rollupTotals(
  source: RollupSource,
  filter: DataFilter,
  columns: readonly MeasureColumn[],
  grouping: Grouping = 'commune',
): Promise<Totals> {
  const { rollup } = source;
  const { firstDay, lastDay } = rollup.bounds;
  const { from, to } = filter.period;
  // Nothing exists before the first day; after the last day the totals stay as they were.
  if (to < firstDay) return new Map();
  const previous = dayBefore(from);
  const [end, before] = await Promise.all([
    rollup.day(clampDay(to, firstDay, lastDay)),
    previous < firstDay ? null : rollup.day(clampDay(previous, firstDay, lastDay)),
  ]);
  const valueOf = (column: MeasureColumn, i: number): number => {
    if (column === 'groups_new') return end.groups_n![i]! - (before?.groups_n![i] ?? 0);
    const atEnd = end[column]![i]!;
    return FLOW_COLUMNS.has(column) ? atEnd - (before?.[column]![i] ?? 0) : atEnd;
  };
  const totals: Totals = new Map();
  rollup.communes.forEach((code, i) => {
    const district = source.unitByCode.get(code)?.district_code ?? null;
    if (filter.district !== null && district !== filter.district) return;
    const key = grouping === 'commune' ? code : (district ?? '');
    const row = totals.get(key) ?? {};
    for (const column of columns) row[column] = (row[column] ?? 0) + valueOf(column, i);
    totals.set(key, row);
  });
  return totals;
}
