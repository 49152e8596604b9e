/** Yes/no cells: yes/no, 1/0, x/empty, có/không, true/false (boolean cells too); empty is no. */
import { foldForSearch } from '#contract';
import type { CellValue } from '../readers/types';

const YES = new Set(['yes', 'y', '1', 'x', 'co', 'true', 'dung']);
const NO = new Set(['no', 'n', '0', 'khong', 'false', 'sai', '']);

export function parseFlag(cell: CellValue): boolean | undefined {
  if (cell === null) return false;
  if (typeof cell === 'boolean') return cell;
  const folded = foldForSearch(String(cell));
  if (YES.has(folded)) return true;
  if (NO.has(folded)) return false;
  return undefined;
}
