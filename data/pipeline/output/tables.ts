/**
 * Writes every table of data/schema.ts: rows are appended into tlg.duckdb (tables created
 * from TABLE_DDL, so the schema is the one the server reads) or, for records carried over from
 * another version, copied from that version's Parquet file; then each table is exported as
 * <table>.parquet ordered by its key with zstd compression.
 */
import { DuckDBDateValue, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';
import path from 'node:path';
import { BUILD_FILES, TABLE_DDL, TABLE_NAMES, type TableName } from '../../schema';
import { openBuildDatabase } from './duckdb';
import { inSpatialOrder, SPATIALLY_ORDERED_TABLES } from './spatial-order';

export type CellValue = string | number | boolean | null;
export type TableRow = Record<string, CellValue>;
/** A table's content: rows (an array, or a generator so they need not all be in memory), or the Parquet file of an earlier version (same schema). */
export type TableSource = Iterable<object> | { parquet: string };
export type TableRows = Record<TableName, TableSource>;

const isCarriedOver = (source: TableSource): source is { parquet: string } => !(Symbol.iterator in source);

const COLUMN_TYPES = ['VARCHAR', 'INTEGER', 'DOUBLE', 'BOOLEAN', 'DATE'] as const;
type ColumnType = (typeof COLUMN_TYPES)[number];

interface Column {
  name: string;
  type: ColumnType;
  nullable: boolean;
}

/** Columns of a table, parsed from its DDL in schema.ts (name, type, NOT NULL). */
export function tableColumns(table: TableName): Column[] {
  return TABLE_DDL[table]
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => {
      const [name, type] = part.split(/\s+/);
      if (!name || !(COLUMN_TYPES as readonly string[]).includes(type ?? '')) throw new Error(`unsupported column definition in ${table}: ${part}`);
      return { name, type: type as ColumnType, nullable: !/NOT NULL|PRIMARY KEY/.test(part) };
    });
}

/** The ordering key of a table: its PRIMARY KEY column. */
export function tableKey(table: TableName): string {
  const key = TABLE_DDL[table]
    .split(',')
    .map((p) => p.trim())
    .find((p) => p.includes('PRIMARY KEY'));
  if (!key) throw new Error(`table ${table} has no primary key`);
  return key.split(/\s+/)[0]!;
}

function appendCell(appender: DuckDBAppender, column: Column, value: CellValue | undefined, table: TableName): void {
  if (value === null || value === undefined) {
    if (!column.nullable) throw new Error(`${table}.${column.name} is NOT NULL but a row has no value`);
    appender.appendNull();
    return;
  }
  switch (column.type) {
    case 'VARCHAR':
      appender.appendVarchar(String(value));
      return;
    case 'INTEGER':
      appender.appendInteger(value as number);
      return;
    case 'DOUBLE':
      appender.appendDouble(value as number);
      return;
    case 'BOOLEAN':
      appender.appendBoolean(value as boolean);
      return;
    case 'DATE':
      appender.appendDate(new DuckDBDateValue(value as number));
      return;
  }
}

const isSpatiallyOrdered = (table: TableName) => (SPATIALLY_ORDERED_TABLES as readonly string[]).includes(table);

/**
 * Copies a table from an earlier version's Parquet file. That file is in key order, so a point
 * table is put back along the Hilbert curve: its rows are staged, their positions along the curve
 * computed from lon/lat, and they go in in that order.
 */
async function insertCarriedOver(connection: DuckDBConnection, table: TableName, parquet: string): Promise<void> {
  // BY NAME: the columns of the file must be this schema's; a missing NOT NULL column fails here.
  if (!isSpatiallyOrdered(table)) {
    await connection.run(`INSERT INTO ${table} BY NAME SELECT * FROM read_parquet($1)`, [parquet]);
    return;
  }
  await connection.run(`CREATE TEMP TABLE staged AS SELECT row_number() OVER () AS staged_row, * FROM read_parquet($1)`, [parquet]);
  const located = (await connection.runAndReadAll('SELECT staged_row::INTEGER AS row, lon, lat FROM staged')).getRowObjectsJS() as {
    row: number;
    lon: number;
    lat: number;
  }[];
  await connection.run('CREATE TEMP TABLE staged_order (staged_row BIGINT, position INTEGER)');
  const appender = await connection.createAppender('staged_order');
  inSpatialOrder(table, located).forEach(({ row }, position) => {
    appender.appendBigInt(BigInt(row));
    appender.appendInteger(position);
    appender.endRow();
  });
  appender.closeSync();
  await connection.run(
    `INSERT INTO ${table} BY NAME SELECT * EXCLUDE (staged_row, position) FROM staged JOIN staged_order USING (staged_row) ORDER BY position`,
  );
  await connection.run('DROP TABLE staged_order');
  await connection.run('DROP TABLE staged');
}

export interface WrittenTable {
  table: TableName;
  file: string;
  rows: number;
}

/** Creates tlg.duckdb and one Parquet file per table in `dir`. */
export async function writeTables(dir: string, rows: TableRows, log: (table: TableName, count: number) => void = () => {}): Promise<WrittenTable[]> {
  const instance = await openBuildDatabase(path.join(dir, BUILD_FILES.database));
  const connection = await instance.connect();
  const written: WrittenTable[] = [];
  try {
    for (const table of TABLE_NAMES) {
      const columns = tableColumns(table);
      await connection.run(`CREATE TABLE ${table} (${TABLE_DDL[table]})`);
      const source = rows[table];
      if (isCarriedOver(source)) {
        await insertCarriedOver(connection, table, source.parquet);
      } else {
        const appender = await connection.createAppender(table);
        // Point tables go in along a Hilbert curve, so bbox filters skip row groups (spatial-order.ts).
        const ordered = isSpatiallyOrdered(table) ? inSpatialOrder(table, [...source] as TableRow[]) : (source as Iterable<TableRow>);
        for (const row of ordered) {
          for (const column of columns) appendCell(appender, column, row[column.name], table);
          appender.endRow();
        }
        appender.closeSync();
      }
      const count = Number((await connection.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM ${table}`)).getRowObjectsJS()[0]?.n ?? 0);
      const file = `${table}.parquet`;
      // Table and key names come from schema.ts, never from input; the path is ours.
      await connection.run(
        `COPY (SELECT * FROM ${table} ORDER BY ${tableKey(table)}) TO '${path.join(dir, file).replace(/'/g, "''")}' (FORMAT parquet, COMPRESSION zstd)`,
      );
      written.push({ table, file, rows: count });
      log(table, count);
    }
    await connection.run('CHECKPOINT');
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  return written;
}
