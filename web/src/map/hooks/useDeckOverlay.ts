/**
 * deck.gl inside the map (MapLibreOverlay, interleaved), added once the map's style has loaded so
 * that `beforeId` can slot deck.gl layers between MapLibre layers. Pointer events reach the
 * caller as deck.gl picking results.
 */
import { useEffect, useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { PickingInfo } from '@deck.gl/core';
import { readiness } from '../../state/readiness';
import { useLatest } from './useLatest';

export interface DeckEvents {
  onHover(info: PickingInfo): void;
  /** Every object under the click, top to bottom. */
  onClick(picks: PickingInfo[]): void;
}

export function useDeckOverlay(map: MapLibreMap | null, events: DeckEvents): MapLibreOverlay | null {
  const [overlay, setOverlay] = useState<MapLibreOverlay | null>(null);
  const latest = useLatest(events);

  useEffect(() => {
    if (!map) return;
    const created = new MapLibreOverlay({
      interleaved: true,
      layers: [],
      onAfterRender: () => readiness.deckRendered(),
      onHover: (info: PickingInfo) => latest.current.onHover(info),
      onClick: (info: PickingInfo) => latest.current.onClick(created.pickMultipleObjects({ x: info.x, y: info.y })),
    });
    map.addControl(created);
    setOverlay(created);
    return () => {
      setOverlay(null);
      // A removed map has already let go of its controls.
      if (map.hasControl(created)) map.removeControl(created);
    };
  }, [map]);

  return overlay;
}
