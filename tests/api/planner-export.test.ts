/**
 * The planner's ranking as deliverables: CSV and XLSX with Vietnamese headings (English on
 * request), the reasons as sentences, rounded numbers, hidden values written as hidden, and the
 * workbook's notes sheet naming the period, the weights and the simulated data.
 */
import { beforeAll, describe, expect, it } from 'vitest';
// Before exceljs: the server this test starts loads the importer's UTF-8 fix of exceljs, which must come first.
import '../../data/import/readers/exceljs-utf8';
import ExcelJS from 'exceljs';
import type { PlannerResponse } from '#contract/api';
import type { ApiClient } from '../support/api-client';
import { sharedSession } from './support/test-server';

const QUERY = 'from=2020-01-01&to=2022-10-25';
const COMMUNES = 137;
/** Factor codes and machine text that must not reach a reader. */
const MACHINE_TEXT = /_per_1k|hotspot_bin|households_covered|gap_score|\d\.\d{4,}/;

let analyst: ApiClient;
let ranking: PlannerResponse;
beforeAll(async () => {
  analyst = await sharedSession('analyst');
  ranking = await analyst.json<PlannerResponse>(`/api/planner?${QUERY}`);
});

/** Cells of one CSV line (the ranking's fields hold no line breaks; quoted fields may hold commas). */
function csvCells(line: string): string[] {
  const cells: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted && ch === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      cells.push(field);
      field = '';
    } else field += ch;
  }
  cells.push(field);
  return cells;
}

async function workbook(query: string): Promise<ExcelJS.Workbook> {
  const res = await analyst.get(`/api/planner.xlsx?${query}`);
  expect(res.status).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await res.arrayBuffer());
  return book;
}

describe('CSV of the ranking', () => {
  let lines: string[][];
  beforeAll(async () => {
    const text = (await (await analyst.get(`/api/planner.csv?${QUERY}`)).text()).replace(/^\uFEFF/, '');
    lines = text.trim().split('\r\n').map(csvCells);
  });

  it('has Vietnamese headings, one per column, and one row per commune', () => {
    expect(lines[0]).toEqual([
      'Hạng',
      'Mã xã',
      'Xã, phường, thị trấn',
      'Huyện, thành phố',
      'Điểm khoảng trống',
      'Chỉ số nhu cầu',
      'Nguồn tin và vụ việc / 1.000 hộ',
      'Điểm nóng nguồn tin (Gi*, −3…3)',
      'Xu hướng nguồn tin (Mann–Kendall z)',
      'Tỷ lệ hộ tham gia tổ liên gia (%)',
      'Tổ liên gia / 1.000 hộ',
      'Mô hình "4 an toàn" / 1.000 hộ',
      'Lý do (các yếu tố chính)',
      'Ít số liệu',
      'Dữ liệu mô phỏng',
    ]);
    expect(lines).toHaveLength(COMMUNES + 1);
  });

  it('writes the reasons as Vietnamese sentences and rounds every number', () => {
    for (const [i, cells] of lines.slice(1).entries()) {
      const row = ranking.rows[i]!;
      expect(cells[1]).toBe(row.code);
      expect(Number(cells[4])).toBe(Number(row.gapScore.toFixed(2)) + 0);
      expect(cells.join(' ')).not.toMatch(MACHINE_TEXT);
      expect(cells[12]!.split('; ')).toHaveLength(row.why.length);
    }
    const top = lines[1]!;
    expect(top[12]).toMatch(/nguồn tin|hộ|tổ/);
    expect(top[12]).toMatch(/\([+−-]\d+,\d{2}\)/);
    expect(top[9]).toBe(String(Number((100 * ranking.rows[0]!.values.households_covered_share!).toFixed(1))));
  });

  it('writes a hidden incident rate as "ẩn", never as 0', () => {
    const hidden = ranking.rows.findIndex((r) => r.values.incidents_per_1k_households === null);
    expect(hidden, 'the analyst ranking hides some small counts').toBeGreaterThanOrEqual(0);
    expect(lines[hidden + 1]![6]).toBe('ẩn');
  });

  it('given lang=en, has English headings and reasons', async () => {
    const text = await (await analyst.get(`/api/planner.csv?${QUERY}&lang=en`)).text();
    const [header, first] = text.replace(/^\uFEFF/, '').split('\r\n').map(csvCells);
    expect(header!.slice(0, 5)).toEqual(['Rank', 'Commune code', 'Commune', 'District', 'Gap score']);
    expect(first![12]).toMatch(/households|tips|groups/);
  });
});

describe('XLSX of the ranking', () => {
  it('is a download named after the period', async () => {
    const res = await analyst.get(`/api/planner.xlsx?${QUERY}`);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="tlg-planner-2020-01-01-2022-10-25.xlsx"');
  });

  it('holds the ranking with numbers as numbers and a frozen bold heading row', async () => {
    const book = await workbook(QUERY);
    const sheet = book.getWorksheet('Xếp hạng')!;
    expect(sheet.rowCount).toBe(COMMUNES + 1);
    expect(sheet.getRow(1).getCell(1).value).toBe('Hạng');
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    for (const [i, row] of ranking.rows.slice(0, 20).entries()) {
      const cells = sheet.getRow(i + 2);
      expect(cells.getCell(1).value).toBe(row.rank);
      expect(cells.getCell(3).value).toBe(row.name);
      expect(cells.getCell(5).value).toBe(Number(row.gapScore.toFixed(2)) + 0);
      expect(cells.getCell(5).numFmt).toBe('0.00');
    }
  });

  it('has a notes sheet with the period, the weights and the simulated-data note', async () => {
    const book = await workbook(QUERY);
    const notes = book.getWorksheet('Ghi chú')!;
    const text = notes.getColumn(1).values.join('\n');
    expect(text).toContain('01/01/2020 – 25/10/2022');
    expect(text).toContain('Trọng số:');
    expect(text).toContain('DỮ LIỆU MÔ PHỎNG');
  });

  it('given a viewer, is refused like the ranking', async () => {
    const viewer = await sharedSession('viewer');
    expect((await viewer.get(`/api/planner.xlsx?${QUERY}`)).status).toBe(403);
  });
});
