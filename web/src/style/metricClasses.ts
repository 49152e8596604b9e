/**
 * A metric's classes as the reader sees them: breaks rounded to the precision the legend writes
 * (whole numbers for counts, one decimal for rates), and every value placed by the number its
 * tooltip shows. So class i reads "(bᵢ + one step) – bᵢ₊₁" with no end value shared between two
 * lines, and a commune whose tooltip says 9 is never coloured as the "10 – 14" class.
 */
import { LAYER_COUNT_METRIC, METRIC_LAYER, type ChoroplethMetric } from '#contract';
import type { ChoroplethResponse } from '#contract/api';
import type { ClassedValues } from './classify';

/** Decimals the web writes a rate or density with (legend/metricText.ts writes the same). */
export const RATE_DECIMALS = 1;

export function metricDecimals(metric: ChoroplethMetric): number {
  return LAYER_COUNT_METRIC[METRIC_LAYER[metric]] === metric ? 0 : RATE_DECIMALS;
}

/** `value` rounded to `decimals`, halves away from zero like Intl.NumberFormat. */
export function roundTo(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return (Math.sign(value) * Math.round(Math.abs(value) * scale)) / scale;
}

/**
 * Breaks rounded to the metric's precision. A break that rounds onto the one before it would
 * leave a class no value can fall in, so it is dropped (b₀ = b₁, a one-value lowest class, stays).
 */
export function displayBreaks(metric: ChoroplethMetric, breaks: readonly number[]): number[] {
  const decimals = metricDecimals(metric);
  const rounded: number[] = [];
  for (const [i, b] of breaks.entries()) {
    const r = roundTo(b, decimals);
    if (i >= 2 && r === rounded.at(-1)) continue;
    rounded.push(r);
  }
  return rounded;
}

/** Lowest and highest value class i holds, at the metric's precision. */
export function displayClassBounds(metric: ChoroplethMetric, breaks: readonly number[], i: number): [number, number] {
  const decimals = metricDecimals(metric);
  const lo = breaks[i] as number;
  const hi = breaks[i + 1] as number;
  // Class 0 also holds b₀; every later class starts one step above the break below it.
  return [i === 0 ? lo : roundTo(lo + 10 ** -decimals, decimals), hi];
}

/** The choropleth as the layer draws it: display breaks, and values at display precision. */
export function metricClasses(choropleth: ChoroplethResponse): ClassedValues {
  const decimals = metricDecimals(choropleth.metric);
  return {
    breaks: displayBreaks(choropleth.metric, choropleth.breaks),
    values: choropleth.values.map((v) => ({ ...v, value: v.value === null ? null : roundTo(v.value, decimals) })),
  };
}
