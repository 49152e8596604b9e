/**
 * Fixed colours of the emerging hot-spot patterns, after ESRI's Emerging Hot Spot Analysis
 * symbology: hot-spot patterns in reds, cold-spot patterns in the mirrored blues, "no pattern"
 * a near-white wash. Within each side the strength of the pattern sets the darkness
 * (intensifying darkest, then persistent, consecutive, new; diminishing, sporadic lighter) and
 * the two mixed histories get a hue of their own so they never read as a plain strength step:
 * oscillating leans to magenta (hot) or violet (cold), historical to brown (hot) or slate (cold).
 * The colours never depend on the data, so a pattern has one colour in every period.
 */
import type { EmergingPattern } from '#contract';
import type { Rgb } from './palettes';

export const EMERGING_PATTERN_COLORS: Record<EmergingPattern, Rgb> = {
  intensifying_hot_spot: [127, 0, 0],
  persistent_hot_spot: [189, 0, 38],
  consecutive_hot_spot: [227, 26, 28],
  new_hot_spot: [252, 78, 42],
  diminishing_hot_spot: [253, 141, 60],
  sporadic_hot_spot: [254, 204, 92],
  oscillating_hot_spot: [197, 27, 125],
  historical_hot_spot: [140, 81, 10],
  intensifying_cold_spot: [8, 29, 88],
  persistent_cold_spot: [37, 52, 148],
  consecutive_cold_spot: [34, 94, 168],
  new_cold_spot: [29, 145, 192],
  diminishing_cold_spot: [65, 182, 196],
  sporadic_cold_spot: [158, 202, 225],
  oscillating_cold_spot: [106, 81, 163],
  historical_cold_spot: [82, 96, 118],
  no_pattern: [247, 247, 247],
};

/** Patterns fill their communes almost opaquely; "no pattern" is a wash that keeps the basemap readable. */
export const EMERGING_PATTERN_ALPHA = 235;
export const EMERGING_NO_PATTERN_ALPHA = 110;

export function emergingFill(pattern: EmergingPattern): [number, number, number, number] {
  const [r, g, b] = EMERGING_PATTERN_COLORS[pattern];
  return [r, g, b, pattern === 'no_pattern' ? EMERGING_NO_PATTERN_ALPHA : EMERGING_PATTERN_ALPHA];
}
