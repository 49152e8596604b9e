/**
 * Heatmap of Tổ liên gia group density in groups per km². Input: H3 cell counts from
 * /api/grid?layer=groups, turned into a density per cell and placed at the cell centre; every
 * other cell of the province weighs 0, so the MEAN aggregation gives a smoothed density in
 * real units, independent of zoom. The colour domain is fixed (see style/domains.ts).
 */
import { HeatmapLayer } from '@deck.gl/aggregation-layers';
import { GROUP_DENSITY_FADE_PER_KM2, GROUP_DENSITY_MAX_PER_KM2 } from '../../style/domains';
import { HEATMAP_RAMP } from '../../style/palettes';
import type { DensityCell } from '../heatmapCells';
import type { InterleavedProps } from './interleaved';

const HEATMAP_LAYER_ID = 'group-density';

/** The kernel spans about three cell spacings: smooth, yet a town stays a town. */
const KERNEL_CELL_SPACINGS = 3;
/** Bounds of the kernel radius on screen: below ~6 px it aliases, above 100 px deck.gl slows. */
const MIN_RADIUS_PIXELS = 6;
const MAX_RADIUS_PIXELS = 100;
/** Web Mercator metres per pixel at zoom 0 on the equator (512-px tiles, as MapLibre uses). */
const METERS_PER_PIXEL_Z0 = 78271.517;

export interface HeatmapLayerInput {
  cells: DensityCell[];
  visible: boolean;
  zoom: number;
  latitude: number;
  /** Mean distance between neighbouring cell centres, metres. */
  cellSpacingMeters: number;
  beforeId: string;
}

function kernelRadiusPixels(zoom: number, latitude: number, cellSpacingMeters: number): number {
  const metersPerPixel = (METERS_PER_PIXEL_Z0 * Math.cos((latitude * Math.PI) / 180)) / 2 ** zoom;
  const radius = (KERNEL_CELL_SPACINGS * cellSpacingMeters) / metersPerPixel;
  return Math.round(Math.min(MAX_RADIUS_PIXELS, Math.max(MIN_RADIUS_PIXELS, radius)));
}

export function groupDensityHeatmap(input: HeatmapLayerInput): HeatmapLayer<DensityCell> {
  // The constructor's own parameter type: HeatmapLayerProps disagrees with it on onHover.
  const props: ConstructorParameters<typeof HeatmapLayer<DensityCell>>[0] & InterleavedProps = {
    id: HEATMAP_LAYER_ID,
    data: input.cells,
    visible: input.visible && input.cells.length > 0,
    beforeId: input.beforeId,
    aggregation: 'MEAN',
    getPosition: (cell) => cell.position,
    getWeight: (cell) => cell.density,
    radiusPixels: kernelRadiusPixels(input.zoom, input.latitude, input.cellSpacingMeters),
    colorRange: HEATMAP_RAMP.map(([r, g, b]) => [r, g, b]),
    colorDomain: [GROUP_DENSITY_FADE_PER_KM2, GROUP_DENSITY_MAX_PER_KM2],
    opacity: 0.85,
    // Recompute at once after a zoom: the ready flag must not turn true over a stale surface.
    debounceTimeout: 0,
    updateTriggers: { getWeight: [input.cells] },
  };
  return new HeatmapLayer<DensityCell>(props);
}
