/**
 * A table (services/planner-sheet.ts) as an Excel workbook, written with exceljs' streaming
 * writer straight into the response: the table on the first sheet with a bold, frozen heading
 * row and number formats per column, its notes on a second sheet.
 */
import { PassThrough, Readable } from 'node:stream';
// Before exceljs: replaces its chunk-wise UTF-8 decoding (see there); whichever module loads exceljs first must.
import '../../data/import/readers/exceljs-utf8';
import ExcelJS from 'exceljs';
import type { CellFormat, Sheet } from './planner-sheet';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Excel number formats; the spreadsheet shows them with the reader's own decimal separator. */
function numberFormat(format: CellFormat): string | undefined {
  if (format.kind === 'integer') return '0';
  if (format.kind === 'decimal') return format.decimals === 0 ? '0' : `0.${'0'.repeat(format.decimals)}`;
  return undefined;
}

/** Longest notes line before Excel wraps it. */
const NOTES_WIDTH = 120;

async function write(sheet: Sheet, stream: PassThrough): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const table = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  table.columns = sheet.columns.map((column) => ({
    key: column.key,
    header: column.heading,
    width: column.width,
    style: { numFmt: numberFormat(column.format), alignment: { vertical: 'top', wrapText: column.format.kind === 'text' } },
  }));
  const heading = table.getRow(1);
  heading.font = { bold: true };
  heading.alignment = { vertical: 'top', wrapText: true };
  heading.commit();
  for (const row of sheet.rows) table.addRow(row).commit();
  table.commit();

  const notes = workbook.addWorksheet(sheet.notesName);
  notes.columns = [{ key: 'note', width: NOTES_WIDTH, style: { alignment: { wrapText: true, vertical: 'top' } } }];
  for (const note of sheet.notes) notes.addRow({ note }).commit();
  notes.commit();
  await workbook.commit();
}

/** The workbook as a stream of bytes; a failure while writing ends the stream with that error. */
export function sheetXlsx(sheet: Sheet): ReadableStream<Uint8Array> {
  const stream = new PassThrough();
  write(sheet, stream).catch((error: unknown) => stream.destroy(error instanceof Error ? error : new Error(String(error))));
  return Readable.toWeb(stream) as ReadableStream<Uint8Array>;
}
