/**
 * What the planner knows about every commune for a period: coverage at its end (groups, the
 * households in them, models), need inside it (tips, outcome events), the commune's Gi* bin of
 * tips and the Mann–Kendall trend of its yearly tips.
 */
import { giStarHotSpots } from '../analytics/hot-spots';
import { mannKendall } from '../analytics/mann-kendall';
import type { PlannerCommune } from '../analytics/planner';
import type { Period } from '../contract';
import type { Dataset } from '../dataset';
import { yearlySlices } from '../hotspots/emerging-analysis';
import { communeQueenNeighbours } from '../hotspots/neighbours';
import { communeCounts } from '../queries/commune-counts';
import { communeTotals } from '../queries/commune-totals';

/** Mann–Kendall needs a few points to say anything; with fewer yearly slices the trend is 0. */
const MIN_TREND_YEARS = 3;
/** The planner's hot-spot input uses FDR-corrected bins, so a planner does not chase chance clusters. */
const PLANNER_HOTSPOT_FDR = true;

export async function plannerInputs(dataset: Dataset, period: Period): Promise<PlannerCommune[]> {
  const whole = { period, district: null };
  const slices = yearlySlices(period);
  const [totals, ...yearlyTips] = await Promise.all([
    communeTotals(dataset, whole),
    ...(slices.length >= MIN_TREND_YEARS ? slices.map((slice) => communeCounts(dataset, 'tips', { period: slice, district: null })) : []),
  ]);
  const measure = (code: string, column: string) => totals.get(code)?.[column] ?? 0;
  const tipCounts = dataset.communes.map((c) => measure(c.code, 'tips_n'));
  const hotspots = giStarHotSpots(tipCounts, communeQueenNeighbours(dataset), { fdr: PLANNER_HOTSPOT_FDR });
  return dataset.communes.map((c, i) => ({
    code: c.code,
    households: c.households,
    groups: measure(c.code, 'groups_n'),
    householdsInGroups: Math.min(measure(c.code, 'groups_households'), c.households),
    models: measure(c.code, 'models_n'),
    tips: tipCounts[i]!,
    events: measure(c.code, 'events_n'),
    hotspotBin: hotspots[i]!.bin,
    trend: yearlyTips.length > 0 ? mannKendall(yearlyTips.map((year) => year.get(c.code)?.n ?? 0)).z : 0,
  }));
}
