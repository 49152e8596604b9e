/**
 * Which class a value falls in, given class breaks: the one rule behind the server's legends
 * and the web's colours, so a unit is never drawn in a class its legend line does not cover.
 *
 * Breaks are [b₀, b₁, …, bₖ] for k classes, non-decreasing.
 * - Class i (0-based) holds the values v with bᵢ < v ≤ bᵢ₊₁; class 0 also holds b₀. Upper
 *   bounds are inclusive because the server's breaks are class maxima (Jenks and quantile
 *   breaks as PySAL mapclassify computes them): the largest value of a class stays in it.
 * - Where breaks repeat (bᵢ = bᵢ₊₁, e.g. Jenks with a one-value lowest class), a value equal to
 *   them falls in the lowest of those classes.
 * - Below b₀ a value clamps to class 0, above bₖ to class k − 1, so a fixed province-wide
 *   legend still colours every unit of a filtered view or another period.
 * - null, undefined, NaN and ±Infinity have no class (null): the unit is drawn as "no data",
 *   never in the lowest class. Fewer than two breaks define no class: null as well.
 */

export function classIndex(value: number | null | undefined, breaks: readonly number[]): number | null {
  if (value === null || value === undefined || !Number.isFinite(value) || breaks.length < 2) return null;
  const lastClass = breaks.length - 2;
  // Binary search for the first class whose upper bound b_{i+1} is ≥ value.
  let low = 0;
  let high = lastClass;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (value <= (breaks[middle + 1] as number)) high = middle;
    else low = middle + 1;
  }
  return low;
}
