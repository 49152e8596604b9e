/** Picks the reader by file extension. */
import path from 'node:path';
import { openCsv } from './csv';
import { openGeojson } from './geojson';
import { openParquet } from './parquet';
import { openXlsx } from './xlsx';
import type { InputFormat, TabularSource } from './types';

const EXTENSIONS: Record<string, InputFormat> = { '.csv': 'csv', '.xlsx': 'xlsx', '.geojson': 'geojson', '.json': 'geojson', '.parquet': 'parquet' };

export function formatOf(file: string): InputFormat | undefined {
  return EXTENSIONS[path.extname(file).toLowerCase()];
}

export function openSource(file: string, format: InputFormat, options: { sheet?: string; projected: boolean }): Promise<TabularSource> {
  switch (format) {
    case 'csv':
      return openCsv(file);
    case 'xlsx':
      return openXlsx(file, options.sheet);
    case 'geojson':
      return openGeojson(file, options.projected);
    case 'parquet':
      return openParquet(file);
  }
}
