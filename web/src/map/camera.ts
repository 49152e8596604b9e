/** The camera arithmetic the map hooks share: bounds, the URL camera and framing constants. */
import type { LngLatBoundsLike, Map as MapLibreMap } from 'maplibre-gl';
import type { Camera } from '../state/atlasState';

export type Bbox = [number, number, number, number];

/** Room around a framed unit so its edge is not under the panels. */
export const FIT_PADDING_PIXELS = 40;

/** Room left around a framed area, per side, in CSS pixels (what is drawn over the map takes the rest). */
export interface FramePadding {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export const DEFAULT_FRAME_PADDING: FramePadding = {
  top: FIT_PADDING_PIXELS,
  bottom: FIT_PADDING_PIXELS,
  left: FIT_PADDING_PIXELS,
  right: FIT_PADDING_PIXELS,
};
export const FLY_DURATION_MS = 800;
/** A camera in the URL within this of the map's own is the same camera (rounding in the URL). */
const CAMERA_EPSILON = { degrees: 1e-3, zoom: 0.02 };

export function sameCamera(a: Camera, b: Camera): boolean {
  return (
    Math.abs(a.lon - b.lon) < CAMERA_EPSILON.degrees &&
    Math.abs(a.lat - b.lat) < CAMERA_EPSILON.degrees &&
    Math.abs(a.zoom - b.zoom) < CAMERA_EPSILON.zoom
  );
}

export function cameraOf(map: MapLibreMap): Camera {
  const center = map.getCenter();
  return { lon: center.lng, lat: center.lat, zoom: map.getZoom() };
}

export function toBounds(bbox: Bbox): LngLatBoundsLike {
  return [
    [bbox[0], bbox[1]],
    [bbox[2], bbox[3]],
  ];
}
