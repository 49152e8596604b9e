/**
 * Benjamini–Hochberg false discovery rate control (Benjamini & Hochberg 1995, "Controlling the
 * false discovery rate", JRSS B 57(1) 289–300). With the m p-values sorted p₍₁₎ ≤ … ≤ p₍ₘ₎, find
 * the largest k with p₍ₖ₎ ≤ (k/m)·α and reject the k hypotheses with the smallest p-values.
 * The adjusted p-value (R `p.adjust(method = "BH")`) is p̃₍ᵢ₎ = minⱼ≥ᵢ min(1, m·p₍ⱼ₎/j).
 */
import { AnalyticsError, assertFiniteNumbers } from './errors';

export interface BenjaminiHochbergResult {
  /** rejected[i]: hypothesis i is rejected (the unit is significant) at the requested FDR. */
  rejected: boolean[];
  rejectedCount: number;
  /** The largest rejected p-value (the effective critical p); 0 when nothing is rejected. */
  criticalP: number;
}

/**
 * Benjamini–Hochberg step-up procedure at false discovery rate `alpha`.
 * @throws AnalyticsError `invalid_input` when a p-value is outside [0, 1] or alpha outside (0, 1).
 * @example benjaminiHochberg([0.01, 0.04, 0.03, 0.20], 0.05).rejected // [true, true, true, false]
 */
export function benjaminiHochberg(pValues: readonly number[], alpha: number): BenjaminiHochbergResult {
  assertPValues(pValues);
  if (!(alpha > 0 && alpha < 1)) {
    throw new AnalyticsError('invalid_input', `The false discovery rate must lie strictly between 0 and 1, not ${alpha}.`, { alpha });
  }
  const m = pValues.length;
  const order = ascendingOrder(pValues);
  let lastRejectedRank = 0;
  order.forEach((unit, position) => {
    const rank = position + 1;
    if (pValues[unit]! <= (rank * alpha) / m) lastRejectedRank = rank;
  });
  const rejected = new Array<boolean>(m).fill(false);
  for (let position = 0; position < lastRejectedRank; position += 1) rejected[order[position]!] = true;
  const criticalP = lastRejectedRank === 0 ? 0 : pValues[order[lastRejectedRank - 1]!]!;
  return { rejected, rejectedCount: lastRejectedRank, criticalP };
}

/**
 * Benjamini–Hochberg adjusted p-values, in the input order (same as R `p.adjust(p, "BH")`).
 * A hypothesis is rejected at FDR α exactly when its adjusted p-value is ≤ α.
 */
export function bhAdjustedPValues(pValues: readonly number[]): number[] {
  assertPValues(pValues);
  const m = pValues.length;
  const order = ascendingOrder(pValues);
  const adjusted = new Array<number>(m);
  let runningMin = 1;
  for (let position = m - 1; position >= 0; position -= 1) {
    const unit = order[position]!;
    runningMin = Math.min(runningMin, (m * pValues[unit]!) / (position + 1));
    adjusted[unit] = runningMin;
  }
  return adjusted;
}

/** Indices sorted by ascending p, ties kept in input order so results are deterministic. */
function ascendingOrder(pValues: readonly number[]): number[] {
  return pValues.map((_, index) => index).sort((a, b) => pValues[a]! - pValues[b]! || a - b);
}

function assertPValues(pValues: readonly number[]): void {
  assertFiniteNumbers(pValues, 'p-values');
  const index = pValues.findIndex((p) => p < 0 || p > 1);
  if (index >= 0) {
    throw new AnalyticsError('invalid_input', `p-values must lie in [0, 1]; item ${index} is ${pValues[index]}.`, { index });
  }
}
