/**
 * The perturbation table of the cell key method (ABS TableBuilder, ONS 2021 census): a cell's
 * published value is a fixed function of its true count and its cell key, so the same cell
 * always gets the same answer and no query can average the noise away.
 *
 * - 0 stays 0: a cell without records has no key and nothing to protect.
 * - 1 … k − 1 is never published (no small positive value leaves the server).
 * - k and above get noise n ∈ [−D, D] with triangular weights (D + 1 − |n|), mean 0, variance
 *   D(D + 2)/6, drawn by the cell key; a result below k is raised to k (a slight upward bias
 *   right at the threshold, the price of never publishing a small value).
 */

export interface PerturbationParameters {
  /** Counts from 1 to threshold − 1 are hidden. */
  threshold: number;
  /** Largest noise added or taken away. */
  noiseBound: number;
}

export type ProtectedCell = { kind: 'zero' } | { kind: 'hidden' } | { kind: 'published'; value: number };

/** Cell keys are 32-bit: the sum of the cell's record keys modulo 2³². */
export const CELL_KEY_RANGE = 2 ** 32;

/** Cumulative triangular weights for n = −D … D, normalised to end at 1. */
function cumulativeWeights(noiseBound: number): number[] {
  const weights = Array.from({ length: 2 * noiseBound + 1 }, (_, i) => noiseBound + 1 - Math.abs(i - noiseBound));
  const total = weights.reduce((a, b) => a + b, 0);
  let running = 0;
  return weights.map((w) => (running += w) / total);
}

const cumulativeCache = new Map<number, number[]>();

/** The noise a cell key draws: the inverse of the triangular distribution at key / 2³². */
export function noiseOf(cellKey: number, noiseBound: number): number {
  let cumulative = cumulativeCache.get(noiseBound);
  if (!cumulative) {
    cumulative = cumulativeWeights(noiseBound);
    cumulativeCache.set(noiseBound, cumulative);
  }
  const u = cellKey / CELL_KEY_RANGE;
  const index = cumulative.findIndex((c) => u < c);
  return (index < 0 ? cumulative.length - 1 : index) - noiseBound;
}

export function perturb(count: number, cellKey: number, parameters: PerturbationParameters): ProtectedCell {
  if (count === 0) return { kind: 'zero' };
  if (count < parameters.threshold) return { kind: 'hidden' };
  return { kind: 'published', value: Math.max(parameters.threshold, count + noiseOf(cellKey, parameters.noiseBound)) };
}
