/**
 * The camera and the URL: every move of the map is reported, and a camera arriving from the URL
 * (back/forward, a pasted link) moves the map; our own moves come back equal and are ignored.
 */
import { useEffect } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Camera } from '../../state/atlasState';
import { cameraOf, sameCamera } from '../camera';
import { useLatest } from './useLatest';

export function useCamera(map: MapLibreMap | null, camera: Camera | null, onCameraChange: (camera: Camera) => void): void {
  const report = useLatest(onCameraChange);

  useEffect(() => {
    if (!map) return;
    const onMoveEnd = () => report.current(cameraOf(map));
    map.on('moveend', onMoveEnd);
    return () => {
      map.off('moveend', onMoveEnd);
    };
  }, [map]);

  useEffect(() => {
    if (!map || !camera) return;
    if (!sameCamera(camera, cameraOf(map))) map.jumpTo({ center: [camera.lon, camera.lat], zoom: camera.zoom });
  }, [camera, map]);
}
