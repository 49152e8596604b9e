/** Whole-number cells (households, quantities) within a range; "25", 25 and 25.0 are 25. */
import type { CellValue } from '../readers/types';

export function wholeNumberIn(cell: CellValue, min: number, max: number): number | undefined {
  const value = typeof cell === 'number' ? cell : typeof cell === 'string' && /^\s*\d+([.,]0+)?\s*$/.test(cell) ? Number(cell.trim().replace(/[.,]0+$/, '')) : Number.NaN;
  return Number.isInteger(value) && value >= min && value <= max ? value : undefined;
}
