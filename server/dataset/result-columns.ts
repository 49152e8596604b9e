/**
 * Fixed-width result columns read straight from DuckDB's result vectors into typed arrays: the
 * bytes of each chunk's vector are copied out as they are, with no JS value per cell (reading a
 * 400k-row result as JS values costs ten times the scan). The SQL casts each column to the type
 * named here, so the vector's memory is already the array the caller wants.
 */
import duckdb from '@duckdb/node-bindings';
import { DuckDBTypeId, type DuckDBDataChunk, type DuckDBResult } from '@duckdb/node-api';

export const FIXED_WIDTH_TYPES = {
  FLOAT: Float32Array,
  DOUBLE: Float64Array,
  UTINYINT: Uint8Array,
  USMALLINT: Uint16Array,
  UINTEGER: Uint32Array,
  INTEGER: Int32Array,
} as const;
export type FixedWidthType = keyof typeof FIXED_WIDTH_TYPES;
export type ColumnTypes = Readonly<Record<string, FixedWidthType>>;
export type TypedColumns<S extends ColumnTypes> = { [K in keyof S]: InstanceType<(typeof FIXED_WIDTH_TYPES)[S[K]]> };

const TYPE_IDS: Record<FixedWidthType, DuckDBTypeId> = {
  FLOAT: DuckDBTypeId.FLOAT,
  DOUBLE: DuckDBTypeId.DOUBLE,
  UTINYINT: DuckDBTypeId.UTINYINT,
  USMALLINT: DuckDBTypeId.USMALLINT,
  UINTEGER: DuckDBTypeId.UINTEGER,
  INTEGER: DuckDBTypeId.INTEGER,
};

/** The result must have exactly the declared columns, in order and of the declared types. */
function checkShape(result: DuckDBResult, types: ColumnTypes): void {
  const expected = Object.entries(types);
  const actual = result.columnNames().map((name, i) => [name, result.columnTypeId(i)] as const);
  const matches = actual.length === expected.length && expected.every(([name, type], i) => actual[i]?.[0] === name && actual[i]?.[1] === TYPE_IDS[type]);
  if (!matches) {
    throw new Error(`typed read: the query returns ${actual.map(([n, t]) => `${n}:${DuckDBTypeId[t]}`).join(', ')}, not ${expected.map(([n, t]) => `${n}:${t}`).join(', ')}`);
  }
}

/** Every row valid: DuckDB leaves the validity mask unallocated when a vector has no NULL. */
function checkNoNulls(vector: duckdb.Vector, rows: number, column: string): void {
  const validity = duckdb.vector_get_validity(vector, Math.ceil(rows / 64) * 8);
  if (validity === null) return;
  for (let row = 0; row < rows; row += 1) {
    if (!duckdb.validity_row_is_valid(validity, row)) throw new Error(`typed read: column ${column} has a NULL; the SQL must not produce one`);
  }
}

/** Copies of the chunk's column bytes (the chunk's memory is DuckDB's and is freed after it). */
function chunkBytes(chunk: DuckDBDataChunk, types: ColumnTypes): Uint8Array[] {
  const rows = chunk.rowCount;
  return Object.entries(types).map(([name, type], i) => {
    const vector = duckdb.data_chunk_get_vector(chunk.chunk, i);
    checkNoNulls(vector, rows, name);
    return duckdb.vector_get_data(vector, rows * FIXED_WIDTH_TYPES[type].BYTES_PER_ELEMENT).slice();
  });
}

/** All chunks of `result` as one typed array per column. */
export async function readTypedColumns<S extends ColumnTypes>(result: DuckDBResult, types: S): Promise<{ rows: number; columns: TypedColumns<S> }> {
  checkShape(result, types);
  const parts: Uint8Array[][] = Object.keys(types).map(() => []);
  let rows = 0;
  for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    rows += chunk.rowCount;
    chunkBytes(chunk, types).forEach((bytes, i) => parts[i]!.push(bytes));
  }
  const columns = Object.fromEntries(
    Object.entries(types).map(([name, type], i) => {
      const Typed = FIXED_WIDTH_TYPES[type];
      const joined = new Uint8Array(rows * Typed.BYTES_PER_ELEMENT);
      let offset = 0;
      for (const bytes of parts[i]!) {
        joined.set(bytes, offset);
        offset += bytes.length;
      }
      return [name, new Typed(joined.buffer)];
    }),
  ) as TypedColumns<S>;
  return { rows, columns };
}
