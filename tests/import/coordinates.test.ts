/**
 * VN-2000 → WGS 84 against reference values computed outside this code by PROJ's cs2cs (the
 * official EPSG:6960 shift): every point within 1 m, in the Vĩnh Phúc zone and in another zone
 * by EPSG code. X/Y are told apart by magnitude whichever way round a file has them.
 */
import * as turf from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { parseCrs } from '../../data/import/coordinates/crs';
import { readPoint, type PointColumns } from '../../data/import/coordinates/read-point';
import { EPSG_5897, EPSG_9210, type ReferencePoint } from './fixtures/vn2000-cs2cs';

const ONE_METRE = 1;
const projected: PointColumns = { kind: 'projected', first: { name: 'x', index: 0 }, second: { name: 'y', index: 1 } };

function errorMetres(crsText: string, ref: ReferencePoint, xFirst: 'northing' | 'easting'): number {
  const crs = parseCrs(crsText)!;
  const cells = xFirst === 'northing' ? [ref.northing, ref.easting] : [ref.easting, ref.northing];
  const read = readPoint(cells, projected, crs);
  if (!read.ok || !read.point) throw new Error(`not read: ${JSON.stringify(read)}`);
  return turf.distance(read.point, [ref.lon, ref.lat], { units: 'meters' });
}

describe('VN-2000 to WGS 84', () => {
  it.each([
    ['vn2000', EPSG_5897],
    ['EPSG:5897', EPSG_5897],
    ['EPSG:9210', EPSG_9210],
  ] as const)('given --crs %s and the cs2cs reference grid, when converted, then every point is within 1 m of PROJ', (crs, points) => {
    const worst = Math.max(...points.map((p) => errorMetres(crs, p, 'northing')));
    expect(points.length).toBeGreaterThan(20);
    expect(worst).toBeLessThan(ONE_METRE);
  });

  it('given x holding the easting and y the northing (the other habit), when read, then the same point comes out and x is reported as the easting', () => {
    const ref = EPSG_5897[7]!;
    expect(errorMetres('vn2000', ref, 'easting')).toBeLessThan(ONE_METRE);
    const read = readPoint([ref.easting, ref.northing], projected, parseCrs('vn2000')!);
    expect(read.ok && read.northingColumn).toBe('y');
    const vietnamese = readPoint([ref.northing, ref.easting], projected, parseCrs('vn2000')!);
    expect(vietnamese.ok && vietnamese.northingColumn).toBe('x');
  });

  it('given two eastings-sized values, when read, then the row is refused: the northing cannot be told', () => {
    const read = readPoint([556000, 560000], projected, parseCrs('vn2000')!);
    expect(read.ok ? 'ok' : read.problem.code).toBe('COORDINATE_INVALID');
  });

  it('given decimal commas (Vietnamese spreadsheets), when read as WGS 84, then they are numbers', () => {
    const read = readPoint(['105,6864', '21,3165'], { kind: 'wgs84', lon: 0, lat: 1 }, parseCrs('wgs84')!);
    expect(read).toEqual({ ok: true, point: [105.6864, 21.3165] });
  });

  it('given a CRS that is not WGS 84 or VN-2000, when parsed, then it is unknown', () => {
    expect(parseCrs('EPSG:3857')).toBeUndefined();
    expect(parseCrs('vn-2000')).toBeUndefined();
    expect(parseCrs('EPSG:9210')?.label).toBe('EPSG:9210');
  });
});
