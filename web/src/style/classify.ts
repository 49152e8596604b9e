/** What a choropleth draws: values per unit code and the class breaks they fall in. */
export interface ClassedValues {
  breaks: readonly number[];
  /** `value` null = no data; `suppressed` = hidden for privacy (drawn as such, never as a class). */
  values: readonly { code: string; value: number | null; suppressed?: boolean }[];
}

/**
 * Placing a value in the server's class breaks. Breaks are [b0, …, bk] for k classes; class i
 * holds b_i ≤ v ≤ b_{i+1} (the top edge belongs to the lower class, as the server computes it).
 */

export function classIndex(value: number, breaks: readonly number[]): number {
  const classes = breaks.length - 1;
  if (classes < 1) return 0;
  for (let i = 0; i < classes; i += 1) {
    if (value <= (breaks[i + 1] as number)) return i;
  }
  return classes - 1;
}

/** Bounds of class i for the legend. */
export function classBounds(breaks: readonly number[], i: number): [number, number] {
  return [breaks[i] as number, breaks[i + 1] as number];
}
