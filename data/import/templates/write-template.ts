/**
 * Downloadable templates of each register (for the admin screen and `--template`): Vietnamese
 * headings, one valid example row and, in XLSX, drop-down lists (data validation) for the
 * enumerations, read from a second sheet "Danh mục". The CSV template is UTF-8 with a BOM so
 * Excel shows the Vietnamese letters. Both are written to a temp file and renamed.
 */
// Before exceljs: replaces its chunk-wise UTF-8 decoding (see there).
import '../readers/exceljs-utf8';
import ExcelJS from 'exceljs';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RecordKind } from '../../schema';
import { CHOICES, templateColumns } from './template-columns';
import { EXAMPLE_ROWS } from './examples';

/** exceljs keeps a sheet's validations by address, a range too (one <dataValidation sqref="B2:B5001">); its typings list only the per-cell form. */
interface DataValidationRanges {
  add(range: string, validation: ExcelJS.DataValidation): void;
}

export const LISTS_SHEET = 'Danh mục';
/** Rows below the header that carry the drop-down lists: room for a commune's whole register. */
export const VALIDATED_ROWS = 5_000;

function atomically(target: string, write: (temp: string) => Promise<void> | void): Promise<void> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  return Promise.resolve(write(temp)).then(
    () => renameSync(temp, target),
    (error: unknown) => {
      rmSync(temp, { force: true });
      throw error;
    },
  );
}

const columnLetter = (n: number): string => (n <= 26 ? String.fromCharCode(64 + n) : columnLetter(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26)));

export function writeXlsxTemplate(kind: RecordKind, target: string): Promise<void> {
  return atomically(target, async (temp) => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(kind);
    const lists = workbook.addWorksheet(LISTS_SHEET);
    const columns = templateColumns(kind);
    sheet.columns = columns.map((c) => ({ header: c.heading, key: c.name, width: Math.max(14, c.heading.length + 2) }));
    sheet.getRow(1).font = { bold: true };
    sheet.addRow(columns.map((c) => EXAMPLE_ROWS[kind][c.name] ?? ''));
    let listColumn = 0;
    columns.forEach((c, i) => {
      const choices = CHOICES[c.name];
      if (!choices) return;
      listColumn += 1;
      const letter = columnLetter(listColumn);
      lists.getCell(`${letter}1`).value = c.heading;
      choices.forEach((choice, k) => (lists.getCell(`${letter}${k + 2}`).value = choice));
      const formula = `'${LISTS_SHEET}'!$${letter}$2:$${letter}$${choices.length + 1}`;
      const column = columnLetter(i + 1);
      (sheet as unknown as { dataValidations: DataValidationRanges }).dataValidations.add(`${column}2:${column}${VALIDATED_ROWS + 1}`, {
        type: 'list',
        allowBlank: true,
        formulae: [formula],
        showErrorMessage: true,
        errorTitle: c.heading,
        error: `Chọn một giá trị trong danh sách: ${choices.join(', ')}`,
      });
    });
    await workbook.xlsx.writeFile(temp);
  });
}

export function writeCsvTemplate(kind: RecordKind, target: string): Promise<void> {
  return atomically(target, (temp) => {
    const columns = templateColumns(kind);
    const quote = (v: string | number) => (/[",\r\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
    const lines = [columns.map((c) => quote(c.heading)), columns.map((c) => quote(EXAMPLE_ROWS[kind][c.name] ?? ''))].map((cells) => cells.join(','));
    writeFileSync(temp, `\uFEFF${lines.join('\r\n')}\r\n`);
  });
}
