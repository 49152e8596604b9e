/**
 * Mann–Kendall test for a monotonic trend in an ordered series (Mann 1945; Kendall 1975;
 * Gilbert 1987, "Statistical Methods for Environmental Pollution Monitoring", §16.4):
 *
 *   S = Σ_{i<j} sign(x_j − x_i)
 *   Var(S) = [n(n − 1)(2n + 5) − Σ_t t(t − 1)(2t + 5)] / 18   (t: size of each group of ties)
 *   z = (S − 1)/√Var(S) if S > 0,  0 if S = 0,  (S + 1)/√Var(S) if S < 0   (continuity correction)
 *   p = two-sided normal p-value of z.
 */
import type { TrendDirection } from '#contract';
import { assertFiniteNumbers } from './errors';
import { twoSidedPValue } from './normal';

/**
 * Default significance level of a trend: the conventional 95 %, the level of the ±2 hot-spot
 * bin. ESRI does not publish the level Emerging Hot Spot Analysis uses.
 */
export const TREND_ALPHA = 0.05;


export interface MannKendallResult {
  n: number;
  /** Mann–Kendall S: concordant minus discordant pairs. */
  s: number;
  /** Variance of S under no trend, corrected for ties. */
  variance: number;
  /** Normal score of S with continuity correction; 0 when S = 0 or Var(S) = 0. */
  z: number;
  /** Two-sided p-value of z. */
  p: number;
  /** 'increasing'/'decreasing' when p ≤ alpha, else 'no_trend'. */
  trend: TrendDirection;
}

/**
 * Mann–Kendall trend test of a time-ordered series.
 * @param series values in time order (equal time steps), finite numbers.
 * @param alpha significance level for `trend`, default TREND_ALPHA.
 * @throws AnalyticsError `invalid_input` for a non-finite value.
 * @example mannKendall([1, 2, 3, 4, 5]) // s 10, variance 50/3, z 2.2045, p 0.0275, 'increasing'
 */
export function mannKendall(series: readonly number[], alpha: number = TREND_ALPHA): MannKendallResult {
  assertFiniteNumbers(series, 'Mann–Kendall series');
  const n = series.length;
  let s = 0;
  for (let i = 0; i < n - 1; i += 1) {
    for (let j = i + 1; j < n; j += 1) s += Math.sign(series[j]! - series[i]!);
  }
  const variance = (n * (n - 1) * (2 * n + 5) - tieTerm(series)) / 18;
  const z = s === 0 || variance === 0 ? 0 : (s - Math.sign(s)) / Math.sqrt(variance);
  const p = twoSidedPValue(z);
  const trend: TrendDirection = p <= alpha && z !== 0 ? (z > 0 ? 'increasing' : 'decreasing') : 'no_trend';
  return { n, s, variance, z, p, trend };
}

/** Σ t(t − 1)(2t + 5) over the groups of tied values. */
function tieTerm(series: readonly number[]): number {
  const groupSizes = new Map<number, number>();
  for (const value of series) groupSizes.set(value, (groupSizes.get(value) ?? 0) + 1);
  let term = 0;
  for (const t of groupSizes.values()) term += t * (t - 1) * (2 * t + 5);
  return term;
}
