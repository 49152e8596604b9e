/**
 * The physical order of the point tables in tlg.duckdb: along a Hilbert curve over the table's
 * own extent. DuckDB keeps min/max statistics (zone maps) per row group and column segment, and
 * a bbox filter can only skip the ones whose lon/lat ranges miss the box; in key order (ids) every
 * segment spans the whole province and nothing is skipped. Along the curve neighbouring rows are
 * neighbours on the ground, so a commune-sized box touches a few segments. Ties keep the input
 * order (a stable sort), so a build stays byte-identical per seed.
 */

/** Tables served by bbox (`/api/points`); tips and events are read by date and keep their order. */
export const SPATIALLY_ORDERED_TABLES = ['groups', 'models'] as const;

/** Cells per axis of the curve: 2^16 over the province (~70 km) is ~1 m, finer than any row spacing matters. */
const CURVE_ORDER = 16;
const CURVE_SIDE = 2 ** CURVE_ORDER;

/**
 * Position of cell (x, y) along the Hilbert curve filling a side × side grid (side a power of
 * two), by the classic rotate-and-reflect walk from the largest quadrant down.
 */
export function hilbertIndex(x: number, y: number, side: number = CURVE_SIDE): number {
  let index = 0;
  let cx = x;
  let cy = y;
  for (let s = side / 2; s >= 1; s /= 2) {
    const rx = (cx & s) > 0 ? 1 : 0;
    const ry = (cy & s) > 0 ? 1 : 0;
    index += s * s * ((3 * rx) ^ ry);
    if (ry === 0) {
      if (rx === 1) {
        cx = s - 1 - cx;
        cy = s - 1 - cy;
      }
      [cx, cy] = [cy, cx];
    }
    // Keep only the bits below s for the next, smaller quadrant.
    cx &= s - 1;
    cy &= s - 1;
  }
  return index;
}

interface Located {
  lon: number;
  lat: number;
}

const isLocated = (row: object): row is Located =>
  typeof (row as Partial<Located>).lon === 'number' && typeof (row as Partial<Located>).lat === 'number';

/** The rows of a point table along the Hilbert curve over their bounding box; other tables as given. */
export function inSpatialOrder<T extends object>(table: string, rows: readonly T[]): readonly T[] {
  if (!(SPATIALLY_ORDERED_TABLES as readonly string[]).includes(table) || rows.length < 2 || !rows.every(isLocated)) return rows;
  const located = rows as readonly (T & Located)[];
  let [minLon, minLat, maxLon, maxLat] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const { lon, lat } of located) {
    minLon = Math.min(minLon, lon);
    maxLon = Math.max(maxLon, lon);
    minLat = Math.min(minLat, lat);
    maxLat = Math.max(maxLat, lat);
  }
  // One scale for both axes keeps the curve's cells square on the (near-equatorial) map.
  const span = Math.max(maxLon - minLon, maxLat - minLat) || 1;
  const cell = (v: number, min: number) => Math.min(CURVE_SIDE - 1, Math.floor(((v - min) / span) * CURVE_SIDE));
  const keys = new Float64Array(located.length);
  located.forEach((row, i) => {
    keys[i] = hilbertIndex(cell(row.lon, minLon), cell(row.lat, minLat));
  });
  const order = Array.from(located.keys()).sort((a, b) => keys[a]! - keys[b]! || a - b);
  return order.map((i) => located[i]!);
}
