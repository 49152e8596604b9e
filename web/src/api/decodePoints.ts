/**
 * Decodes the Arrow IPC stream of /api/points (columns lon, lat Float32; day Uint16 = days since
 * 2017-01-01 of founding; kind Uint8 = index in MODEL_SETTINGS) into the typed arrays deck.gl
 * draws directly. Beyond the request's limit the server sends clusters instead: the same columns
 * per grid cell (mean position, earliest founding, most common kind) and a fifth, count.
 */
import { tableFromIPC, type Table } from 'apache-arrow';

export interface ModelPoints {
  /** Rows: points, or clusters when `counts` is set. */
  count: number;
  /** lon, lat interleaved. */
  positions: Float32Array;
  /** Index in MODEL_SETTINGS per row (the most common one of a cluster). */
  kinds: Uint8Array;
  days: Uint16Array;
  /** Records per cluster; null when every row is one record. */
  counts: Uint32Array | null;
  /** Records the rows stand for. */
  records: number;
  /** Side of the cluster grid's cells in degrees; null for points. */
  cellDegrees: number | null;
}

/** A column as its typed array: one record batch is one contiguous buffer, so no copy. */
function column<T extends Float32Array | Uint16Array | Uint8Array | Uint32Array>(table: Table, name: string, type: { new (length: number): T }): T {
  const vector = table.getChild(name);
  if (!vector) throw new Error(`The points stream has no "${name}" column.`);
  const values = vector.toArray() as unknown;
  if (values instanceof type) return values;
  // Several batches, or another width: copy value by value.
  const out = new type(table.numRows);
  for (let i = 0; i < table.numRows; i += 1) out[i] = Number(vector.get(i) ?? 0);
  return out;
}

export function decodeModelPoints(buffer: ArrayBuffer, cellDegrees: number | null = null): ModelPoints {
  const table: Table = tableFromIPC(new Uint8Array(buffer));
  const lon = column(table, 'lon', Float32Array);
  const lat = column(table, 'lat', Float32Array);
  const count = table.numRows;
  const positions = new Float32Array(count * 2);
  for (let i = 0; i < count; i += 1) {
    positions[2 * i] = lon[i] as number;
    positions[2 * i + 1] = lat[i] as number;
  }
  const counts = table.schema.fields.some((f) => f.name === 'count') ? column(table, 'count', Uint32Array) : null;
  let records = count;
  if (counts) {
    records = 0;
    for (const n of counts) records += n;
  }
  return {
    count,
    positions,
    kinds: column(table, 'kind', Uint8Array),
    days: column(table, 'day', Uint16Array),
    counts,
    records,
    cellDegrees: counts ? cellDegrees : null,
  };
}
