/**
 * "4 an toàn" models as points coloured by setting (agency, enterprise, hospital, school),
 * drawn straight from the Arrow columns as binary attributes.
 */
import { ScatterplotLayer, type ScatterplotLayerProps } from '@deck.gl/layers';
import type { ModelPoints } from '../decodePoints';
import type { InterleavedProps } from './interleaved';

export const MODELS_LAYER_ID = 'models';

const RADIUS_PIXELS = 4;
const OUTLINE: [number, number, number, number] = [255, 255, 255, 230];

export interface ModelPointsLayerInput {
  points: ModelPoints | null;
  visible: boolean;
  beforeId: string;
}

export function modelPointsLayer(input: ModelPointsLayerInput): ScatterplotLayer {
  const points = input.points;
  const props: ScatterplotLayerProps & InterleavedProps = {
    id: MODELS_LAYER_ID,
    data: {
      length: points?.count ?? 0,
      attributes: {
        getPosition: { value: points?.positions ?? new Float32Array(0), size: 2 },
        // Uint8Clamped is deck.gl's own colour type: read as 0–255, no conversion.
        getFillColor: { value: points?.colors ?? new Uint8ClampedArray(0), size: 3 },
      },
    },
    visible: input.visible && points !== null,
    beforeId: input.beforeId,
    pickable: true,
    autoHighlight: true,
    radiusUnits: 'pixels',
    getRadius: RADIUS_PIXELS,
    stroked: true,
    getLineColor: OUTLINE,
    lineWidthUnits: 'pixels',
    getLineWidth: 1,
  };
  return new ScatterplotLayer(props);
}
