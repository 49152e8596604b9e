/**
 * Getis-Ord Gi* local hot-spot statistic with binary weights and the unit itself included
 * (Getis & Ord 1992; Ord & Getis 1995, "Local spatial autocorrelation statistics", Geographical
 * Analysis 27(4)). For unit i with weights wᵢⱼ = 1 for j = i and for each neighbour j, else 0:
 *
 *   Gi* = (Σⱼ wᵢⱼ xⱼ − X̄ Σⱼ wᵢⱼ) / (S · √((n Σⱼ wᵢⱼ² − (Σⱼ wᵢⱼ)²) / (n − 1)))
 *
 * with X̄ = Σ xⱼ / n and S = √(Σ xⱼ² / n − X̄²) (the population standard deviation). Gi* is
 * itself a z-score; the p-value is two-sided under the standard normal. This is the formula of
 * ArcGIS "Hot Spot Analysis (Getis-Ord Gi*)", of R spdep `localG` with `include.self()` and of
 * PySAL esda `G_Local(star=True, transform='B').Zs` — all algebraically identical.
 *
 * Edge cases, chosen so an independent implementation gives the same numbers:
 * - all values equal (S = 0): z = 0, p = 1 for every unit (nothing can be clustered);
 * - a unit whose neighbourhood is every unit (Σ wᵢⱼ = n): numerator and denominator are both 0,
 *   z = 0, p = 1;
 * - an isolated unit (no neighbours) keeps the formula with only itself, z = (xᵢ − X̄)/S, as
 *   PySAL and spdep compute it; `neighbourCount: 0` lets the caller warn about it.
 */
import { AnalyticsError, assertFiniteNumbers } from './errors';
import { twoSidedPValue } from './normal';

export interface GiStarResult {
  /** Gi* z-score: positive where high values cluster, negative where low values cluster. */
  z: number;
  /** Two-sided p-value of z under the standard normal. */
  p: number;
  /** Number of neighbours, not counting the unit itself. */
  neighbourCount: number;
}

const NO_CLUSTERING: Omit<GiStarResult, 'neighbourCount'> = { z: 0, p: 1 };

/**
 * Gi* for every unit.
 * @param values one value per unit (counts or rates), finite numbers.
 * @param neighbours for each unit, the indices of its neighbours WITHOUT the unit itself (the
 *   statistic adds it); duplicates are ignored. Lists need not be symmetric.
 * @throws AnalyticsError `invalid_input` for non-finite values or mismatched lengths,
 *   `invalid_neighbours` for an index out of range or a unit listed as its own neighbour.
 * @example giStar([8, 7, 5, 6, 4, 2, 3, 1, 0], rookNeighboursOf3x3)[0].z // 9/√15 ≈ 2.3238
 */
export function giStar(values: readonly number[], neighbours: readonly (readonly number[])[]): GiStarResult[] {
  assertFiniteNumbers(values, 'Gi* values');
  const n = values.length;
  if (neighbours.length !== n) {
    throw new AnalyticsError('invalid_input', `Gi* needs one neighbour list per value (${n} values, ${neighbours.length} lists).`, {
      values: n,
      neighbourLists: neighbours.length,
    });
  }
  const neighbourSets = neighbours.map((list, unit) => uniqueNeighbours(list, unit, n));
  if (n === 0) return [];

  if (values.every((value) => value === values[0])) return neighbourSets.map((set) => ({ ...NO_CLUSTERING, neighbourCount: set.length }));

  const mean = values.reduce((sum, value) => sum + value, 0) / n;
  // Σ(x − X̄)²/n equals Σx²/n − X̄² but does not lose digits to cancellation.
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / n;
  const standardDeviation = Math.sqrt(variance);

  return neighbourSets.map((set, unit) => {
    const weightSum = set.length + 1;
    if (weightSum >= n) return { ...NO_CLUSTERING, neighbourCount: set.length };
    const localSum = set.reduce((sum, j) => sum + values[j]!, values[unit]!);
    // Binary weights: Σ wᵢⱼ² = Σ wᵢⱼ.
    const spread = Math.sqrt((n * weightSum - weightSum * weightSum) / (n - 1));
    const z = (localSum - mean * weightSum) / (standardDeviation * spread);
    return { z, p: twoSidedPValue(z), neighbourCount: set.length };
  });
}

function uniqueNeighbours(list: readonly number[], unit: number, unitCount: number): number[] {
  const unique = new Set<number>();
  for (const neighbour of list) {
    if (!Number.isInteger(neighbour) || neighbour < 0 || neighbour >= unitCount) {
      throw new AnalyticsError('invalid_neighbours', `Unit ${unit} lists neighbour ${neighbour}, which is not a unit index.`, {
        unit,
        neighbour,
      });
    }
    if (neighbour === unit) {
      throw new AnalyticsError('invalid_neighbours', `Unit ${unit} lists itself as a neighbour; Gi* adds the unit itself.`, { unit });
    }
    unique.add(neighbour);
  }
  return [...unique];
}
