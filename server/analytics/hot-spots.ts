/**
 * Hot spot analysis as the API serves it: Gi* per unit, its confidence bin (optionally
 * FDR-corrected), and warnings when the data are too thin for the statistic to mean much.
 */
import type { HotSpotWarningCode } from '#contract';
import { confidenceBins, fdrConfidenceBins, type ConfidenceBin } from './confidence-bins';
import { giStar } from './gi-star';

/**
 * Fewer units than this get a warning: ArcGIS Optimized Hot Spot Analysis requires at least 30
 * features, because Gi* z-scores rest on a normal approximation over the units.
 */
export const MIN_HOTSPOT_UNITS = 30;

/**
 * Fewer events (e.g. tips) than this get a warning: ArcGIS Optimized Hot Spot Analysis requires
 * at least 30 incidents when aggregating them into polygons.
 */
export const MIN_HOTSPOT_EVENTS = 30;

export interface HotSpotFeature {
  z: number;
  p: number;
  bin: ConfidenceBin;
  neighbourCount: number;
}

export interface HotSpotOptions {
  /** Apply the Benjamini–Hochberg correction to the bins (z and p are never corrected). */
  fdr: boolean;
}


export interface HotSpotWarning {
  code: HotSpotWarningCode;
  message: string;
  details: Record<string, unknown>;
}

/**
 * Gi* z, p and bin for every unit. @see giStar for the statistic and its edge cases,
 * fdrConfidenceBins for the correction.
 * @example giStarHotSpots(values, queenContiguity(geometries), { fdr: true })
 */
export function giStarHotSpots(
  values: readonly number[],
  neighbours: readonly (readonly number[])[],
  options: HotSpotOptions,
): HotSpotFeature[] {
  const results = giStar(values, neighbours);
  const bins = options.fdr ? fdrConfidenceBins(results) : confidenceBins(results.map(({ z }) => z));
  return results.map((result, unit) => ({ ...result, bin: bins[unit]! }));
}

/**
 * Warnings for a hot spot result: fewer than MIN_HOTSPOT_UNITS units, fewer than
 * MIN_HOTSPOT_EVENTS events behind the values, units without neighbours (their z only
 * standardises their own value), or no variation at all (every z is 0).
 * @param eventCount number of records behind the values (for a rate, the count, not the rate).
 */
export function hotSpotWarnings(values: readonly number[], features: readonly HotSpotFeature[], eventCount: number): HotSpotWarning[] {
  const warnings: HotSpotWarning[] = [];
  if (values.length < MIN_HOTSPOT_UNITS) {
    warnings.push({
      code: 'few_units',
      message: `Only ${values.length} units; Gi* needs at least ${MIN_HOTSPOT_UNITS} to be reliable.`,
      details: { units: values.length, minimum: MIN_HOTSPOT_UNITS },
    });
  }
  if (eventCount < MIN_HOTSPOT_EVENTS) {
    warnings.push({
      code: 'few_events',
      message: `Only ${eventCount} events; hot spots need at least ${MIN_HOTSPOT_EVENTS} to be reliable.`,
      details: { events: eventCount, minimum: MIN_HOTSPOT_EVENTS },
    });
  }
  const isolated = features.flatMap((feature, unit) => (feature.neighbourCount === 0 ? [unit] : []));
  if (isolated.length > 0) {
    warnings.push({
      code: 'isolated_units',
      message: `${isolated.length} unit(s) have no neighbours; their z-score compares only their own value with the mean.`,
      details: { units: isolated },
    });
  }
  if (values.length > 0 && values.every((value) => value === values[0])) {
    warnings.push({ code: 'no_variation', message: 'Every unit has the same value; nothing can cluster.', details: { value: values[0] } });
  }
  return warnings;
}
