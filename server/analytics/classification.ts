/**
 * Class breaks for choropleth legends: quantile, equal interval and Jenks natural breaks.
 *
 * Shared conventions (the same as PySAL mapclassify, so legends can be checked against it):
 * - breaks are [b₀, b₁, …, bₖ] with b₀ = min and bₖ = max of the values, non-decreasing;
 *   class c (0-based) holds the values v with b_c < v ≤ b_{c+1}, class 0 also holds b₀ (the rule
 *   is `classIndex` in contract/classes.ts, shared with the web app);
 * - null, undefined, NaN and ±Infinity are skipped (a unit without a value gets no class);
 * - no values → []; one distinct value v → [v, v] (a single class);
 * - never more classes than distinct values: asking for 5 classes of {1, 2, 3} gives 3, and
 *   quantile breaks that coincide because of ties are merged, so a legend may have fewer
 *   classes than asked for. Only b₀ = b₁ can occur (Jenks, when the lowest class is one value,
 *   as in mapclassify); every later break is strictly larger than the one before.
 */
import type { ClassificationScheme } from '#contract';
import { AnalyticsError } from './errors';

/**
 * Above this many distinct values, Jenks runs on a sample: the exact O(k·n²) Fisher algorithm
 * takes about 0.3 s for 3,000 values and 9 classes on one core, and grows with the square.
 */
export const JENKS_EXACT_MAX_VALUES = 3000;

/**
 * Size of that sample: evenly spaced order statistics of all values (always including the
 * minimum and maximum), so the sample keeps the distribution's shape and the result is
 * deterministic (a random sample would make the legend change between requests).
 */
export const JENKS_SAMPLE_SIZE = 3000;

export type MaybeNumber = number | null | undefined;

/** Breaks of the requested scheme. @see quantileBreaks, equalIntervalBreaks, jenksBreaks */
export function classBreaks(values: readonly MaybeNumber[], scheme: ClassificationScheme, classes: number): number[] {
  switch (scheme) {
    case 'quantile':
      return quantileBreaks(values, classes);
    case 'equal':
      return equalIntervalBreaks(values, classes);
    case 'jenks':
      return jenksBreaks(values, classes);
  }
}

/**
 * Quantile breaks: b_c is the c/k quantile with linear interpolation between order statistics
 * (Hyndman & Fan 1996 type 7, the default of R `quantile` and d3 `quantileSorted`):
 * for sorted x₀…x_{n−1}, h = (n − 1)·c/k, b_c = x_⌊h⌋ + (h − ⌊h⌋)(x_⌊h⌋₊₁ − x_⌊h⌋).
 * k is reduced to the number of distinct values, and equal consecutive breaks (from ties) are merged.
 * @example quantileBreaks([1, 2, 3, 4, 5], 2) // [1, 3, 5]
 */
export function quantileBreaks(values: readonly MaybeNumber[], classes: number): number[] {
  const sorted = sortedFinite(values, classes);
  if (sorted.length === 0) return [];
  const k = Math.min(classes, distinctValues(sorted).length);
  const breaks = [sorted[0]!];
  for (let c = 1; c < k; c += 1) {
    const h = ((sorted.length - 1) * c) / k;
    const lower = Math.floor(h);
    const upper = Math.min(lower + 1, sorted.length - 1);
    breaks.push(sorted[lower]! + (h - lower) * (sorted[upper]! - sorted[lower]!));
  }
  breaks.push(sorted[sorted.length - 1]!);
  return mergeEqualBreaks(breaks);
}

/**
 * Equal-interval breaks: b_c = min + c·(max − min)/k, with b_k = max exactly; k is reduced to the
 * number of distinct values.
 * @example equalIntervalBreaks([0, 3, 10], 2) // [0, 5, 10]
 */
export function equalIntervalBreaks(values: readonly MaybeNumber[], classes: number): number[] {
  const sorted = sortedFinite(values, classes);
  if (sorted.length === 0) return [];
  const min = sorted[0]!;
  const max = sorted[sorted.length - 1]!;
  const k = Math.min(classes, distinctValues(sorted).length);
  if (k === 1) return [min, max];
  const width = (max - min) / k;
  const breaks = [min];
  for (let c = 1; c < k; c += 1) breaks.push(min + c * width);
  breaks.push(max);
  return breaks;
}

/**
 * Jenks natural breaks by Fisher's exact dynamic programme (Fisher 1958, "On grouping for
 * maximum homogeneity", JASA 53: 789–798; Jenks 1977): among all partitions of the sorted values
 * into k contiguous classes, the one with the least total within-class sum of squared
 * deviations. Equal values are never split across classes (an optimum that keeps them together
 * always exists), so the programme runs over distinct values weighted by their counts.
 * Breaks are the class maxima. Above JENKS_EXACT_MAX_VALUES distinct values it runs on
 * JENKS_SAMPLE_SIZE evenly spaced order statistics; b₀ and bₖ remain the true min and max.
 * @example jenksBreaks([1, 2, 3, 10, 11, 12], 2) // [1, 3, 12]
 */
