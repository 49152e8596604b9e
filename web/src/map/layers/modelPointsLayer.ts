/**
 * "4 an toàn" models as points coloured by setting (agency, enterprise, hospital, school),
 * drawn straight from the Arrow columns as binary attributes. When the server sent clusters
 * (more models than the request's limit), each cluster is a circle at the mean position of its
 * models, coloured by their most common setting, its area growing with the number of models.
 */
import { ScatterplotLayer, type ScatterplotLayerProps } from '@deck.gl/layers';
import { MODEL_SETTINGS } from '#contract';
import type { ModelPoints } from '../../api/decodePoints';
import { MODEL_SETTING_COLORS, NO_DATA_COLOR } from '../../style/palettes';
import type { InterleavedProps } from './interleaved';

export const MODELS_LAYER_ID = 'models';

const RADIUS_PIXELS = 4;
/**
 * A cluster's radius grows with the logarithm of its count, from 3 px for one model by 1 px per
 * doubling, up to 12 px: province-wide there are ~15,000 clusters in a few hundred pixels, and
 * radii in proportion to the counts would cover the map.
 */
const CLUSTER_BASE_RADIUS_PIXELS = 3;
const MAX_CLUSTER_RADIUS_PIXELS = 12;
const OUTLINE: [number, number, number, number] = [255, 255, 255, 230];

export interface ModelPointsLayerInput {
  points: ModelPoints | null;
  visible: boolean;
  beforeId: string;
}

/**
 * r, g, b per point by setting, computed once per decoded response: the layer is rebuilt on every
 * zoom step, and a new colour array would be uploaded to the GPU each time.
 */
const colorsOf = new WeakMap<ModelPoints, Uint8ClampedArray>();

function pointColors(points: ModelPoints): Uint8ClampedArray {
  const known = colorsOf.get(points);
  if (known) return known;
  const colors = new Uint8ClampedArray(points.count * 3);
  for (let i = 0; i < points.count; i += 1) {
    const setting = MODEL_SETTINGS[points.kinds[i] as number];
    colors.set(setting ? MODEL_SETTING_COLORS[setting] : NO_DATA_COLOR, 3 * i);
  }
  colorsOf.set(points, colors);
  return colors;
}

/** Radius per row in pixels, once per decoded response (same reason as the colours). */
const radiiOf = new WeakMap<ModelPoints, Float32Array>();

function clusterRadii(points: ModelPoints, counts: Uint32Array): Float32Array {
  const known = radiiOf.get(points);
  if (known) return known;
  const radii = new Float32Array(points.count);
  for (let i = 0; i < points.count; i += 1) radii[i] = Math.min(MAX_CLUSTER_RADIUS_PIXELS, CLUSTER_BASE_RADIUS_PIXELS + Math.log2(counts[i] as number));
  radiiOf.set(points, radii);
  return radii;
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
        getFillColor: { value: points ? pointColors(points) : new Uint8ClampedArray(0), size: 3 },
        ...(points?.counts ? { getRadius: { value: clusterRadii(points, points.counts), size: 1 } } : {}),
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
