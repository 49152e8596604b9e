/**
 * Writes every table of data/schema.ts: rows are appended into tlg.duckdb (tables created
 * from TABLE_DDL, so the schema is the one the server reads), then each table is exported as
 * <table>.parquet ordered by its key with zstd compression.
 */
import { DuckDBDateValue, type DuckDBAppender } from '@duckdb/node-api';
import path from 'node:path';
import { BUILD_FILES, TABLE_DDL, TABLE_NAMES, type TableName } from '../../schema';
import { openBuildDatabase } from './duckdb';
import { inSpatialOrder } from './spatial-order';

export type CellValue = string | number | boolean | null;
export type TableRow = Record<string, CellValue>;
export type TableRows = Record<TableName, readonly object[]>;

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
      const appender = await connection.createAppender(table);
      // Point tables go in along a Hilbert curve, so bbox filters skip row groups (spatial-order.ts).
      for (const row of inSpatialOrder(table, rows[table] as readonly TableRow[])) {
        for (const column of columns) appendCell(appender, column, row[column.name], table);
        appender.endRow();
      }
      appender.closeSync();
      const file = `${table}.parquet`;
      // Table and key names come from schema.ts, never from input; the path is ours.
      await connection.run(
        `COPY (SELECT * FROM ${table} ORDER BY ${tableKey(table)}) TO '${path.join(dir, file).replace(/'/g, "''")}' (FORMAT parquet, COMPRESSION zstd)`,
      );
      written.push({ table, file, rows: rows[table].length });
      log(table, rows[table].length);
    }
    await connection.run('CHECKPOINT');
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  return written;
}
