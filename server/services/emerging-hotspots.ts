/**
 * Emerging hot spots per commune: Gi* on each yearly slice of the period (oldest first), then
 * the ESRI pattern of each commune's series and the Mann–Kendall trend of its z-scores. Each
 * slice is computed from the role's figures for that year.
 */
import type { Period, SensitiveLayer } from '#contract';
import type { EmergingFeature, EmergingResponse } from '#contract/api';
import { emergingHotSpots, MIN_TIME_STEPS } from '../analytics/emerging-hotspots';
import { giStarHotSpots } from '../analytics/hot-spots';
import type { Dataset } from '../dataset/dataset';
import { ApiError } from '../errors';
import type { FigureSource } from './figures/figure-source';
import { statisticInputs } from './hotspots';
import { communeQueenNeighbours } from './neighbours';

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
  figures: FigureSource,
  options: { layer: SensitiveLayer; fdr: boolean; period: Period },
): Promise<EmergingResponse> {
  figures.assertReportable(options.period);
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
      const counts = await figures.communes(options.layer, slice);
      const results = giStarHotSpots(
        counts.map((figure) => figure.estimate),
        neighbours,
        { fdr: options.fdr },
      );
      return { z: results.map((r) => r.z), bins: results.map((r) => r.bin) };
    }),
  );
  const patterns = emergingHotSpots(perSlice);
  return {
    method: 'emerging_hot_spot',
    weights: 'queen',
    layer: options.layer,
    fdr: options.fdr,
    period: options.period,
    inputs: statisticInputs(figures, options.period),
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
      } satisfies EmergingFeature;
    }),
    synthetic: dataset.synthetic,
    protection: figures.protection(options.period),
  };
}
