/**
 * Hands the deck.gl layers to the overlay and tells the ready flag to wait until they are drawn.
 * MapLibreOverlay can only slot new layers under the boundaries (beforeId) once the style has
 * loaded; until then it draws them on top, so they are handed over again when it has.
 */
import { useEffect } from 'react';
import type { Layer } from '@deck.gl/core';
import type { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { readiness } from '../../state/readiness';

export function useDeckLayers(map: MapLibreMap | null, overlay: MapLibreOverlay | null, layers: Layer[]): void {
  useEffect(() => {
    if (!overlay || !map) return;
    const apply = () => {
      overlay.setProps({ layers });
      readiness.layersChanged(() => layers.every((layer) => layer.isLoaded));
      map.triggerRepaint();
    };
    apply();
    if (map.isStyleLoaded()) return;
    const release = readiness.hold();
    const retry = () => {
      if (!map.isStyleLoaded()) return;
      map.off('sourcedata', retry);
      map.off('idle', retry);
      apply();
      release();
    };
    map.on('sourcedata', retry);
    map.on('idle', retry);
    return () => {
      map.off('sourcedata', retry);
      map.off('idle', retry);
      release();
    };
  }, [layers, map, overlay]);
}
