/** VN-2000 easting/northing (metres) → WGS 84 lon/lat through proj4, one converter per CRS. */
import proj4 from 'proj4';
import type { Position } from '../../pipeline/sources/gadm';
import type { Crs } from './crs';

const converters = new Map<string, proj4.Converter>();

export function projectedToWgs84(crs: Extract<Crs, { kind: 'vn2000' }>, easting: number, northing: number): Position {
  let converter = converters.get(crs.label);
  if (!converter) {
    converter = proj4(crs.proj4, 'EPSG:4326');
    converters.set(crs.label, converter);
  }
  const [lon, lat] = converter.forward([easting, northing]);
  return [lon!, lat!];
}
