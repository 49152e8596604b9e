/**
 * XLSX through exceljs's streaming WorkbookReader (memory stays bounded on a 200,000-row
 * workbook: rows are handed over one by one, never held as a whole sheet). The first sheet in
 * the workbook's tab order, or the one named by --sheet. Styles are read so that date-formatted
 * cells arrive as dates; formulas give their cached result, rich text and links their text.
 */
// Before exceljs: replaces its chunk-wise UTF-8 decoding (see there).
import './exceljs-utf8';
import ExcelJS from 'exceljs';
import { SourceError, type CellValue, type SourceRow, type TabularSource } from './types';

type RawCell = ExcelJS.CellValue | undefined;

function cellValue(raw: RawCell): CellValue {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' || raw instanceof Date) return raw;
  if ('richText' in raw) return raw.richText.map((part) => part.text).join('');
  if ('formula' in raw || 'sharedFormula' in raw) return cellValue((raw as ExcelJS.CellFormulaValue).result as RawCell);
  if ('hyperlink' in raw) return String(raw.text ?? '');
  if ('error' in raw) return String(raw.error);
  return null;
}

/** Row values of exceljs are 1-based and sparse; cells here are 0-based and dense. */
function rowCells(values: RawCell[] | Record<string, RawCell>): CellValue[] {
  const list = Array.isArray(values) ? values : [];
  const cells: CellValue[] = [];
  for (let i = 1; i < list.length; i++) cells.push(cellValue(list[i]));
  return cells;
}

interface WorkbookModel {
  sheets?: { name: string }[];
}

export async function openXlsx(file: string, sheet: string | undefined): Promise<TabularSource> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const fail = (error: unknown): never => {
    if (error instanceof SourceError) throw error;
    throw new SourceError('FILE_UNREADABLE', {
      vi: `Không đọc được tệp Excel (${(error as Error).message}). Sửa: mở tệp trong Excel và lưu lại dạng "Excel Workbook (*.xlsx)".`,
      en: `The Excel file could not be read (${(error as Error).message}). Fix: open it in Excel and save it again as "Excel Workbook (*.xlsx)".`,
    });
  };
  const sheets = (reader as unknown as AsyncIterable<ExcelJS.stream.xlsx.WorksheetReader>)[Symbol.asyncIterator]();
  const seen: string[] = [];
  for (;;) {
    const next = await sheets.next().catch(fail);
    if (next.done) break;
    const worksheet = next.value as ExcelJS.stream.xlsx.WorksheetReader & { name: string };
    const firstTab = (reader as unknown as { model?: WorkbookModel }).model?.sheets?.[0]?.name;
    seen.push(worksheet.name);
    if (sheet !== undefined ? worksheet.name !== sheet : firstTab !== undefined && worksheet.name !== firstTab) continue;
    return sheetSource(worksheet, fail);
  }
  throw new SourceError('SHEET_MISSING', {
    vi: sheet ? `Không có trang tính "${sheet}" trong tệp (có: ${seen.join(', ') || 'không có trang nào'}). Sửa: ghi đúng tên trang sau --sheet.` : 'Tệp Excel không có trang tính nào.',
    en: sheet ? `The workbook has no sheet "${sheet}" (it has: ${seen.join(', ') || 'none'}). Fix: give the exact sheet name after --sheet.` : 'The workbook has no sheet.',
  });
}

async function sheetSource(worksheet: ExcelJS.stream.xlsx.WorksheetReader, fail: (e: unknown) => never): Promise<TabularSource> {
  const rows = (worksheet as unknown as AsyncIterable<ExcelJS.Row>)[Symbol.asyncIterator]();
  let header: ExcelJS.Row | undefined;
  for (;;) {
    const next = await rows.next().catch(fail);
    if (next.done) break;
    const cells = rowCells(next.value.values as RawCell[]);
    if (cells.some((c) => c !== null && String(c).trim() !== '')) {
      header = next.value;
      break;
    }
  }
  if (!header) throw new SourceError('NO_ROWS', { vi: 'Trang tính trống: không có dòng tiêu đề.', en: 'The sheet is empty: there is no header row.' });
  const headings = rowCells(header.values as RawCell[]).map((c) => (c === null ? '' : String(c).trim()));
  async function* data(): AsyncGenerator<SourceRow> {
    for (;;) {
      const next = await rows.next().catch(fail);
      if (next.done) return;
      yield { row: next.value.number, cells: rowCells(next.value.values as RawCell[]) };
    }
  }
  return { format: 'xlsx', headings, rows: data() };
}
