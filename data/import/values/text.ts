/** Cells as text: trimmed, numbers without exponent or grouping, empty → undefined. */
import type { CellValue } from '../readers/types';

export function cellText(cell: CellValue | undefined): string | undefined {
  if (cell === null || cell === undefined) return undefined;
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  const text = typeof cell === 'number' ? (Number.isInteger(cell) ? cell.toFixed(0) : String(cell)) : String(cell).trim();
  return text === '' ? undefined : text;
}

/** How a value is shown in reports: as the user typed it, dates as YYYY-MM-DD. */
export const shown = (cell: CellValue | undefined): string => cellText(cell) ?? '';
