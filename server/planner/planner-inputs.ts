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

/** Mann–Kendall needs a few points to say anything; with fewer yearly slices the trend is 0. */
const MIN_TREND_YEARS = 3;
/** The planner's hot-spot input uses FDR-corrected bins, so a planner does not chase chance clusters. */
const PLANNER_HOTSPOT_FDR = true;

export async function plannerInputs(dataset: Dataset, period: Period): Promise<PlannerCommune[]> {
  const whole = { period, district: null };
  const slices = yearlySlices(period);
  const [groups, models, tips, events, ...yearlyTips] = await Promise.all([
    communeCounts(dataset.db, 'groups', whole),
    communeCounts(dataset.db, 'models', whole),
    communeCounts(dataset.db, 'tips', whole),
    communeCounts(dataset.db, 'events', whole),
    ...(slices.length >= MIN_TREND_YEARS ? slices.map((slice) => communeCounts(dataset.db, 'tips', { period: slice, district: null })) : []),
  ]);
  const tipCounts = dataset.communes.map((c) => tips.get(c.code)?.n ?? 0);
  const hotspots = giStarHotSpots(tipCounts, communeQueenNeighbours(dataset), { fdr: PLANNER_HOTSPOT_FDR });
  return dataset.communes.map((c, i) => ({
    code: c.code,
    households: c.households,
    groups: groups.get(c.code)?.n ?? 0,
    householdsInGroups: Math.min(groups.get(c.code)?.households ?? 0, c.households),
    models: models.get(c.code)?.n ?? 0,
    tips: tipCounts[i]!,
    events: events.get(c.code)?.n ?? 0,
    hotspotBin: hotspots[i]!.bin,
    trend: yearlyTips.length > 0 ? mannKendall(yearlyTips.map((year) => year.get(c.code)?.n ?? 0)).z : 0,
  }));
}
