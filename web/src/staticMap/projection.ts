/**
 * Web Mercator onto a fixed page: the area's bounding box fitted into width × height with a
 * margin, the same projection the screen map uses, so print and screen show the same shapes.
 */
import type { Bbox } from '../map/camera';
import type { LonLat } from '../map/labelPoints';

export interface PageSize {
  width: number;
  height: number;
}

export interface Projection {
  project(at: LonLat): [number, number];
  /** Metres on the ground per unit of the page at the area's centre. */
  metresPerUnit: number;
}

/** Earth's circumference at the equator (WGS 84), metres: one Mercator world width. */
const EQUATOR_METRES = 40_075_016.686;

const mercatorX = (lon: number) => (lon + 180) / 360;
const mercatorY = (lat: number) => (1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2;

export function fitProjection(area: Bbox, size: PageSize, margin: number): Projection {
  const [west, south, east, north] = area;
  const x0 = mercatorX(west);
  const x1 = mercatorX(east);
  const y0 = mercatorY(north);
  const y1 = mercatorY(south);
  const scale = Math.min((size.width - 2 * margin) / Math.max(1e-12, x1 - x0), (size.height - 2 * margin) / Math.max(1e-12, y1 - y0));
  const offsetX = size.width / 2 - ((x0 + x1) / 2) * scale;
  const offsetY = size.height / 2 - ((y0 + y1) / 2) * scale;
  const centreLat = (south + north) / 2;
  return {
    project: ([lon, lat]) => [mercatorX(lon) * scale + offsetX, mercatorY(lat) * scale + offsetY],
    metresPerUnit: (EQUATOR_METRES * Math.cos((centreLat * Math.PI) / 180)) / scale,
  };
}
