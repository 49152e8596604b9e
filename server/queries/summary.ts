/** Briefing totals: groups and models active at the end of the period, tips and outcomes inside it. */
import {
  AREA_CLASSES,
  MODEL_SETTINGS,
  OUTCOME_KINDS,
  type AreaClass,
  type ModelSetting,
  type OutcomeKind,
  type SummaryOutcomeKey,
  type SummaryResponse,
} from '../contract';
import { communeTotals, sumTotals, type CommuneTotals, type RollupSource } from './commune-totals';
import type { DataFilter } from './filters';

export type SummaryNumbers = Pick<SummaryResponse, 'to_lien_gia' | 'bon_an_toan'> & {
  outcomes: Record<SummaryOutcomeKey, number>;
};

const outcomeColumn = (key: SummaryOutcomeKey) => (key === 'security_tips_provided' ? 'tips_n' : `events_${key}`);

function fromSums(sum: Record<string, number>): SummaryNumbers {
  const v = (column: string) => sum[column] ?? 0;
  const byClass = Object.fromEntries(AREA_CLASSES.map((c) => [c, v(`groups_${c}`)])) as Record<AreaClass, number>;
  const bySetting = Object.fromEntries(MODEL_SETTINGS.map((s) => [s, v(`models_${s}`)])) as Record<ModelSetting, number>;
  const outcomes = Object.fromEntries(OUTCOME_KINDS.map((k) => [k, v(outcomeColumn(k))])) as Record<OutcomeKind, number>;
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
    outcomes: { security_tips_provided: v('tips_n'), ...outcomes },
  };
}

export interface ProvinceSummary {
  totals: CommuneTotals;
  /** The summary of the communes `include` accepts (all by default). */
  numbers: (include?: (code: string) => boolean) => SummaryNumbers;
}

/** Every commune's totals for the period (one rollup read), summarised for any subset. */
export async function provinceSummary(source: RollupSource, period: DataFilter['period']): Promise<ProvinceSummary> {
  const totals = await communeTotals(source, { period, district: null });
  return { totals, numbers: (include) => fromSums(sumTotals(totals, include)) };
}

/** Sensitive outcome figures of every district, for district-level privacy checks: key → district → count. */
export function sensitiveOutcomesByDistrict(
  totals: CommuneTotals,
  districtOf: (commune: string) => string | null,
): Map<SummaryOutcomeKey, Map<string, number>> {
  const byKey = new Map<SummaryOutcomeKey, Map<string, number>>();
  for (const key of ['security_tips_provided', ...OUTCOME_KINDS] as SummaryOutcomeKey[]) {
    const districts = new Map<string, number>();
    for (const [code, measures] of totals) {
      const district = districtOf(code);
      if (district) districts.set(district, (districts.get(district) ?? 0) + (measures[outcomeColumn(key)] ?? 0));
    }
    byKey.set(key, districts);
  }
  return byKey;
}
