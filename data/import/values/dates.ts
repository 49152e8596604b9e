/**
 * Dates as written in Vietnamese registers: YYYY-MM-DD, DD/MM/YYYY and D/M/YYYY (also with
 * `-` or `.`), and Excel date cells. Never month-first: 10/25/2022 is refused, not read as
 * 25 Oct — a silent reinterpretation would misplace records by months. Dates after today
 * (Vietnam time) are refused.
 */
import { isoFromDay } from '../../pipeline/support/dates';
import { cellProblem, type CellProblem } from '../problems';
import type { CellValue } from '../readers/types';

const MS_PER_DAY = 86_400_000;
/** Vietnam is UTC+7 all year: "today" is the calendar day there. */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

export const todayInVietnam = (now = Date.now()) => Math.floor((now + VIETNAM_OFFSET_MS) / MS_PER_DAY);

const pad = (n: string) => n.padStart(2, '0');

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** No register of these programmes predates this year; earlier years are typos (0022, 1022). */
const FIRST_YEAR = 1900;

/** Day number of a calendar date, undefined when there is no such date (31/02). */
function calendarDay(year: string, month: string, day: string): number | undefined {
  const [y, m, d] = [Number(year), Number(month), Number(day)];
  if (y < FIRST_YEAR || m < 1 || m > 12 || d < 1 || d > DAYS_IN_MONTH[m - 1]! + (m === 2 && isLeap(y) ? 1 : 0)) return undefined;
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

export type DateResult = { ok: true; day: number } | { ok: false; problem: CellProblem };

const invalid = (text: string): DateResult => ({
  ok: false,
  problem: cellProblem(
    'DATE_INVALID',
    `"${text}" không phải ngày hợp lệ. Sửa: ghi ngày dạng ngày/tháng/năm (25/10/2022) hoặc năm-tháng-ngày (2022-10-25), hoặc định dạng ô là Ngày.`,
    `"${text}" is not a valid date. Fix: write it day/month/year (25/10/2022) or year-month-day (2022-10-25), or format the cell as a date.`,
  ),
});

export function parseDate(cell: CellValue, today: number): DateResult {
  let day: number | undefined;
  let text: string;
  if (cell instanceof Date) {
    // Excel date cells come as midnight UTC of their calendar day.
    day = Math.floor(cell.getTime() / MS_PER_DAY);
    text = isoFromDay(day);
  } else if (typeof cell === 'string') {
    text = cell.trim();
    const iso = ISO.exec(text);
    const dayFirst = DAY_FIRST.exec(text);
    if (iso) day = calendarDay(iso[1]!, iso[2]!, iso[3]!);
    else if (dayFirst) {
      const [, d, m, y] = dayFirst as unknown as [string, string, string, string];
      if (Number(m) > 12 && Number(d) <= 12) {
        return {
          ok: false,
          problem: cellProblem(
            'DATE_MONTH_FIRST',
            `"${text}" ghi tháng trước ngày (kiểu Mỹ); không tự đảo lại vì dễ nhầm. Sửa: ghi ngày trước, tháng sau: ${pad(m)}/${pad(d)}/${y}.`,
            `"${text}" puts the month first (US style); it is not reinterpreted, to avoid silent mistakes. Fix: write the day first: ${pad(m)}/${pad(d)}/${y}.`,
          ),
        };
      }
      day = calendarDay(y, m, d);
    }
  } else {
    text = cell === null ? '' : String(cell);
  }
  if (day === undefined) return invalid(text);
  if (day > today) {
    return {
      ok: false,
      problem: cellProblem(
        'DATE_FUTURE',
        `Ngày ${isoFromDay(day)} ở sau hôm nay (${isoFromDay(today)}). Sửa: kiểm tra lại năm, tháng, ngày.`,
        `${isoFromDay(day)} is after today (${isoFromDay(today)}). Fix: check the year, month and day.`,
      ),
    };
  }
  return { ok: true, day };
}
