/**
 * Where a longitude/latitude lands on the map canvas, computed independently of the app: Web
 * Mercator with MapLibre's 512-pixel world tile, the camera taken from the URL (`map=zoom/lat/lon`,
 * which the app writes after every move), no rotation or pitch. The URL rounds the zoom to two
 * decimals, so positions are good to a few pixels at the edge of the view: sample well away from
 * any boundary.
 */
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';

export interface Camera {
  lon: number;
  lat: number;
  zoom: number;
}

/** The map canvas in CSS pixels. */
export interface CanvasSize {
  width: number;
  height: number;
}

const TILE_SIZE = 512;

const mercatorX = (lon: number) => (180 + lon) / 360;
const mercatorY = (lat: number) => (180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360))) / 360;

export function cameraFromUrl(url: string): Camera {
  const value = new URL(url).searchParams.get('map');
  if (!value) throw new Error(`no camera in ${url}`);
  const [zoom, lat, lon] = value.split('/').map(Number) as [number, number, number];
  return { lon, lat, zoom };
}

export function project([lon, lat]: [number, number], camera: Camera, size: CanvasSize): [number, number] {
  const world = TILE_SIZE * 2 ** camera.zoom;
  return [
    (mercatorX(lon) - mercatorX(camera.lon)) * world + size.width / 2,
    (mercatorY(lat) - mercatorY(camera.lat)) * world + size.height / 2,
  ];
}

export function unproject([x, y]: [number, number], camera: Camera, size: CanvasSize): [number, number] {
  const world = TILE_SIZE * 2 ** camera.zoom;
  const mx = mercatorX(camera.lon) + (x - size.width / 2) / world;
  const my = mercatorY(camera.lat) + (y - size.height / 2) / world;
  return [mx * 360 - 180, (360 / Math.PI) * Math.atan(Math.exp(((180 - my * 360) * Math.PI) / 180)) - 90];
}

export type Area = Feature<Polygon | MultiPolygon>;

/**
 * Canvas points every `step` pixels that lie in `area` with a margin: the points `margin` pixels
 * left, right, above and below lie in it too, so boundary lines and projection rounding cannot
 * touch them.
 */
export function pointsWellInside(area: Area, camera: Camera, size: CanvasSize, step: number, margin: number, exclude: readonly Area[] = []): [number, number][] {
  const inside = (x: number, y: number) => {
    const lonLat = unproject([x, y], camera, size);
    return turf.booleanPointInPolygon(lonLat, area) && !exclude.some((other) => turf.booleanPointInPolygon(lonLat, other));
  };
  const points: [number, number][] = [];
  for (let y = margin; y < size.height - margin; y += step) {
    for (let x = margin; x < size.width - margin; x += step) {
      if (inside(x, y) && inside(x - margin, y) && inside(x + margin, y) && inside(x, y - margin) && inside(x, y + margin)) points.push([x, y]);
    }
  }
  return points;
}
