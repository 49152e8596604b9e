/**
 * Emerging hot spots per commune: Gi* on each yearly slice of the period (oldest first), then
 * the ESRI pattern of each commune's series and the Mann–Kendall trend of its z-scores.
 */
import { emergingHotSpots, MIN_TIME_STEPS } from '../analytics/emerging-hotspots';
import { giStarHotSpots } from '../analytics/hot-spots';
import type { Period } from '#contract';
import type { EmergingFeature } from '#contract/api';
import type { Dataset } from '../dataset/dataset';
import { ApiError } from '../http/errors';
import { publishedCommuneCounts } from '../privacy/published-inputs';
import { communeCounts } from '../queries/commune-counts';
import type { HotspotLayer } from './hotspots';
import { communeQueenNeighbours } from '../dataset/neighbours';

/** Calendar years of the period, clipped to it (a partial first or last year stays a slice). */
export function yearlySlices(period: Period): Period[] {
  const slices: Period[] = [];
  for (let year = Number(period.from.slice(0, 4)); year <= Number(period.to.slice(0, 4)); year++) {
    const from = `${year}-01-01` < period.from ? period.from : `${year}-01-01`;
    const to = `${year}-12-31` > period.to ? period.to : `${year}-12-31`;
    slices.push({ from, to });
  }
  return slices;
}

export async function emergingCommuneHotspots(
  dataset: Dataset,
  options: { layer: HotspotLayer; fdr: boolean; period: Period; k: number },
): Promise<{ slices: Period[]; features: EmergingFeature[]; min_time_steps: number }> {
  const slices = yearlySlices(options.period);
  if (slices.length < MIN_TIME_STEPS) {
    throw new ApiError(
      400,
      'too_few_time_steps',
      `Emerging hot spots need at least ${MIN_TIME_STEPS} yearly slices; the period ${options.period.from} … ${options.period.to} has ${slices.length}.`,
      { slices: slices.length, minimum: MIN_TIME_STEPS },
    );
  }
  const neighbours = communeQueenNeighbours(dataset);
  const perSlice = await Promise.all(
    slices.map(async (slice) => {
      const counts = await communeCounts(dataset, options.layer, { period: slice, district: null });
      // Each slice from its published counts: yearly z-scores must not be solvable into counts.
      const { values } = publishedCommuneCounts(
        dataset.communes.map((c) => ({ code: c.code, district_code: c.district_code, count: counts.get(c.code)?.n ?? 0 })),
        options.k,
      );
      const results = giStarHotSpots(values, neighbours, { fdr: options.fdr });
      return { z: results.map((r) => r.z), bins: results.map((r) => r.bin) };
    }),
  );
  const patterns = emergingHotSpots(perSlice);
  return {
    slices,
    min_time_steps: MIN_TIME_STEPS,
    features: dataset.communes.map((c, i) => {
      const result = patterns[i]!;
      return {
        code: c.code,
        name: c.name,
        pattern: result.pattern,
        trend: result.trend,
        hot_steps: result.hotSteps,
        cold_steps: result.coldSteps,
        bins: perSlice.map((s) => s.bins[i]!),
        z: perSlice.map((s) => s.z[i]!),
      };
    }),
  };
}
