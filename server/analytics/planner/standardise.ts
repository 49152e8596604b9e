/**
 * z-scores across communes, so inputs in different units (rates, bins, trend z) weigh alike:
 * zᵢ = (xᵢ − x̄)/s with the population standard deviation s. When every commune has the same
 * value the input cannot tell them apart, and every z is 0.
 */
export function standardise(values: readonly number[]): number[] {
  const n = values.length;
  if (n === 0) return [];
  const mean = values.reduce((sum, value) => sum + value, 0) / n;
  const spread = Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / n);
  if (spread === 0 || values.every((value) => value === values[0])) return values.map(() => 0);
  return values.map((value) => (value - mean) / spread);
}
