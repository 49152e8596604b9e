/**
 * What the planner knows about every commune for a period: coverage at its end (groups, the
 * households in them, models), need inside it (tips, outcome events: the role's figures, so
 * below admin every score rests on protected values), the commune's Gi* bin of tips and the
 * Mann–Kendall trend of its yearly tips.
 */
import type { Period } from '#contract';
import { giStarHotSpots } from '../analytics/hot-spots';
import { mannKendall } from '../analytics/mann-kendall';
import type { PlannerCommune } from '../analytics/planner';
import type { Dataset } from '../dataset/dataset';
import { rollupTotals } from '../queries/commune-totals';
import { yearlySlices } from './emerging-hotspots';
import type { FigureSource } from './figures/figure-source';
import { communeQueenNeighbours } from './neighbours';

/** Mann–Kendall needs a few points to say anything; with fewer yearly slices the trend is 0. */
const MIN_TREND_YEARS = 3;
/** The planner's hot-spot input uses FDR-corrected bins, so a planner does not chase chance clusters. */
const PLANNER_HOTSPOT_FDR = true;

export interface PlannerInputs {
  communes: PlannerCommune[];
  /** Communes whose tip or event figure is hidden from this role (their need inputs are estimates). */
  hidden: Set<string>;
}

export async function plannerInputs(dataset: Dataset, figures: FigureSource, period: Period): Promise<PlannerInputs> {
  figures.assertReportable(period);
  const slices = yearlySlices(period);
  const [totals, tips, events, ...yearlyTips] = await Promise.all([
    rollupTotals(dataset, { period, district: null }, ['groups_n', 'groups_households', 'models_n']),
    figures.communes('tips', period),
    figures.communes('events', period),
    ...(slices.length >= MIN_TREND_YEARS ? slices.map((slice) => figures.communes('tips', slice)) : []),
  ]);
  const measure = (code: string, column: string) => totals.get(code)?.[column] ?? 0;
  const hotspots = giStarHotSpots(
    tips.map((f) => f.estimate),
    communeQueenNeighbours(dataset),
    { fdr: PLANNER_HOTSPOT_FDR },
  );
  const communes = dataset.communes.map((c, i) => ({
    code: c.code,
    households: c.households,
    groups: measure(c.code, 'groups_n'),
    householdsInGroups: Math.min(measure(c.code, 'groups_households'), c.households),
    models: measure(c.code, 'models_n'),
    tips: tips[i]!.estimate,
    events: events[i]!.estimate,
    hotspotBin: hotspots[i]!.bin,
    trend: yearlyTips.length > 0 ? mannKendall(yearlyTips.map((year) => year[i]!.estimate)).z : 0,
  }));
  const hidden = new Set(dataset.communes.filter((_, i) => tips[i]!.value === null || events[i]!.value === null).map((c) => c.code));
  return { communes, hidden };
}
