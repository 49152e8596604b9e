/**
 * Hot/cold spot confidence bins of a Gi* result, as in ArcGIS "Hot Spot Analysis" (Gi_Bin):
 * ±3, ±2, ±1 for 99, 95 and 90 % confidence (two-sided), 0 when not significant; the sign is the
 * sign of z (+ hot spot, − cold spot). API_CONTRACT.md fixes the cut-offs on |z|.
 *
 * With the false discovery rate correction, a unit keeps bin ±b only if it is ALSO rejected by
 * Benjamini–Hochberg at that level's α (0.01, 0.05, 0.10), each level run on all units
 * separately, as ArcGIS does. Requiring both means the corrected bin is never larger than the
 * uncorrected one: FDR can only remove significance, never add it (the rounded z cut-offs
 * 1.645/1.960/2.576 are a hair stricter than the exact α quantiles, so BH alone could).
 */
import { assertFiniteNumbers } from './errors';
import { benjaminiHochberg } from './fdr';

export type ConfidenceBin = -3 | -2 | -1 | 0 | 1 | 2 | 3;

export interface ConfidenceLevel {
  bin: 1 | 2 | 3;
  /** Two-sided significance level. */
  alpha: number;
  /** |z| at or above which the level is reached (API_CONTRACT.md). */
  minAbsZ: number;
}

/** Strongest first, so the first level a unit reaches is its bin. */
export const CONFIDENCE_LEVELS: readonly ConfidenceLevel[] = [
  { bin: 3, alpha: 0.01, minAbsZ: 2.576 },
  { bin: 2, alpha: 0.05, minAbsZ: 1.96 },
  { bin: 1, alpha: 0.1, minAbsZ: 1.645 },
];

/**
 * Uncorrected bin of one z-score: sign(z)·3 if |z| ≥ 2.576, ·2 if ≥ 1.960, ·1 if ≥ 1.645, else 0.
 * @example confidenceBin(1.9596) // 1   confidenceBin(-2.6) // -3
 */
export function confidenceBin(z: number): ConfidenceBin {
  assertFiniteNumbers([z], 'z-score');
  const level = CONFIDENCE_LEVELS.find(({ minAbsZ }) => Math.abs(z) >= minAbsZ);
  return signedBin(z, level?.bin ?? 0);
}

/** Uncorrected bins, one per z-score. */
export function confidenceBins(zScores: readonly number[]): ConfidenceBin[] {
  return zScores.map(confidenceBin);
}

/**
 * Bins with the Benjamini–Hochberg FDR correction over all units: unit i gets ±b for the
 * strongest level where |zᵢ| ≥ the level's cut-off AND BH at the level's α rejects pᵢ.
 * @param results z and two-sided p per unit (e.g. the output of `giStar`).
 * @returns one bin per unit; |fdr bin| ≤ |uncorrected bin| for every unit.
 */
export function fdrConfidenceBins(results: readonly { z: number; p: number }[]): ConfidenceBin[] {
  const zScores = results.map(({ z }) => z);
  assertFiniteNumbers(zScores, 'z-scores');
  const pValues = results.map(({ p }) => p);
  const rejectedByLevel = CONFIDENCE_LEVELS.map((level) => ({
    level,
    rejected: benjaminiHochberg(pValues, level.alpha).rejected,
  }));
  return zScores.map((z, unit) => {
    const reached = rejectedByLevel.find(({ level, rejected }) => rejected[unit] && Math.abs(z) >= level.minAbsZ);
    return signedBin(z, reached?.level.bin ?? 0);
  });
}

/** Counts units per bin, e.g. for the response summary and the "FDR never adds" check. */
export function countSignificant(bins: readonly ConfidenceBin[]): { hot: number; cold: number } {
  return {
    hot: bins.filter((bin) => bin > 0).length,
    cold: bins.filter((bin) => bin < 0).length,
  };
}

function signedBin(z: number, magnitude: 0 | 1 | 2 | 3): ConfidenceBin {
  if (magnitude === 0 || z === 0) return 0;
  return (z > 0 ? magnitude : -magnitude) as ConfidenceBin;
}
