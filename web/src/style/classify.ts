/**
 * Class helpers of the web app. Which class a value falls in is `classIndex` of the shared
 * contract (class i holds bᵢ < v ≤ bᵢ₊₁, class 0 also b₀), the same rule the server's legends use.
 */

/** What a choropleth draws: values per unit code and the class breaks they fall in. */
export interface ClassedValues {
  breaks: readonly number[];
  /** `value` null = no data; `suppressed` = hidden for privacy (drawn as such, never as a class). */
  values: readonly { code: string; value: number | null; suppressed?: boolean }[];
}

/** Bounds of class i for the legend. */
export function classBounds(breaks: readonly number[], i: number): [number, number] {
  return [breaks[i] as number, breaks[i + 1] as number];
}

/**
 * Breaks for whole counts from the first count of each class ([1, 5, 10] → classes 1–4, 5–9,
 * ≥ 10): each later start s becomes the upper bound s − 1 of the class before it, and the last
 * class is open-ended, so the shared rule places every count where the legend lists it.
 */
export function countClassBreaks(starts: readonly number[]): number[] {
  if (starts.length === 0) return [];
  return [starts[0] as number, ...starts.slice(1).map((start) => start - 1), Number.POSITIVE_INFINITY];
}
