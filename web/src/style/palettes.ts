/**
 * Colour-blind-safe palettes, fixed so colours mean the same thing from one meeting to the
 * next: viridis (sequential, perceptually uniform), ColorBrewer YlOrRd / BuPu / RdBu (marked
 * colour-blind safe by ColorBrewer) and the Okabe–Ito qualitative set.
 */
import type { ModelSetting, PlannerFactor } from '#contract';

export type Rgb = readonly [number, number, number];

/** Viridis at nine even steps (matplotlib), dark purple → yellow. */
const VIRIDIS_ANCHORS: readonly Rgb[] = [
  [68, 1, 84],
  [71, 45, 123],
  [59, 82, 139],
  [44, 114, 142],
  [33, 145, 140],
  [40, 174, 128],
  [94, 201, 98],
  [173, 220, 48],
  [253, 231, 37],
];

/** ColorBrewer YlOrRd, 6 classes: the group-density heatmap. */
export const HEATMAP_RAMP: readonly Rgb[] = [
  [255, 255, 178],
  [254, 217, 118],
  [254, 178, 76],
  [253, 141, 60],
  [240, 59, 32],
  [189, 0, 38],
];

/** ColorBrewer BuPu (6-class set without its near-white first step, which vanishes on the land tone): tips per hexagon. */
export const TIP_HEX_RAMP: readonly Rgb[] = [
  [191, 211, 230],
  [158, 188, 218],
  [140, 150, 198],
  [136, 86, 167],
  [129, 15, 124],
];

/** ColorBrewer RdBu, 7 classes, for Gi* bins −3…3 (blue = cold spot, red = hot spot). */
export const HOTSPOT_BIN_COLORS: Record<string, Rgb> = {
  '-3': [33, 102, 172],
  '-2': [103, 169, 207],
  '-1': [209, 229, 240],
  '0': [247, 247, 247],
  '1': [253, 219, 199],
  '2': [239, 138, 98],
  '3': [178, 24, 43],
};

/**
 * ColorBrewer PuOr, 7 classes (marked colour-blind safe), low to high: the planner's gap score,
 * purple where coverage outruns need, orange where need outruns coverage, near-white between.
 */
export const GAP_SCORE_RAMP: readonly Rgb[] = [
  [84, 39, 136],
  [153, 142, 195],
  [216, 218, 235],
  [247, 247, 247],
  [254, 224, 182],
  [241, 163, 64],
  [179, 88, 6],
];

/** Okabe–Ito colours, distinguishable with every common colour-vision deficiency. */
export const MODEL_SETTING_COLORS: Record<ModelSetting, Rgb> = {
  agency: [0, 114, 178],
  enterprise: [230, 159, 0],
  hospital: [204, 121, 167],
  school: [0, 158, 115],
};

/** Today's (2025) unit boundaries: black dashes on a white casing read over every class colour. */
export const UNITS_2025_LINE_COLOR: Rgb = [17, 17, 17];
/** Hatching of old communes with no documented 2025 unit: dark grey, never a class colour. */
export const UNMAPPED_HATCH_COLOR: Rgb = [40, 40, 40];

/**
 * The six planner factors in the contribution bars, Okabe–Ito colours: warm for need (vermillion,
 * orange, reddish purple), cool for coverage (blue, sky blue, bluish green).
 */
export const FACTOR_COLORS: Record<PlannerFactor, Rgb> = {
  incidents_per_1k_households: [213, 94, 0],
  hotspot_bin: [230, 159, 0],
  trend: [204, 121, 167],
  households_covered_share: [0, 114, 178],
  groups_per_1k_households: [86, 180, 233],
  models_per_1k_households: [0, 158, 115],
};

/** Marks of a planner scenario and the row under the pointer: the app's accent blue, apart from every class colour. */
export const SCENARIO_MARK_COLOR = '#1f4e8c';

/** Units with no value (no data in the period). */
export const NO_DATA_COLOR: Rgb = [224, 224, 224];
/** Values hidden for informant privacy: a darker neutral, never a class colour, never "0". */
export const SUPPRESSED_COLOR: Rgb = [150, 150, 150];

function lerp(a: number, b: number, t: number): number {
  return Math.round(a + (b - a) * t);
}

function sampleAnchors(anchors: readonly Rgb[], t: number): Rgb {
  const position = Math.min(1, Math.max(0, t)) * (anchors.length - 1);
  const i = Math.min(anchors.length - 2, Math.floor(position));
  const a = anchors[i] as Rgb;
  const b = anchors[i + 1] as Rgb;
  const f = position - i;
  return [lerp(a[0], b[0], f), lerp(a[1], b[1], f), lerp(a[2], b[2], f)];
}

/**
 * `classes` colours of reversed viridis: pale yellow for the lowest class to dark purple for
 * the highest, so "darker = more" on the light basemap.
 */
export function choroplethPalette(classes: number): Rgb[] {
  if (classes <= 1) return [sampleAnchors(VIRIDIS_ANCHORS, 0.5)];
  return Array.from({ length: classes }, (_, i) => sampleAnchors(VIRIDIS_ANCHORS, 1 - i / (classes - 1)));
}

/** '#3f3f3f' → [63, 63, 63]. */
export function rgbOfHex(hex: string): Rgb {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

export function cssColor(rgb: Rgb, alpha = 1): string {
  return alpha >= 1 ? `rgb(${rgb[0]}, ${rgb[1]}, ${rgb[2]})` : `rgba(${rgb[0]}, ${rgb[1]}, ${rgb[2]}, ${alpha})`;
}
