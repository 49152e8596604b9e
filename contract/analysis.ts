/** Vocabulary of the hot-spot statistics: emerging patterns, trend directions, warnings, bins. */

/** ESRI's emerging hot-spot categories (Emerging Hot Spot Analysis, Space Time Pattern Mining). */
export const EMERGING_PATTERNS = [
  'new_hot_spot',
  'consecutive_hot_spot',
  'intensifying_hot_spot',
  'persistent_hot_spot',
  'diminishing_hot_spot',
  'sporadic_hot_spot',
  'oscillating_hot_spot',
  'historical_hot_spot',
  'new_cold_spot',
  'consecutive_cold_spot',
  'intensifying_cold_spot',
  'persistent_cold_spot',
  'diminishing_cold_spot',
  'sporadic_cold_spot',
  'oscillating_cold_spot',
  'historical_cold_spot',
  'no_pattern',
] as const;
export type EmergingPattern = (typeof EMERGING_PATTERNS)[number];

/**
 * Fewest yearly slices the emerging analysis accepts: with fewer than 5 ordered values no
 * Mann–Kendall two-sided p-value (exact: 2/n! ≥ 0.083 for n = 4) can fall below 0.05.
 */
export const EMERGING_MIN_TIME_STEPS = 5;

export const TREND_DIRECTIONS = ['increasing', 'decreasing', 'no_trend'] as const;
export type TrendDirection = (typeof TREND_DIRECTIONS)[number];

export const HOT_SPOT_WARNING_CODES = ['few_units', 'few_events', 'isolated_units', 'no_variation'] as const;
export type HotSpotWarningCode = (typeof HOT_SPOT_WARNING_CODES)[number];

/** Gi* confidence bin: ±3/±2/±1 = 99/95/90 % hot (+) or cold (−) spot, 0 = not significant. */
export const HOTSPOT_BINS = [-3, -2, -1, 0, 1, 2, 3] as const;
export type HotspotBin = (typeof HOTSPOT_BINS)[number];

export const HOTSPOT_UNITS = ['commune', 'h3'] as const;
export type HotspotUnit = (typeof HOTSPOT_UNITS)[number];

export const HOTSPOT_VALUES = ['count', 'per_1k_households'] as const;
export type HotspotValue = (typeof HOTSPOT_VALUES)[number];
