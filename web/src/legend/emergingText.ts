/** Words for the emerging hot-spot analysis: its patterns and its Mann–Kendall trend directions. */
import type { EmergingPattern, TrendDirection } from '#contract';
import type { MessageKey } from '../i18n/i18n';

export const EMERGING_PATTERN_KEYS: Record<EmergingPattern, MessageKey> = {
  new_hot_spot: 'emerging.new_hot_spot',
  consecutive_hot_spot: 'emerging.consecutive_hot_spot',
  intensifying_hot_spot: 'emerging.intensifying_hot_spot',
  persistent_hot_spot: 'emerging.persistent_hot_spot',
  diminishing_hot_spot: 'emerging.diminishing_hot_spot',
  sporadic_hot_spot: 'emerging.sporadic_hot_spot',
  oscillating_hot_spot: 'emerging.oscillating_hot_spot',
  historical_hot_spot: 'emerging.historical_hot_spot',
  new_cold_spot: 'emerging.new_cold_spot',
  consecutive_cold_spot: 'emerging.consecutive_cold_spot',
  intensifying_cold_spot: 'emerging.intensifying_cold_spot',
  persistent_cold_spot: 'emerging.persistent_cold_spot',
  diminishing_cold_spot: 'emerging.diminishing_cold_spot',
  sporadic_cold_spot: 'emerging.sporadic_cold_spot',
  oscillating_cold_spot: 'emerging.oscillating_cold_spot',
  historical_cold_spot: 'emerging.historical_cold_spot',
  no_pattern: 'emerging.no_pattern',
};

export const TREND_KEYS: Record<TrendDirection, MessageKey> = {
  increasing: 'trend.increasing',
  decreasing: 'trend.decreasing',
  no_trend: 'trend.no_trend',
};
