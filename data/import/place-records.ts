/**
 * The second pass over the valid rows: a row without a point is placed at its village's centre
 * (the mean of the located rows of the same village in the same commune; groups only, the other
 * registers have no village) or else at its commune's centre, and says so in `located_by`. Then
 * every record gets its H3 cells and its table row.
 */
import { latLngToCell } from 'h3-js';
import { foldForSearch } from '#contract';
import type { Position } from '../pipeline/sources/gadm';
import type { LocatedBy } from '../schema';
import type { Gazetteer } from './communes/gazetteer';
import type { PointPlacer } from './coordinates/placement';
import type { Draft } from './rules/context';

const H3_COARSE = 7;
const H3_FINE = 8;

export type RecordRow = Record<string, string | number | boolean | null>;

const villageKey = (communeIndex: number, village: string) => `${communeIndex}\0${foldForSearch(village)}`;

function villageCentres(drafts: readonly Draft[]): Map<string, Position> {
  const sums = new Map<string, { lon: number; lat: number; n: number }>();
  for (const d of drafts) {
    if (!d.point || !d.village) continue;
    const key = villageKey(d.communeIndex, d.village);
    const sum = sums.get(key) ?? { lon: 0, lat: 0, n: 0 };
    sum.lon += d.point[0];
    sum.lat += d.point[1];
    sum.n += 1;
    sums.set(key, sum);
  }
  return new Map([...sums].map(([key, s]) => [key, [s.lon / s.n, s.lat / s.n] as Position]));
}

/** The table rows, generated one by one as the writer takes them (never all in memory at once). */
export function* placeRecords(drafts: readonly Draft[], gazetteer: Gazetteer, placer: PointPlacer): Generator<RecordRow> {
  const centres = villageCentres(drafts);
  for (const d of drafts) {
    let point: Position;
    let locatedBy: LocatedBy;
    const villageCentre = d.village ? centres.get(villageKey(d.communeIndex, d.village)) : undefined;
    if (d.point) [point, locatedBy] = [d.point, 'point'];
    else if (villageCentre) [point, locatedBy] = [villageCentre, 'village'];
    else [point, locatedBy] = [placer.communeCentre(d.communeIndex), 'commune'];
    const commune = gazetteer.communes[d.communeIndex]!;
    const [lon, lat] = point;
    yield {
      id: d.id,
      commune_code: commune.code,
      district_code: commune.districtCode,
      ...d.fields,
      lon,
      lat,
      h3_r7: latLngToCell(lat, lon, H3_COARSE),
      h3_r8: latLngToCell(lat, lon, H3_FINE),
      located_by: locatedBy,
      simulated: false,
    };
  }
}
