/**
 * The colour of every drawn thing, computed once here for both renderers: the deck.gl layers on
 * screen and the static (vector) map of print and PNG export. So paper and screen always agree.
 */
import { classIndex } from '#contract';
import type { GridCell, HotspotsResponse } from '#contract/api';
import type { ClassedValues } from './classify';
import { countClassBreaks } from './classify';
import { GROUP_DENSITY_FADE_PER_KM2, GROUP_DENSITY_MAX_PER_KM2, TIP_HEX_BREAKS } from './domains';
import { HEATMAP_RAMP, HOTSPOT_BIN_COLORS, NO_DATA_COLOR, SUPPRESSED_COLOR, TIP_HEX_RAMP, type Rgb } from './palettes';

/** Colour of every unit code of a choropleth: its class, "hidden" for protected values, "no data" without a class. */
export function unitFillColors(choropleth: ClassedValues, palette: readonly Rgb[]): Map<string, Rgb> {
  const colors = new Map<string, Rgb>();
  for (const row of choropleth.values) {
    if (row.suppressed) colors.set(row.code, SUPPRESSED_COLOR);
    else {
      const index = classIndex(row.value, choropleth.breaks);
      colors.set(row.code, index === null ? NO_DATA_COLOR : (palette[index] as Rgb));
    }
  }
  return colors;
}

/** TIP_HEX_BREAKS are the first count of each class; the shared rule needs upper bounds. */
const TIP_HEX_CLASS_BREAKS = countClassBreaks(TIP_HEX_BREAKS);

export function tipCellColor(cell: GridCell): Rgb {
  if (cell.suppressed || cell.count === null) return SUPPRESSED_COLOR;
  const index = classIndex(cell.count, TIP_HEX_CLASS_BREAKS);
  return index === null ? NO_DATA_COLOR : (TIP_HEX_RAMP[index] as Rgb);
}

export function hotspotColor(bin: number): Rgb {
  return HOTSPOT_BIN_COLORS[String(bin)] as Rgb;
}

/** The significant hot and cold spots by commune code, in their bin's colour (drawn as outlines over a choropleth). */
export function significantSpots(hotspots: Pick<HotspotsResponse, 'features'>): Map<string, Rgb> {
  return new Map(hotspots.features.filter((f) => f.bin !== 0).map((f) => [f.code, hotspotColor(f.bin)]));
}

/**
 * Colour of a group density on the fixed domain of the heatmap (deck.gl maps the domain linearly
 * onto the ramp's colours): null below the fade-out density, where the surface is not drawn.
 */
export function densityColor(groupsPerKm2: number): Rgb | null {
  if (groupsPerKm2 < GROUP_DENSITY_FADE_PER_KM2) return null;
  const t = (groupsPerKm2 - GROUP_DENSITY_FADE_PER_KM2) / (GROUP_DENSITY_MAX_PER_KM2 - GROUP_DENSITY_FADE_PER_KM2);
  const index = Math.min(HEATMAP_RAMP.length - 1, Math.floor(t * HEATMAP_RAMP.length));
  return HEATMAP_RAMP[index] as Rgb;
}
