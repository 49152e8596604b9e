/**
 * Emerging Hot Spot Analysis: one pattern label per unit from its series of Gi* results over
 * equal time steps (e.g. years), following ESRI, "How Emerging Hot Spot Analysis works"
 * (ArcGIS Pro, Space Time Pattern Mining toolbox; pro.arcgis.com/en/pro-app/latest/
 * tool-reference/space-time-pattern-mining/learnmoreemerging.htm). A time step is a
 * "statistically significant hot spot" when its confidence bin is positive, a cold spot when
 * negative (the caller chooses the bins, e.g. FDR-corrected as ESRI does). The "intensity of
 * clustering" trend is the Mann–Kendall test of the unit's Gi* z-scores.
 *
 * The ESRI definitions, quoted (cold spots mirror them with hot ↔ cold, increase ↔ decrease):
 * - No Pattern Detected: "Does not fall into any of the hot or cold spot patterns defined below."
 * - New Hot Spot: "A location that is a statistically significant hot spot for the final time
 *   step and has never been a statistically significant hot spot before."
 * - Consecutive Hot Spot: "A location with a single uninterrupted run of at least two
 *   statistically significant hot spot bins in the final time-step intervals. The location has
 *   never been a statistically significant hot spot prior to the final hot spot run and less
 *   than 90 percent of all bins are statistically significant hot spots."
 * - Intensifying Hot Spot: "A location that has been a statistically significant hot spot for 90
 *   percent of the time-step intervals, including the final time step. In addition, the
 *   intensity of clustering of high counts in each time step is increasing overall and that
 *   increase is statistically significant."
 * - Persistent Hot Spot: "A location that has been a statistically significant hot spot for 90
 *   percent of the time-step intervals with no discernible trend in the intensity of clustering
 *   over time."
 * - Diminishing Hot Spot: "A location that has been a statistically significant hot spot for 90
 *   percent of the time-step intervals, including the final time step. In addition, the
 *   intensity of clustering in each time step is decreasing overall and that decrease is
 *   statistically significant."
 * - Sporadic Hot Spot: "A statistically significant hot spot for the final time-step interval
 *   with a history of also being an on-again and off-again hot spot. Less than 90 percent of the
 *   time-step intervals have been statistically significant hot spots and none of the time-step
 *   intervals have been statistically significant cold spots."
 * - Oscillating Hot Spot: "A statistically significant hot spot for the final time-step interval
 *   that has a history of also being a statistically significant cold spot during a prior time
 *   step. Less than 90 percent of the time-step intervals have been statistically significant
 *   hot spots."
 * - Historical Hot Spot: "The most recent time period is not hot, but at least 90 percent of the
 *   time-step intervals have been statistically significant hot spots."
 *
 * Where definitions overlap, the final time step decides first (every pattern but "historical"
 * requires the final step to be a hot/cold spot):
 * 1. final step hot: ≥ 90 % hot → intensifying (significant increasing trend), diminishing
 *    (significant decreasing trend) or persistent (no significant trend); otherwise a prior cold
 *    spot → oscillating (a unit that flips from cold to hot is not "new"); otherwise the only
 *    hot step → new; one uninterrupted final run → consecutive; else → sporadic.
 * 2. final step cold: the mirror image.
 * 3. final step neither: ≥ 90 % hot → historical hot spot; ≥ 90 % cold → historical cold spot;
 *    else no pattern.
 * "90 percent" is taken as at least 90 % (count·10 ≥ steps·9, exact in integers), as in R sfdep.
 */
import { EMERGING_MIN_TIME_STEPS, type EmergingPattern } from '#contract';
import type { ConfidenceBin } from './confidence-bins';
import { AnalyticsError, assertFiniteNumbers } from './errors';
import { mannKendall, TREND_ALPHA, type MannKendallResult } from './mann-kendall';

/**
 * Fewest time steps the analysis accepts (in the contract, so the web app knows when not to
 * ask): with fewer than 5 ordered values no Mann–Kendall two-sided p-value can fall below 0.05,
 * so "intensifying" and "diminishing" could never be detected.
 */
export const MIN_TIME_STEPS = EMERGING_MIN_TIME_STEPS;

/** ESRI's "90 percent of the time-step intervals", as the integer ratio 9/10. */
const MOSTLY_NUMERATOR = 9;
const MOSTLY_DENOMINATOR = 10;

/** One unit's Gi* results in time order. */
export interface EmergingSeries {
  z: readonly number[];
  bins: readonly ConfidenceBin[];
}

/** One time slice's Gi* results over all units (same unit order in every slice). */
export interface EmergingTimeSlice {
  z: readonly number[];
  bins: readonly ConfidenceBin[];
}

export interface EmergingOptions {
  /** Significance level of the Mann–Kendall trend; default TREND_ALPHA (0.05). */
  trendAlpha?: number;
}

export interface EmergingResult {
  pattern: EmergingPattern;
  /** Mann–Kendall test of the z-score series ("intensity of clustering"). */
  trend: MannKendallResult;
  /** Number of time steps that are significant hot spots / cold spots. */
  hotSteps: number;
  coldSteps: number;
  timeSteps: number;
}

type Spot = 'hot' | 'cold';

