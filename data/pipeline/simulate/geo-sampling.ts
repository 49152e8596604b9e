/**
 * Drawing simulated points: metric offsets around a centre, rounded to the output precision,
 * accepted only inside the wanted commune (and outside the mountain mask when asked).
 */
import * as turf from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import { roundCoordinate } from '../reference/geometry';
import type { Position } from '../sources/gadm';
import type { Random } from '../support/prng';
import type { CommuneLocator } from '../reference/locator';

/** Metres per degree of latitude, and of longitude at Vĩnh Phúc's latitude (~21.3° N). */
export const METRES_PER_DEGREE_LAT = 110_700;
export const METRES_PER_DEGREE_LON = 103_700;

export function offsetPoint(centre: Position, eastMetres: number, northMetres: number): Position {
  return [
    roundCoordinate(centre[0] + eastMetres / METRES_PER_DEGREE_LON),
    roundCoordinate(centre[1] + northMetres / METRES_PER_DEGREE_LAT),
  ];
}

/** Planar distance in metres between two nearby lon/lat points. */
export function distanceMetres(a: Position, b: Position): number {
  const dx = (a[0] - b[0]) * METRES_PER_DEGREE_LON;
  const dy = (a[1] - b[1]) * METRES_PER_DEGREE_LAT;
  return Math.hypot(dx, dy);
}

export class AreaMask {
  private readonly feature: Feature<Polygon>;
  constructor(ring: Position[]) {
    const closed = ring[0]![0] === ring.at(-1)![0] && ring[0]![1] === ring.at(-1)![1] ? ring : [...ring, ring[0]!];
    this.feature = turf.polygon([closed]);
  }
  contains(point: Position): boolean {
    return turf.booleanPointInPolygon(point, this.feature);
  }
}

/** Attempts before giving up on a jittered point and falling back to the (valid) centre. */
const JITTER_ATTEMPTS = 40;
/** After half the attempts missed, draw closer to the centre (narrow or oddly shaped communes). */
const NARROW_SPREAD_FACTOR = 0.4;

/**
 * A point normally distributed around `centre` (sigma in metres, truncated at 3 sigma) that
 * lies only in the commune `communeIndex`; the centre itself if no draw lands there.
 */
export function jitterInCommune(
  random: Random,
  locator: CommuneLocator,
  communeIndex: number,
  centre: Position,
  sigmaMetres: number,
  accept: (point: Position) => boolean = () => true,
): Position {
  for (let attempt = 0; attempt < JITTER_ATTEMPTS; attempt++) {
    const sigma = sigmaMetres * (attempt < JITTER_ATTEMPTS / 2 ? 1 : NARROW_SPREAD_FACTOR);
    const east = clampSigma(random.normal()) * sigma;
    const north = clampSigma(random.normal()) * sigma;
    const point = offsetPoint(centre, east, north);
    if (locator.isOnlyIn(point, communeIndex) && accept(point)) return point;
  }
  return [roundCoordinate(centre[0]), roundCoordinate(centre[1])];
}

const TRUNCATE_AT_SIGMAS = 3;
function clampSigma(z: number): number {
  return Math.max(-TRUNCATE_AT_SIGMAS, Math.min(TRUNCATE_AT_SIGMAS, z));
}

/** Uniform point in the commune's bounding box that lies only in that commune (rejection sampling). */
export function uniformInCommune(
  random: Random,
  locator: CommuneLocator,
  communeIndex: number,
  accept: (point: Position) => boolean,
  attempts: number,
): Position | undefined {
  const [minLon, minLat, maxLon, maxLat] = locator.communes[communeIndex]!.bbox;
  for (let i = 0; i < attempts; i++) {
    const point: Position = [roundCoordinate(random.uniform(minLon, maxLon)), roundCoordinate(random.uniform(minLat, maxLat))];
    if (locator.isOnlyIn(point, communeIndex) && accept(point)) return point;
  }
  return undefined;
}