export function jenksBreaks(values: readonly MaybeNumber[], classes: number): number[] {
  const all = sortedFinite(values, classes);
  if (all.length === 0) return [];
  const sorted = distinctValues(all).length > JENKS_EXACT_MAX_VALUES ? evenlySpacedSample(all, JENKS_SAMPLE_SIZE) : all;
  const groups = weightedDistinct(sorted);
  const k = Math.min(classes, groups.length);
  if (k === 1) return [all[0]!, all[all.length - 1]!];
  const classEnds = fisherClassEnds(groups, k);
  return [all[0]!, ...classEnds.slice(0, -1).map((end) => groups[end]!.value), all[all.length - 1]!];
}

interface WeightedValue {
  value: number;
  count: number;
}

/**
 * Fisher's programme over weighted distinct values g₀…g_{m−1}: cost[c][j] is the least sum of
 * squared deviations of g₀…g_j split into c + 1 classes, and each class's sum of squares comes
 * from prefix sums of count, count·x and count·x² (x centred on the mean to avoid cancellation).
 * Returns the index of the last group of each class; ties between equally good splits go to
 * the earliest split so the result is deterministic.
 */
function fisherClassEnds(groups: readonly WeightedValue[], k: number): number[] {
  const m = groups.length;
  const totalCount = groups.reduce((sum, group) => sum + group.count, 0);
  const centre = groups.reduce((sum, group) => sum + group.count * group.value, 0) / totalCount;
  const prefixCount = new Float64Array(m + 1);
  const prefixSum = new Float64Array(m + 1);
  const prefixSquares = new Float64Array(m + 1);
  groups.forEach(({ value, count }, index) => {
    const x = value - centre;
    prefixCount[index + 1] = prefixCount[index]! + count;
    prefixSum[index + 1] = prefixSum[index]! + count * x;
    prefixSquares[index + 1] = prefixSquares[index]! + count * x * x;
  });
  /** Within-class sum of squares of groups first…last (inclusive). */
  const classCost = (first: number, last: number): number => {
    const count = prefixCount[last + 1]! - prefixCount[first]!;
    const sum = prefixSum[last + 1]! - prefixSum[first]!;
    return Math.max(0, prefixSquares[last + 1]! - prefixSquares[first]! - (sum * sum) / count);
  };

  const cost = Array.from({ length: k }, () => new Float64Array(m).fill(Number.POSITIVE_INFINITY));
  const firstOfLastClass = Array.from({ length: k }, () => new Int32Array(m));
  for (let j = 0; j < m; j += 1) cost[0]![j] = classCost(0, j);
  for (let c = 1; c < k; c += 1) {
    for (let j = c; j < m; j += 1) {
      let best = Number.POSITIVE_INFINITY;
      let bestFirst = c;
      for (let first = c; first <= j; first += 1) {
        const candidate = cost[c - 1]![first - 1]! + classCost(first, j);
        if (candidate < best) {
          best = candidate;
          bestFirst = first;
        }
      }
      cost[c]![j] = best;
      firstOfLastClass[c]![j] = bestFirst;
    }
  }

  const ends = new Array<number>(k);
  let last = m - 1;
  for (let c = k - 1; c >= 0; c -= 1) {
    ends[c] = last;
    last = firstOfLastClass[c]![last]! - 1;
  }
  return ends;
}

function sortedFinite(values: readonly MaybeNumber[], classes: number): number[] {
  if (!(Number.isInteger(classes) && classes >= 1)) {
    throw new AnalyticsError('invalid_input', `The number of classes must be a positive integer, not ${classes}.`, { classes });
  }
  return values.filter((value): value is number => typeof value === 'number' && Number.isFinite(value)).sort((a, b) => a - b);
}

function distinctValues(sorted: readonly number[]): number[] {
  return sorted.filter((value, index) => index === 0 || value !== sorted[index - 1]);
}

function weightedDistinct(sorted: readonly number[]): WeightedValue[] {
  const groups: WeightedValue[] = [];
  for (const value of sorted) {
    const lastGroup = groups[groups.length - 1];
    if (lastGroup && lastGroup.value === value) lastGroup.count += 1;
    else groups.push({ value, count: 1 });
  }
  return groups;
}

function evenlySpacedSample(sorted: readonly number[], size: number): number[] {
  return Array.from({ length: size }, (_, i) => sorted[Math.round((i * (sorted.length - 1)) / (size - 1))]!);
}

function mergeEqualBreaks(breaks: readonly number[]): number[] {
  const merged = distinctValues(breaks);
  return merged.length === 1 ? [merged[0]!, merged[0]!] : merged;
}
