/**
 * Emerging hot spots: each commune filled with the fixed colour of its ESRI pattern from
 * /api/hotspots/emerging (style/emergingPalette.ts); "no pattern" is a light wash, communes
 * without an answer stay clear.
 */
import { GeoJsonLayer, type GeoJsonLayerProps } from '@deck.gl/layers';
import type { EmergingResponse, UnitFeature, UnitProperties, UnitCollection } from '#contract/api';
import { emergingFill } from '../../style/emergingPalette';
import type { InterleavedProps } from './interleaved';

export const EMERGING_LAYER_ID = 'emerging-hotspots';

const NO_RESULT: [number, number, number, number] = [0, 0, 0, 0];

export interface EmergingLayerInput {
  communes: UnitCollection | null;
  emerging: EmergingResponse | null;
  visible: boolean;
  beforeId: string;
}

export function emergingLayer(input: EmergingLayerInput): GeoJsonLayer<UnitProperties> {
  const patterns = new Map((input.emerging?.features ?? []).map((f) => [f.code, f.pattern]));
  const fill = ({ properties }: Pick<UnitFeature, 'properties'>): [number, number, number, number] => {
    const pattern = patterns.get(properties.code);
    return pattern === undefined ? NO_RESULT : emergingFill(pattern);
  };
  const props: GeoJsonLayerProps<UnitProperties> & InterleavedProps = {
    id: EMERGING_LAYER_ID,
    data: input.communes?.features ?? [],
    visible: input.visible && input.emerging !== null,
    beforeId: input.beforeId,
    pickable: true,
    autoHighlight: true,
    highlightColor: [255, 255, 255, 90],
    filled: true,
    stroked: false,
    getFillColor: fill,
    updateTriggers: { getFillColor: [input.emerging] },
  };
  return new GeoJsonLayer<UnitProperties>(props);
}
