/**
 * Old commune → 1 July 2025 unit (vinh_phuc_crosswalk_2025.csv). Rows without a new code
 * are the undocumented mergers: kept as such, with the source's reason, never guessed.
 */
import path from 'node:path';
import { PipelineError } from '../errors';
import { parseCsv } from './csv';

export const CROSSWALK_HEADER = ['old_ward_code', 'old_ward_name', 'new_ward_code', 'new_ward_name', 'new_ward_type', 'source'] as const;

export interface CrosswalkRow {
  oldCode: string;
  oldName: string;
  newCode: string | null;
  newName: string | null;
  newType: string | null;
  source: string;
  line: number;
}

const COMMUNE_CODE = /^\d{5}$/;

export function parseCrosswalk(text: string, file: string): CrosswalkRow[] {
  const name = path.basename(file);
  const seen = new Set<string>();
  return parseCsv(text, file, CROSSWALK_HEADER).map((row) => {
    const v = row.values;
    const fail = (message: string, fix: string): never => {
      throw new PipelineError({ code: 'CSV_VALUE', message: `${name} line ${row.line}: ${message}`, file, where: `line ${row.line}`, fix });
    };
    const oldCode = v.old_ward_code ?? '';
    if (!COMMUNE_CODE.test(oldCode)) fail(`old_ward_code "${oldCode}" is not a 5-digit GSO code.`, 'Restore the code with its leading zeros (e.g. 08707).');
    if (seen.has(oldCode)) fail(`old_ward_code ${oldCode} appears twice.`, 'Keep one row per old unit.');
    seen.add(oldCode);
    const newCode = (v.new_ward_code ?? '').trim();
    const newName = (v.new_ward_name ?? '').trim();
    const newType = (v.new_ward_type ?? '').trim();
    const source = (v.source ?? '').trim();
    if (newCode !== '' && !COMMUNE_CODE.test(newCode)) fail(`new_ward_code "${newCode}" is not a 5-digit GSO code.`, 'Use the 5-digit code of the 2025 unit, or leave it empty when the mapping is not documented.');
    if (newCode !== '' && (newName === '' || newType === '')) fail(`new_ward_code ${newCode} has no new_ward_name or new_ward_type.`, 'Fill in the name and type of the 2025 unit from the NSO table.');
    if (source === '') fail('the source column is empty.', 'Say where the mapping comes from, or why it is unresolved.');
    return {
      oldCode,
      oldName: (v.old_ward_name ?? '').trim(),
      newCode: newCode === '' ? null : newCode,
      newName: newCode === '' ? null : newName,
      newType: newCode === '' ? null : newType,
      source,
      line: row.line,
    };
  });
}
