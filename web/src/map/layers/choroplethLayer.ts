/**
 * Choropleth of one value per commune or district, coloured by class breaks: the server's for a
 * metric (computed over the whole province, so the legend does not change with the view), fixed
 * ones for the planner's gap score. Units hidden for privacy are drawn in the "suppressed" tone,
 * never in a class colour; the selected unit's outline is a MapLibre layer (map/highlightStyle.ts).
 */
import { GeoJsonLayer, type GeoJsonLayerProps } from '@deck.gl/layers';
import type { UnitFeature, UnitProperties, UnitsResponse } from '#contract/api';
import type { ClassedValues } from '../../style/classify';
import type { InterleavedProps } from './interleaved';
import { unitFillColors } from '../../style/layerColors';
import { choroplethPalette, NO_DATA_COLOR, type Rgb } from '../../style/palettes';

export const CHOROPLETH_LAYER_ID = 'choropleth';
/** The planner's gap score: the same layer function, its own layer (and so its own picking id). */
export const PLANNER_GAP_LAYER_ID = 'planner-gap';

/** Slightly translucent so the boundary lines and the paper tone show through. */
const FILL_ALPHA = 225;
/** Units outside the district filter stay faintly visible for orientation. */
const OUTSIDE_FILTER_ALPHA = 40;
const HOVER_HIGHLIGHT: [number, number, number, number] = [255, 255, 255, 90];

export interface ChoroplethLayerInput {
  /** @default CHOROPLETH_LAYER_ID */
  id?: string;
  units: UnitsResponse | null;
  choropleth: ClassedValues | null;
  /** One colour per class, low to high. @default choroplethPalette(number of classes) */
  palette?: readonly Rgb[];
  visible: boolean;
  district: string | null;
  beforeId: string;
}

type Rgba = [number, number, number, number];
/** What the accessors read of a feature (deck.gl hands them its own Feature type). */
type HasProperties = Pick<UnitFeature, 'properties'>;

function inDistrict(feature: HasProperties, district: string | null): boolean {
  if (district === null) return true;
  const { code, district_code: districtCode } = feature.properties;
  return districtCode === district || code === district;
}

export function choroplethLayer(input: ChoroplethLayerInput): GeoJsonLayer<UnitProperties> {
  const { units, choropleth, visible, district, beforeId } = input;
  const palette = input.palette ?? choroplethPalette((choropleth?.breaks.length ?? 1) - 1);
  const colors = choropleth ? unitFillColors(choropleth, palette) : new Map<string, Rgb>();
  const fill = (feature: HasProperties): Rgba => {
    const [r, g, b] = colors.get(feature.properties.code) ?? NO_DATA_COLOR;
    return [r, g, b, inDistrict(feature, district) ? FILL_ALPHA : OUTSIDE_FILTER_ALPHA];
  };
  const props: GeoJsonLayerProps<UnitProperties> & InterleavedProps = {
    id: input.id ?? CHOROPLETH_LAYER_ID,
    data: units?.features ?? [],
    visible: visible && choropleth !== null,
    beforeId,
    pickable: true,
    autoHighlight: true,
    highlightColor: HOVER_HIGHLIGHT,
    filled: true,
    // Outlines are MapLibre's (boundaries, the selected commune): no path program of our own.
    stroked: false,
    getFillColor: fill,
    updateTriggers: { getFillColor: [choropleth, district] },
  };
  return new GeoJsonLayer<UnitProperties>(props);
}
