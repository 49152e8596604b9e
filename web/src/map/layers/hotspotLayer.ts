/**
 * Tip hotspots: each commune coloured by its Getis-Ord Gi* confidence bin from /api/hotspots
 * (±3/±2/±1 = 99/95/90 % hot or cold spot). Not-significant communes get a near-white wash so
 * the significant ones stand out.
 */
import { GeoJsonLayer, type GeoJsonLayerProps } from '@deck.gl/layers';
import type { HotspotsResponse, UnitFeature, UnitProperties, UnitCollection } from '#contract/api';
import { hotspotColor } from '../../style/layerColors';
import type { InterleavedProps } from './interleaved';

export const HOTSPOT_LAYER_ID = 'tip-hotspots';

const SIGNIFICANT_ALPHA = 230;
const NOT_SIGNIFICANT_ALPHA = 110;
const NO_RESULT: [number, number, number, number] = [0, 0, 0, 0];

export interface HotspotLayerInput {
  communes: UnitCollection | null;
  hotspots: HotspotsResponse | null;
  visible: boolean;
  beforeId: string;
}

export function hotspotLayer(input: HotspotLayerInput): GeoJsonLayer<UnitProperties> {
  const bins = new Map((input.hotspots?.features ?? []).map((f) => [f.code, f.bin]));
  const fill = ({ properties }: Pick<UnitFeature, 'properties'>): [number, number, number, number] => {
    const bin = bins.get(properties.code);
    if (bin === undefined) return NO_RESULT;
    const [r, g, b] = hotspotColor(bin);
    return [r, g, b, bin === 0 ? NOT_SIGNIFICANT_ALPHA : SIGNIFICANT_ALPHA];
  };
  const props: GeoJsonLayerProps<UnitProperties> & InterleavedProps = {
    id: HOTSPOT_LAYER_ID,
    data: input.communes?.features ?? [],
    visible: input.visible && input.hotspots !== null,
    beforeId: input.beforeId,
    pickable: true,
    autoHighlight: true,
    highlightColor: [255, 255, 255, 90],
    filled: true,
    stroked: false,
    getFillColor: fill,
    updateTriggers: { getFillColor: [input.hotspots] },
  };
  return new GeoJsonLayer<UnitProperties>(props);
}
