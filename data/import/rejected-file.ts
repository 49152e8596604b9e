/**
 * The rows refused by an `--accept-valid` import, in a file the user can fix and send again:
 * the same format as the input where practical (XLSX stays XLSX, CSV stays CSV with its
 * separator), GeoJSON and Parquet become CSV, unless `--rejected` names an .xlsx file; the
 * original columns plus one naming the problems.
 * Written to a temp file and renamed, so a crash never leaves half a file.
 */
// Before exceljs: replaces its chunk-wise UTF-8 decoding (see there).
import './readers/exceljs-utf8';
import ExcelJS from 'exceljs';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CellValue, InputFormat } from './readers/types';
import type { RejectedRow } from './validate';

export const PROBLEM_COLUMN = 'Lỗi (problem)';

const problemText = (r: RejectedRow) => r.problems.map((p) => `[${p.code}] ${p.column}: ${p.message.vi}`).join(' | ');

export function csvField(value: CellValue, delimiter: string): string {
  const text = value === null ? '' : value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  return /["\r\n]/.test(text) || text.includes(delimiter) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Where the rejected rows go by default: beside the input, `<name>.rejected.<ext>`. */
export function defaultRejectedPath(input: string, format: InputFormat): string {
  const ext = format === 'xlsx' ? '.xlsx' : '.csv';
  return path.join(path.dirname(input), `${path.basename(input, path.extname(input))}.rejected${ext}`);
}

export async function writeRejectedRows(target: string, format: InputFormat, headings: readonly string[], rows: readonly RejectedRow[], delimiter = ','): Promise<void> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    if (target.toLowerCase().endsWith('.xlsx')) {
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: temp, useStyles: true });
      const sheet = workbook.addWorksheet('Rejected');
      sheet.addRow([...headings, PROBLEM_COLUMN]).commit();
      for (const r of rows) sheet.addRow([...r.cells, problemText(r)]).commit();
      sheet.commit();
      await workbook.commit();
    } else {
      const sep = format === 'csv' ? delimiter : ',';
      const lines = [[...headings, PROBLEM_COLUMN], ...rows.map((r) => [...r.cells, problemText(r)])].map((cells) => cells.map((c) => csvField(c, sep)).join(sep));
      // BOM: Excel then opens the UTF-8 file with its Vietnamese letters intact.
      writeFileSync(temp, `\uFEFF${lines.join('\r\n')}\r\n`);
    }
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
