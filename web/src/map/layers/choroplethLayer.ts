/**
 * Choropleth of one metric per commune or district, coloured by the server's class breaks
 * (computed over the whole province, so the legend does not change with the view). Units
 * hidden for privacy are drawn in the "suppressed" grey, never in a class colour.
 */
import { GeoJsonLayer, type GeoJsonLayerProps } from '@deck.gl/layers';
import type { ChoroplethResponse } from '../../../../server/contract';
import type { UnitFeature, UnitProperties, UnitsResponse } from '../../api/pendingContract';
import { classIndex } from '../../style/classify';
import type { InterleavedProps } from './interleaved';
import { choroplethPalette, NO_DATA_COLOR, SUPPRESSED_COLOR, type Rgb } from '../../style/palettes';

export const CHOROPLETH_LAYER_ID = 'choropleth';

/** Slightly translucent so the boundary lines and the paper tone show through. */
const FILL_ALPHA = 225;
/** Units outside the district filter stay faintly visible for orientation. */
const OUTSIDE_FILTER_ALPHA = 40;
const SELECTED_LINE: [number, number, number, number] = [0, 0, 0, 255];
const SELECTED_LINE_PIXELS = 3;
const NO_LINE: [number, number, number, number] = [0, 0, 0, 0];
const HOVER_HIGHLIGHT: [number, number, number, number] = [255, 255, 255, 90];

export interface ChoroplethLayerInput {
  units: UnitsResponse | null;
  choropleth: ChoroplethResponse | null;
  visible: boolean;
  district: string | null;
  selectedCode: string | null;
  beforeId: string;
}

type Rgba = [number, number, number, number];
/** What the accessors read of a feature (deck.gl hands them its own Feature type). */
type HasProperties = Pick<UnitFeature, 'properties'>;

/** Colour of every unit code, computed once per response. */
function choroplethColors(choropleth: ChoroplethResponse): Map<string, Rgb> {
  const palette = choroplethPalette(choropleth.breaks.length - 1);
  const colors = new Map<string, Rgb>();
  for (const row of choropleth.values) {
    if (row.suppressed) colors.set(row.code, SUPPRESSED_COLOR);
    else if (row.value === null) colors.set(row.code, NO_DATA_COLOR);
    else colors.set(row.code, palette[classIndex(row.value, choropleth.breaks)] as Rgb);
  }
  return colors;
}

function inDistrict(feature: HasProperties, district: string | null): boolean {
  if (district === null) return true;
  const { code, district_code: districtCode } = feature.properties;
  return districtCode === district || code === district;
}

export function choroplethLayer(input: ChoroplethLayerInput): GeoJsonLayer<UnitProperties> {
  const { units, choropleth, visible, district, selectedCode, beforeId } = input;
  const colors = choropleth ? choroplethColors(choropleth) : new Map<string, Rgb>();
  const fill = (feature: HasProperties): Rgba => {
    const [r, g, b] = colors.get(feature.properties.code) ?? NO_DATA_COLOR;
    return [r, g, b, inDistrict(feature, district) ? FILL_ALPHA : OUTSIDE_FILTER_ALPHA];
  };
  const props: GeoJsonLayerProps<UnitProperties> & InterleavedProps = {
    id: CHOROPLETH_LAYER_ID,
    data: units?.features ?? [],
    visible: visible && choropleth !== null,
    beforeId,
    pickable: true,
    autoHighlight: true,
    highlightColor: HOVER_HIGHLIGHT,
    filled: true,
    stroked: true,
    lineWidthUnits: 'pixels',
    getFillColor: fill,
    getLineColor: (feature: HasProperties) => (feature.properties.code === selectedCode ? SELECTED_LINE : NO_LINE),
    getLineWidth: (feature: HasProperties) => (feature.properties.code === selectedCode ? SELECTED_LINE_PIXELS : 0),
    updateTriggers: {
      getFillColor: [choropleth, district],
      getLineColor: [selectedCode],
      getLineWidth: [selectedCode],
    },
  };
  return new GeoJsonLayer<UnitProperties>(props);
}
