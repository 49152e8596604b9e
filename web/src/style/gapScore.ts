/**
 * Classes of the planner's gap score for the map and its legend. The score is a weighted mean of
 * z-scores (weights sum to 1), so it is measured in standard deviations whatever the weights:
 * fixed class edges keep a colour meaning the same gap from one weighting to the next.
 */
import { classIndex } from '#contract';
import type { PlannerRow } from '#contract/api';
import type { ClassedValues } from './classify';
import { GAP_SCORE_RAMP, NO_DATA_COLOR, type Rgb } from './palettes';

/**
 * Edges in standard deviations: within ±0.2 a commune is about average; ±0.5 is a clear and ±1 a
 * strong lead of need over coverage (or the reverse). Open-ended at both ends.
 */
export const GAP_SCORE_BREAKS: readonly number[] = [Number.NEGATIVE_INFINITY, -1, -0.5, -0.2, 0.2, 0.5, 1, Number.POSITIVE_INFINITY];

export const GAP_SCORE_PALETTE = GAP_SCORE_RAMP;

/** The ranked communes as values for the choropleth layer. */
export function gapScoreClasses(rows: readonly PlannerRow[]): ClassedValues {
  return { breaks: GAP_SCORE_BREAKS, values: rows.map((row) => ({ code: row.code, value: row.gapScore })) };
}

/** Colour of a gap score in the map's classes; the ranking's chips use the same. */
export function gapScoreColor(score: number): Rgb {
  const index = classIndex(score, GAP_SCORE_BREAKS);
  return index === null ? NO_DATA_COLOR : (GAP_SCORE_PALETTE[index] as Rgb);
}