/**
 * Emerging hot spot pattern of one unit.
 * @throws AnalyticsError `too_few_time_steps` below MIN_TIME_STEPS, `inconsistent_time_slices`
 *   when z and bins differ in length, `invalid_input` for a non-finite z or a bin outside −3…3.
 */
export function classifyEmergingPattern(series: EmergingSeries, options: EmergingOptions = {}): EmergingResult {
  const steps = series.z.length;
  if (series.bins.length !== steps) {
    throw new AnalyticsError('inconsistent_time_slices', `A unit has ${steps} z-scores but ${series.bins.length} bins.`, {
      zScores: steps,
      bins: series.bins.length,
    });
  }
  assertEnoughTimeSteps(steps);
  assertFiniteNumbers(series.z, 'Gi* z-scores');
  assertBins(series.bins);

  const trend = mannKendall(series.z, options.trendAlpha ?? TREND_ALPHA);
  const spots = series.bins.map((bin): Spot | null => (bin > 0 ? 'hot' : bin < 0 ? 'cold' : null));
  const hotSteps = spots.filter((spot) => spot === 'hot').length;
  const coldSteps = spots.filter((spot) => spot === 'cold').length;
  const final = spots[steps - 1];
  const pattern =
    final === null || final === undefined
      ? historicalOrNone(hotSteps, coldSteps, steps)
      : finalSpotPattern(final, spots, trend);
  return { pattern, trend, hotSteps, coldSteps, timeSteps: steps };
}

/**
 * Emerging hot spot patterns of all units from time slices in time order.
 * @param slices one Gi* result per time step (oldest first), each over the same units in the
 *   same order, e.g. `{ z: giStar(yearValues, neighbours).map(r => r.z), bins }`.
 * @throws AnalyticsError `too_few_time_steps` with fewer than MIN_TIME_STEPS slices,
 *   `inconsistent_time_slices` when slices cover different numbers of units.
 */
export function emergingHotSpots(slices: readonly EmergingTimeSlice[], options: EmergingOptions = {}): EmergingResult[] {
  assertEnoughTimeSteps(slices.length);
  const unitCount = slices[0]!.z.length;
  slices.forEach((slice, step) => {
    if (slice.z.length !== unitCount || slice.bins.length !== unitCount) {
      throw new AnalyticsError('inconsistent_time_slices', `Time slice ${step} does not cover the same ${unitCount} units as the first.`, {
        step,
        units: unitCount,
        zScores: slice.z.length,
        bins: slice.bins.length,
      });
    }
  });
  return Array.from({ length: unitCount }, (_, unit) =>
    classifyEmergingPattern(
      { z: slices.map((slice) => slice.z[unit]!), bins: slices.map((slice) => slice.bins[unit]!) },
      options,
    ),
  );
}

function finalSpotPattern(final: Spot, spots: readonly (Spot | null)[], trend: MannKendallResult): EmergingPattern {
  const opposite: Spot = final === 'hot' ? 'cold' : 'hot';
  const sameSteps = spots.filter((spot) => spot === final).length;
  if (isMostSteps(sameSteps, spots.length)) {
    const strengthening = final === 'hot' ? 'increasing' : 'decreasing';
    if (trend.trend === 'no_trend') return `persistent_${final}_spot`;
    return trend.trend === strengthening ? `intensifying_${final}_spot` : `diminishing_${final}_spot`;
  }
  if (spots.includes(opposite)) return `oscillating_${final}_spot`;
  if (sameSteps === 1) return `new_${final}_spot`;
  if (finalRunLength(spots, final) === sameSteps) return `consecutive_${final}_spot`;
  return `sporadic_${final}_spot`;
}

function historicalOrNone(hotSteps: number, coldSteps: number, steps: number): EmergingPattern {
  if (isMostSteps(hotSteps, steps)) return 'historical_hot_spot';
  if (isMostSteps(coldSteps, steps)) return 'historical_cold_spot';
  return 'no_pattern';
}

/** At least 90 % of the steps, in exact integer arithmetic. */
function isMostSteps(count: number, steps: number): boolean {
  return count * MOSTLY_DENOMINATOR >= steps * MOSTLY_NUMERATOR;
}

/** Length of the uninterrupted run of `spot` that ends at the final step. */
function finalRunLength(spots: readonly (Spot | null)[], spot: Spot): number {
  let length = 0;
  for (let step = spots.length - 1; step >= 0 && spots[step] === spot; step -= 1) length += 1;
  return length;
}

function assertEnoughTimeSteps(steps: number): void {
  if (steps < MIN_TIME_STEPS) {
    throw new AnalyticsError(
      'too_few_time_steps',
      `Emerging hot spot analysis needs at least ${MIN_TIME_STEPS} time steps; got ${steps}.`,
      { timeSteps: steps, minimum: MIN_TIME_STEPS },
    );
  }
}

function assertBins(bins: readonly number[]): void {
  const index = bins.findIndex((bin) => !Number.isInteger(bin) || bin < -3 || bin > 3);
  if (index >= 0) {
    throw new AnalyticsError('invalid_input', `Confidence bins must be integers from -3 to 3; step ${index} has ${bins[index]}.`, { index });
  }
}
