/**
 * Decodes the Arrow IPC stream of /api/points (columns lon, lat Float32; day Uint16 = days since
 * 2017-01-01 of founding; kind Uint8 = index in MODEL_SETTINGS) into the typed arrays deck.gl
 * draws directly.
 */
import { tableFromIPC, type Table } from 'apache-arrow';

export interface ModelPoints {
  count: number;
  /** lon, lat interleaved. */
  positions: Float32Array;
  /** Index in MODEL_SETTINGS per point. */
  kinds: Uint8Array;
  days: Uint16Array;
}

function column<T extends Float32Array | Uint16Array | Uint8Array>(
  table: Table,
  name: string,
  make: (length: number) => T,
): T {
  const vector = table.getChild(name);
  if (!vector) throw new Error(`The points stream has no "${name}" column.`);
  const out = make(table.numRows);
  for (let i = 0; i < table.numRows; i += 1) out[i] = Number(vector.get(i) ?? 0);
  return out;
}

export function decodeModelPoints(buffer: ArrayBuffer): ModelPoints {
  const table: Table = tableFromIPC(new Uint8Array(buffer));
  const lon = column(table, 'lon', (n) => new Float32Array(n));
  const lat = column(table, 'lat', (n) => new Float32Array(n));
  const count = table.numRows;
  const positions = new Float32Array(count * 2);
  for (let i = 0; i < count; i += 1) {
    positions[2 * i] = lon[i] as number;
    positions[2 * i + 1] = lat[i] as number;
  }
  return {
    count,
    positions,
    kinds: column(table, 'kind', (n) => new Uint8Array(n)),
    days: column(table, 'day', (n) => new Uint16Array(n)),
  };
}
