/**
 * Parquet through DuckDB's read_parquet (file path bound as a parameter), streamed chunk by
 * chunk. DATE columns arrive as YYYY-MM-DD text, numbers as numbers; row n of the file is
 * spreadsheet row n + 1 (the column names play the header row).
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { DUCKDB_OFFLINE_OPTIONS } from '../../pipeline/output/duckdb';
import { SourceError, type CellValue, type SourceRow, type TabularSource } from './types';

function asCell(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

export async function openParquet(file: string): Promise<TabularSource> {
  const instance = await DuckDBInstance.create(':memory:', { ...DUCKDB_OFFLINE_OPTIONS, threads: '1' });
  const connection = await instance.connect();
  const close = () => {
    connection.closeSync();
    instance.closeSync();
  };
  try {
    const result = await connection.stream('SELECT * FROM read_parquet($1)', [file]);
    const headings = result.columnNames();
    async function* rows(): AsyncGenerator<SourceRow> {
      let row = 1;
      try {
        for await (const chunk of result.yieldRowsJson()) {
          for (const values of chunk) {
            row += 1;
            yield { row, cells: values.map(asCell) };
          }
        }
      } finally {
        close();
      }
    }
    return { format: 'parquet', headings, rows: rows() };
  } catch (error) {
    close();
    throw new SourceError('FILE_UNREADABLE', {
      vi: `Không đọc được tệp Parquet (${(error as Error).message}). Sửa: xuất lại bảng dạng Parquet.`,
      en: `The Parquet file could not be read (${(error as Error).message}). Fix: export the table again as Parquet.`,
    });
  }
}
