/**
 * Figures made of several protected cells (a commune over several years, a district over its
 * communes) are sums of the cells as published — never of the true counts — so subtracting one
 * published figure from another only ever gives back published cells. A hidden cell enters the
 * sum as a stand-in, the middle of the hidden range, which says nothing about its true count.
 */
import type { PerturbationParameters, ProtectedCell } from './perturbation';
import type { EmptyCells } from './release';

/** A published figure: null when hidden; `estimated` when hidden cells were counted as stand-ins. */
export interface Figure {
  value: number | null;
  estimated?: true;
  /** What statistics use: the value, or the stand-in estimate of a hidden figure. */
  estimate: number;
}

/**
 * A hidden count is between 1 and k − 1: its stand-in is the middle, k / 2. In a table that
 * merges empty cells with small ones a hidden cell may be empty, and counts as nothing.
 */
export const standInOf = (parameters: PerturbationParameters, empty: EmptyCells): number => (empty === 'merged' ? 0 : parameters.threshold / 2);

/**
 * The sum of published cells. Without hidden cells it is their plain sum. With them, the
 * estimate counts each as its stand-in; it is published (rounded, marked estimated) only when
 * it reaches the threshold, so a sum of a few small cells stays hidden like a small cell.
 */
export function sumOfCells(cells: readonly ProtectedCell[], parameters: PerturbationParameters, empty: EmptyCells): Figure {
  let visible = 0;
  let hidden = 0;
  for (const cell of cells) {
    if (cell.kind === 'published') visible += cell.value;
    else if (cell.kind === 'hidden') hidden += 1;
  }
  if (hidden === 0) return { value: visible, estimate: visible };
  const estimate = visible + hidden * standInOf(parameters, empty);
  if (estimate < parameters.threshold) return { value: null, estimate };
  return { value: Math.round(estimate), estimated: true, estimate };
}
