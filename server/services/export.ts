/**
 * Raw tip or outcome-event records for the audited admin export, as a finished file: CSV (with
 * the UTF-8 byte-order mark Excel needs for Vietnamese text), XLSX, GeoJSON or GeoParquet.
 * DuckDB writes CSV, GeoJSON and GeoParquet itself; XLSX is written from its chunks. The route
 * streams the file; what goes before and after it (BOM, FeatureCollection wrapper) is added there.
 */
import type { ExportLayer } from '#contract';
import { EXPORT_MEDIA_TYPES, type ExportFormat } from '#contract/api';
import type { Dataset } from '../dataset/dataset';
import type { DataFilter } from '../queries/filters';
import { exportColumns, forEachRecordChunk, writeRecordFeatures, writeRecordsCsv, writeRecordsGeoParquet, type WrittenFile } from '../queries/records-export';
import { writeXlsx } from './xlsx-writer';

const BOM = '\uFEFF';
const CHARSET: Partial<Record<ExportFormat, string>> = { csv: '; charset=utf-8' };

export interface ExportFile extends WrittenFile {
  fileName: string;
  contentType: string;
  /** Text sent before and after the file's bytes. */
  prefix: string;
  suffix: string;
}

async function written(dataset: Dataset, layer: ExportLayer, format: ExportFormat, filter: DataFilter): Promise<WrittenFile & { prefix?: string; suffix?: string }> {
  const db = dataset.db;
  switch (format) {
    case 'csv':
      return { ...(await writeRecordsCsv(db, layer, filter)), prefix: BOM };
    case 'geojson':
      return {
        ...(await writeRecordFeatures(db, layer, filter)),
        prefix: `{"type":"FeatureCollection","synthetic":${dataset.synthetic},"features":`,
        suffix: '}\n',
      };
    case 'parquet':
      return writeRecordsGeoParquet(db, layer, filter);
    case 'xlsx': {
      const file = db.exportFile('xlsx');
      const rows = await writeXlsx(file, {
        sheetName: layer,
        columns: exportColumns(layer),
        feed: (add) => forEachRecordChunk(db, layer, filter, add),
      });
      return { file, rows };
    }
  }
}

export async function exportFile(dataset: Dataset, layer: ExportLayer, format: ExportFormat, filter: DataFilter): Promise<ExportFile> {
  const { prefix = '', suffix = '', ...file } = await written(dataset, layer, format, filter);
  return {
    ...file,
    prefix,
    suffix,
    contentType: `${EXPORT_MEDIA_TYPES[format]}${CHARSET[format] ?? ''}`,
    fileName: `tlg-${layer}-${filter.period.from}-${filter.period.to}${dataset.synthetic ? '-simulated' : ''}.${format}`,
  };
}
