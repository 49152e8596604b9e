/** The map's zoom in quarter steps: smooth enough for the heatmap radius, and no rebuild per frame. */
import { useEffect, useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';

const ZOOM_STEP = 0.25;

const stepped = (zoom: number) => Math.round(zoom / ZOOM_STEP) * ZOOM_STEP;

/** `initial` until the map is there, then the map's own zoom after every zoom. */
export function useZoomStep(map: MapLibreMap | null, initial: number): number {
  const [zoom, setZoom] = useState(initial);
  useEffect(() => {
    if (!map) return;
    const update = () => setZoom(stepped(map.getZoom()));
    update();
    map.on('zoomend', update);
    return () => {
      map.off('zoomend', update);
    };
  }, [map]);
  return zoom;
}
