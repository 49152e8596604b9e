/**
 * context.geojson: the neighbouring provinces, rivers and towns the map draws around the
 * province, in the shape of the contract's BasemapContextResponse, compact JSON in source order
 * (same input → same bytes). Not clipped: the whole file is a few hundred kilobytes, MapLibre
 * cuts it to the view, and a clipped river would end at an invented point when zoomed out.
 */
import type { BasemapContextResponse, ContextFeature } from '#contract/api';

const CONTEXT_ATTRIBUTION =
  'Neighbouring provinces: GADM 4.1 (gadm.org), level 1, simplified copy; free for non-commercial use only, no redistribution without permission. Rivers and towns: Natural Earth 1:10m (naturalearthdata.com), public domain.';

export function contextGeojson(features: readonly ContextFeature[]): string {
  const collection: BasemapContextResponse = {
    type: 'FeatureCollection',
    name: 'context',
    synthetic: false,
    attribution: CONTEXT_ATTRIBUTION,
    features: [...features],
  };
  return JSON.stringify(collection);
}
