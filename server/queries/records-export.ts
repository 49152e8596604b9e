/**
 * Raw tip or outcome-event records for the audited admin export. DuckDB writes CSV, GeoJSON and
 * GeoParquet files itself (`COPY … TO`), far faster than building the text in JS; the XLSX writer
 * takes the rows chunk by chunk. Every form lists the same records, oldest first.
 */
import type { ExportLayer } from '#contract';
import type { JS } from '@duckdb/node-api';
import type { Database } from '../dataset/database';
import { flowParams, type DataFilter } from './filters';

/** The columns of each layer's export in file order; `text` columns may hold free text. */
const COLUMNS: Record<ExportLayer, readonly { name: string; text?: true }[]> = {
  tips: [
    { name: 'id', text: true },
    { name: 'date' },
    { name: 'commune_code', text: true },
    { name: 'district_code', text: true },
    { name: 'group_id', text: true },
    { name: 'category', text: true },
    { name: 'lon' },
    { name: 'lat' },
    { name: 'simulated' },
  ],
  events: [
    { name: 'id', text: true },
    { name: 'date' },
    { name: 'commune_code', text: true },
    { name: 'district_code', text: true },
    { name: 'group_id', text: true },
    { name: 'kind', text: true },
    { name: 'quantity' },
    { name: 'lon' },
    { name: 'lat' },
    { name: 'simulated' },
  ],
};

// records within [$1, $2] in district $3 (NULL = all), oldest first
const from = (layer: ExportLayer) =>
  `FROM ${layer} WHERE date BETWEEN $1::DATE AND $2::DATE AND ($3::VARCHAR IS NULL OR district_code = $3::VARCHAR) ORDER BY date, id`;

/**
 * A spreadsheet runs a cell starting with = + - @ (or a tab or CR before them) as a formula: such
 * text gets a leading apostrophe, which shows it as the text it is (CSV injection).
 */
const FORMULA_STARTS = `['=', '+', '-', '@', chr(9), chr(13)]`;
const defused = (column: string) => `CASE WHEN list_contains(${FORMULA_STARTS}, left(${column}, 1)) THEN '''' || ${column} ELSE ${column} END AS ${column}`;

const csvSelect = (layer: ExportLayer) => `SELECT ${COLUMNS[layer].map((c) => (c.text ? defused(c.name) : c.name)).join(', ')} ${from(layer)}`;

/** GeoJSON features, one JSON object per row; DuckDB writes DATE as "YYYY-MM-DD". */
const featureSelect = (layer: ExportLayer) => {
  const properties = COLUMNS[layer].filter((c) => c.name !== 'lon' && c.name !== 'lat').map((c) => `${c.name}: ${c.name}`);
  return `SELECT 'Feature' AS type, {'type': 'Point', 'coordinates': [lon, lat]} AS geometry, {${properties.join(', ')}} AS properties ${from(layer)}`;
};

/** GeoParquet 1.1 with the native point encoding: a struct<x, y> column; no crs means OGC:CRS84 (WGS 84 lon/lat). */
const GEOPARQUET_METADATA = JSON.stringify({
  version: '1.1.0',
  primary_column: 'geometry',
  columns: { geometry: { encoding: 'point', geometry_types: ['Point'] } },
});
const parquetSelect = (layer: ExportLayer) => {
  const attributes = COLUMNS[layer].filter((c) => c.name !== 'lon' && c.name !== 'lat').map((c) => c.name);
  return `SELECT ${attributes.join(', ')}, {'x': lon, 'y': lat} AS geometry ${from(layer)}`;
};

export interface WrittenFile {
  file: string;
  rows: number;
}

/** CSV with a header, CRLF line ends and RFC 4180 quoting (no byte-order mark: the caller adds it). */
export const writeRecordsCsv = (db: Database, layer: ExportLayer, filter: DataFilter): Promise<WrittenFile> =>
  db.copyToFile(csvSelect(layer), flowParams(filter), `FORMAT csv, HEADER, NEW_LINE '\r\n'`, 'csv');

/** The features as one JSON array (the caller wraps it in a FeatureCollection). */
export const writeRecordFeatures = (db: Database, layer: ExportLayer, filter: DataFilter): Promise<WrittenFile> =>
  db.copyToFile(featureSelect(layer), flowParams(filter), 'FORMAT json, ARRAY true', 'json');

export const writeRecordsGeoParquet = (db: Database, layer: ExportLayer, filter: DataFilter): Promise<WrittenFile> =>
  db.copyToFile(parquetSelect(layer), flowParams(filter), `FORMAT parquet, COMPRESSION zstd, KV_METADATA {geo: '${GEOPARQUET_METADATA.replace(/'/g, "''")}'}`, 'parquet');

/** The column names of a layer's export, in file order. */
export const exportColumns = (layer: ExportLayer): string[] => COLUMNS[layer].map((c) => c.name);

/** The records chunk by chunk (dates as YYYY-MM-DD text), for writers that take rows. */
export const forEachRecordChunk = (db: Database, layer: ExportLayer, filter: DataFilter, visit: (rows: JS[][]) => Promise<void> | void): Promise<void> =>
  db.forEachChunk(
    `SELECT ${exportColumns(layer).map((c) => (c === 'date' ? "strftime(date, '%Y-%m-%d') AS date" : c)).join(', ')} ${from(layer)}`,
    flowParams(filter),
    visit,
  );
