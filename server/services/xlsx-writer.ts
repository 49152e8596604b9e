/**
 * Records into an XLSX file with exceljs's streaming WorkbookWriter: each row is committed (its
 * XML written to the zip stream) as it arrives, so memory stays flat however many rows come, and
 * a sheet that reaches Excel's row limit continues on the next. No styles: with them exceljs
 * takes twice as long (a style lookup per cell), so dates are ISO text (YYYY-MM-DD), which sorts
 * and filters as dates do.
 */
// Before exceljs: replaces its chunk-wise UTF-8 decoding (see there); whichever module loads exceljs first must.
import '../../data/import/readers/exceljs-utf8';
import ExcelJS from 'exceljs';
import type { JS } from '@duckdb/node-api';

/** Excel's rows per sheet, less the header row. */
const ROWS_PER_SHEET = 1_048_575;
/** Deflate level 1: the sheet XML still shrinks about tenfold, at a fraction of the default's CPU. */
const ZIP_LEVEL = 1;

export interface XlsxTable {
  sheetName: string;
  columns: readonly string[];
  /** Calls `add` with every chunk of rows, in order, awaiting nothing else in between. */
  feed: (add: (rows: JS[][]) => void) => Promise<void>;
}

/** Writes the table to `file`; returns the number of rows. */
export async function writeXlsx(file: string, table: XlsxTable): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false, useSharedStrings: false, zip: { zlib: { level: ZIP_LEVEL } } });
  let sheet: ExcelJS.Worksheet | null = null;
  let inSheet = 0;
  let rows = 0;
  const newSheet = () => {
    sheet?.commit();
    const index = Math.floor(rows / ROWS_PER_SHEET);
    sheet = workbook.addWorksheet(index === 0 ? table.sheetName : `${table.sheetName} (${index + 1})`, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = table.columns.map((name) => ({ header: name, key: name, width: Math.max(12, name.length + 2) }));
    inSheet = 0;
    return sheet;
  };
  let current = newSheet();
  await table.feed((chunk) => {
    for (const values of chunk) {
      if (inSheet === ROWS_PER_SHEET) current = newSheet();
      current.addRow(values).commit();
      inSheet += 1;
      rows += 1;
    }
  });
  current.commit();
  await workbook.commit();
  return rows;
}
