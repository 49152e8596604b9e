/**
 * The coordinate systems an import accepts: WGS 84 lon/lat (default), or VN-2000 — the TM-3
 * zone of Vĩnh Phúc (central meridian 105°00', EPSG:5897, `--crs vn2000`) or any other VN-2000
 * zone by EPSG code. Every VN-2000 definition uses the official 7-parameter shift to WGS 84,
 * EPSG:6960 "VN-2000 to WGS 84 (2)". The parameters are those PROJ 9.1 gives for these codes
 * (`projinfo EPSG:<code> -o PROJ`): PROJ's +towgs84 is the position-vector form, so its
 * rotations have the opposite sign of EPSG:6960's coordinate-frame values.
 */

/** EPSG:6960 (dx, dy, dz m; rx, ry, rz arc-seconds, position vector; ds ppm). */
const VN2000_TO_WGS84 = '-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278';

/** TM-3: k0 0.9999, false easting 500 km; UTM: k0 0.9996. Central meridians in degrees. */
const VN2000_ZONES: Record<number, { name: string; centralMeridian: number; scale: number }> = {
  3405: { name: 'VN-2000 / UTM zone 48N', centralMeridian: 105, scale: 0.9996 },
  3406: { name: 'VN-2000 / UTM zone 49N', centralMeridian: 111, scale: 0.9996 },
  5896: { name: 'VN-2000 / TM-3 zone 481', centralMeridian: 102, scale: 0.9999 },
  5897: { name: 'VN-2000 / TM-3 zone 482', centralMeridian: 105, scale: 0.9999 },
  5898: { name: 'VN-2000 / TM-3 zone 491', centralMeridian: 108, scale: 0.9999 },
  5899: { name: 'VN-2000 / TM-3 107-45', centralMeridian: 107.75, scale: 0.9999 },
  9205: { name: 'VN-2000 / TM-3 103-00', centralMeridian: 103, scale: 0.9999 },
  9206: { name: 'VN-2000 / TM-3 104-00', centralMeridian: 104, scale: 0.9999 },
  9207: { name: 'VN-2000 / TM-3 104-30', centralMeridian: 104.5, scale: 0.9999 },
  9208: { name: 'VN-2000 / TM-3 104-45', centralMeridian: 104.75, scale: 0.9999 },
  9209: { name: 'VN-2000 / TM-3 105-30', centralMeridian: 105.5, scale: 0.9999 },
  9210: { name: 'VN-2000 / TM-3 105-45', centralMeridian: 105.75, scale: 0.9999 },
  9211: { name: 'VN-2000 / TM-3 106-00', centralMeridian: 106, scale: 0.9999 },
  9212: { name: 'VN-2000 / TM-3 106-15', centralMeridian: 106.25, scale: 0.9999 },
  9213: { name: 'VN-2000 / TM-3 106-30', centralMeridian: 106.5, scale: 0.9999 },
  9214: { name: 'VN-2000 / TM-3 107-00', centralMeridian: 107, scale: 0.9999 },
  9215: { name: 'VN-2000 / TM-3 107-15', centralMeridian: 107.25, scale: 0.9999 },
  9216: { name: 'VN-2000 / TM-3 107-30', centralMeridian: 107.5, scale: 0.9999 },
  9217: { name: 'VN-2000 / TM-3 108-15', centralMeridian: 108.25, scale: 0.9999 },
  9218: { name: 'VN-2000 / TM-3 108-30', centralMeridian: 108.5, scale: 0.9999 },
};

/** The TM-3 zone of Vĩnh Phúc: what `--crs vn2000` means. */
export const VINH_PHUC_VN2000_EPSG = 5897;

export type Crs = { kind: 'wgs84'; label: 'EPSG:4326' } | { kind: 'vn2000'; label: string; epsg: number; name: string; proj4: string };

export const WGS84: Crs = { kind: 'wgs84', label: 'EPSG:4326' };

function vn2000(epsg: number): Crs | undefined {
  const zone = VN2000_ZONES[epsg];
  if (!zone) return undefined;
  return {
    kind: 'vn2000',
    label: `EPSG:${epsg}`,
    epsg,
    name: zone.name,
    proj4: `+proj=tmerc +lat_0=0 +lon_0=${zone.centralMeridian} +k=${zone.scale} +x_0=500000 +y_0=0 +ellps=WGS84 +towgs84=${VN2000_TO_WGS84} +units=m +no_defs`,
  };
}

/** `wgs84`, `vn2000`, or `EPSG:<code>` of WGS 84 or a VN-2000 zone; undefined for anything else. */
export function parseCrs(text: string): Crs | undefined {
  const t = text.trim().toLowerCase();
  if (t === 'wgs84' || t === 'epsg:4326') return WGS84;
  if (t === 'vn2000') return vn2000(VINH_PHUC_VN2000_EPSG);
  const m = /^epsg:(\d+)$/.exec(t);
  return m ? vn2000(Number(m[1])) : undefined;
}

export const SUPPORTED_CRS_CODES = Object.keys(VN2000_ZONES).map((c) => `EPSG:${c}`);
