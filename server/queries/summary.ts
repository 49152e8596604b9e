/** Briefing totals of groups and models active at the end of the period, per district, from the rollup. */
import { AREA_CLASSES, MODEL_SETTINGS, type AreaClass, type ModelSetting } from '#contract';
import type { SummaryResponse } from '#contract/api';
import { rollupTotals, type MeasureColumn, type RollupSource, type Totals } from './commune-totals';
import type { DataFilter } from './filters';

export type StockNumbers = Pick<SummaryResponse, 'to_lien_gia' | 'bon_an_toan'>;

function fromSums(sum: Record<string, number>): StockNumbers {
  const v = (column: string) => sum[column] ?? 0;
  const byClass = Object.fromEntries(AREA_CLASSES.map((c) => [c, v(`groups_${c}`)])) as Record<AreaClass, number>;
  const bySetting = Object.fromEntries(MODEL_SETTINGS.map((s) => [s, v(`models_${s}`)])) as Record<ModelSetting, number>;
  return {
    to_lien_gia: {
      total_active: v('groups_n'),
      ...byClass,
      ethnic_minority_areas: v('groups_ethnic_minority'),
      religious_areas: v('groups_religious'),
      households_in_groups: v('groups_households'),
      founded_in_period: v('groups_new'),
    },
    bon_an_toan: { total: v('models_n'), by_setting: bySetting },
  };
}

/** Every measure the summary reports. */
const SUMMARY_COLUMNS: MeasureColumn[] = [
  'groups_n',
  'groups_new',
  'groups_households',
  ...AREA_CLASSES.map((c) => `groups_${c}` as MeasureColumn),
  'groups_ethnic_minority',
  'groups_religious',
  'models_n',
  ...MODEL_SETTINGS.map((s) => `models_${s}` as MeasureColumn),
];

export interface ProvinceSummary {
  /** The summary's measures per district. */
  byDistrict: Totals;
  /** The summary of one district, or of the province. */
  numbers: (district: string | null) => StockNumbers;
}

function sum(rows: Iterable<Record<string, number>>): Record<string, number> {
  const total: Record<string, number> = {};
  for (const row of rows) for (const [column, value] of Object.entries(row)) total[column] = (total[column] ?? 0) + value;
  return total;
}

/** Every district's totals for the period (one rollup read of nine rows), summarised on demand. */
export async function provinceSummary(source: RollupSource, period: DataFilter['period']): Promise<ProvinceSummary> {
  const byDistrict = await rollupTotals(source, { period, district: null }, SUMMARY_COLUMNS, 'district');
  return {
    byDistrict,
    numbers: (district) => fromSums(district === null ? sum(byDistrict.values()) : (byDistrict.get(district) ?? {})),
  };
}
