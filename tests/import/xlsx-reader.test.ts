/**
 * The streaming XLSX reader: Vietnamese text survives chunk boundaries (exceljs 4.4.0 alone turns
 * about one cell in ten thousand into "�"), with inline and shared strings; date cells arrive as
 * dates, number cells as numbers; the first sheet in tab order is read unless --sheet names one.
 */
// Before exceljs (see there): the importer's UTF-8 fix of exceljs's XML reading.
import '../../data/import/readers/exceljs-utf8';
import ExcelJS from 'exceljs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openXlsx } from '../../data/import/readers/xlsx';
import type { CellValue } from '../../data/import/readers/types';
import { writeXlsx } from './fixtures/write-files';
import { scratchDir } from './support/stores';

const ROWS = 30_000;
const WORDS = ['nông thôn', 'Đô thị', 'Thị trấn Tam Đảo', 'Xã Đạo Trù', 'Phường Xuân Hoà', 'Vũ khí thô sơ giao nộp', 'Người nước ngoài nhập cảnh trái phép được phát hiện'];
let dir: string;

async function readAll(file: string, sheet?: string): Promise<{ headings: string[]; rows: { row: number; cells: CellValue[] }[] }> {
  const source = await openXlsx(file, sheet);
  const rows = [];
  for await (const r of source.rows) rows.push(r);
  return { headings: source.headings, rows };
}

async function streamedWorkbook(file: string, sharedStrings: boolean): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: sharedStrings, useStyles: true });
  const sheet = workbook.addWorksheet('Dữ liệu');
  sheet.addRow(['id', 'text']).commit();
  for (let i = 0; i < ROWS; i++) sheet.addRow([i, `${WORDS[i % WORDS.length]} ${i}`]).commit();
  sheet.commit();
  await workbook.commit();
}

beforeAll(() => {
  dir = scratchDir('xlsx');
});

describe('XLSX reader', () => {
  it.each([
    ['inline strings', false],
    ['shared strings', true],
  ])(`given a ${ROWS.toLocaleString('en-US')}-row workbook of Vietnamese text (%s), when read, then every cell comes back exactly`, async (_label, shared) => {
    const file = path.join(dir, `text-${shared}.xlsx`);
    await streamedWorkbook(file, shared);
    const { rows } = await readAll(file);
    expect(rows).toHaveLength(ROWS);
    const wrong = rows.filter((r, i) => r.cells[1] !== `${WORDS[i % WORDS.length]} ${i}`);
    expect(wrong.map((r) => r.cells[1])).toEqual([]);
  });

  it('given date cells, number cells and an empty cell, when read, then a date, a number (8707, not "08707") and null come back, with sheet row numbers', async () => {
    const file = path.join(dir, 'cells.xlsx');
    await writeXlsx(file, ['founded_on', 'commune', 'note'], [[new Date(Date.UTC(2019, 6, 31)), 8707, null]]);
    const { headings, rows } = await readAll(file);
    expect(headings).toEqual(['founded_on', 'commune', 'note']);
    expect(rows).toEqual([{ row: 2, cells: [new Date(Date.UTC(2019, 6, 31)), 8707] }]);
  });

  it('given a workbook whose first tab is "Hướng dẫn", when read without and with --sheet, then the first tab or the named one is read', async () => {
    const file = path.join(dir, 'sheets.xlsx');
    await writeXlsx(file, ['id'], [['A']], 'Tổ liên gia', ['Hướng dẫn']);
    expect((await readAll(file)).headings).toEqual(['not this sheet']);
    expect((await readAll(file, 'Tổ liên gia')).rows).toEqual([{ row: 2, cells: ['A'] }]);
  });
});
