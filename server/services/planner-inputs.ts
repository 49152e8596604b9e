/**
 * What the planner knows about every commune for a period: coverage at its end (groups, the
 * households in them, models), need inside it (tips, outcome events), the commune's Gi* bin of
 * tips and the Mann–Kendall trend of its yearly tips.
 */
import { giStarHotSpots } from '../analytics/hot-spots';
import { mannKendall } from '../analytics/mann-kendall';
import type { PlannerCommune } from '../analytics/planner';
import type { Period } from '#contract';
import type { Dataset } from '../dataset/dataset';
import { yearlySlices } from './emerging-hotspots';
import { communeQueenNeighbours } from '../dataset/neighbours';
import { publishedCommuneCounts } from '../privacy/published-inputs';
import { communeCounts } from '../queries/commune-counts';
import { rollupTotals } from '../queries/commune-totals';

/** Mann–Kendall needs a few points to say anything; with fewer yearly slices the trend is 0. */
const MIN_TREND_YEARS = 3;
/** The planner's hot-spot input uses FDR-corrected bins, so a planner does not chase chance clusters. */
const PLANNER_HOTSPOT_FDR = true;

export interface PlannerInputs {
  communes: PlannerCommune[];
  /** Communes whose tip or event count is hidden from this role (their need inputs are imputed). */
  hidden: Set<string>;
}

/**
 * Tips and events enter as published counts for roles below admin (k > 1): hidden cells are
 * imputed from published totals, so no score can be solved back into a hidden count.
 */
export async function plannerInputs(dataset: Dataset, period: Period, k: number): Promise<PlannerInputs> {
  const whole = { period, district: null };
  const slices = yearlySlices(period);
  const [totals, ...yearlyTips] = await Promise.all([
    rollupTotals(dataset, whole, ['groups_n', 'groups_households', 'models_n', 'tips_n', 'events_n']),
    ...(slices.length >= MIN_TREND_YEARS ? slices.map((slice) => communeCounts(dataset, 'tips', { period: slice, district: null })) : []),
  ]);
  const measure = (code: string, column: string) => totals.get(code)?.[column] ?? 0;
  const published = (count: (code: string) => number) =>
    publishedCommuneCounts(
      dataset.communes.map((c) => ({ code: c.code, district_code: c.district_code, count: count(c.code) })),
      k,
    );
  const tips = published((code) => measure(code, 'tips_n'));
  const events = published((code) => measure(code, 'events_n'));
  const yearly = yearlyTips.map((year) => published((code) => year.get(code)?.n ?? 0).values);
  const hotspots = giStarHotSpots(tips.values, communeQueenNeighbours(dataset), { fdr: PLANNER_HOTSPOT_FDR });
  const communes = dataset.communes.map((c, i) => ({
    code: c.code,
    households: c.households,
    groups: measure(c.code, 'groups_n'),
    householdsInGroups: Math.min(measure(c.code, 'groups_households'), c.households),
    models: measure(c.code, 'models_n'),
    tips: tips.values[i]!,
    events: events.values[i]!,
    hotspotBin: hotspots[i]!.bin,
    trend: yearly.length > 0 ? mannKendall(yearly.map((year) => year[i]!)).z : 0,
  }));
  return { communes, hidden: new Set([...tips.hidden, ...events.hidden]) };
}
