/**
 * Pure statistics for TLG Atlas: no I/O, no database, no network. The HTTP routes feed them
 * numbers and neighbour lists and turn AnalyticsError into the API's error shape.
 */
export { ANALYTICS_ERROR_CODES, AnalyticsError, isAnalyticsError, type AnalyticsErrorCode } from './errors';
export { erfc, normalCdf, twoSidedPValue } from './normal';
export { giStar, type GiStarResult } from './gi-star';
export { benjaminiHochberg, bhAdjustedPValues, type BenjaminiHochbergResult } from './fdr';
export {
  CONFIDENCE_LEVELS,
  confidenceBin,
  confidenceBins,
  countSignificant,
  fdrConfidenceBins,
  type ConfidenceBin,
  type ConfidenceLevel,
} from './confidence-bins';
export {
  HOT_SPOT_WARNING_CODES,
  MIN_HOTSPOT_EVENTS,
  MIN_HOTSPOT_UNITS,
  giStarHotSpots,
  hotSpotWarnings,
  type HotSpotFeature,
  type HotSpotOptions,
  type HotSpotWarning,
  type HotSpotWarningCode,
} from './hot-spots';
export { QUEEN_SNAP_DEGREES, queenContiguity, type AreaGeometry, type PolygonCoordinates, type Position } from './queen-contiguity';
export { h3DistanceBandNeighbours, h3GridDiskNeighbours, h3KNearestNeighbours } from './h3-neighbours';
export {
  JENKS_EXACT_MAX_VALUES,
  JENKS_SAMPLE_SIZE,
  classBreaks,
  equalIntervalBreaks,
  jenksBreaks,
  quantileBreaks,
  type MaybeNumber,
} from './classification';
export { TREND_ALPHA, mannKendall, type MannKendallResult, type TrendDirection } from './mann-kendall';
export {
  EMERGING_PATTERNS,
  MIN_TIME_STEPS,
  classifyEmergingPattern,
  emergingHotSpots,
  type EmergingOptions,
  type EmergingPattern,
  type EmergingResult,
  type EmergingSeries,
  type EmergingTimeSlice,
} from './emerging-hotspots';
export * from './planner';
