/**
 * The import report (`--report FILE`, API_CONTRACT.md): every rejected row's problems and every
 * warning with the row number the user sees, the column as headed in the file, the value, the
 * code and the message (Vietnamese, with `message_en` for the English UI); what was accepted and
 * which data set version is active afterwards. Also the closing line `accepted N, rejected M`.
 */
import { renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RecordKind } from '../schema';
import type { Problem } from './problems';

export interface ReportEntry {
  row: number;
  column: string;
  value: string;
  code: string;
  message: string;
  message_en: string;
}

export interface ImportReport {
  kind: RecordKind;
  file: string;
  /** Rows imported (or, in a dry run, that would be). */
  accepted: number;
  rejected: ReportEntry[];
  warnings: ReportEntry[];
  /** The active version afterwards: the new one after an import, else the unchanged one (null: none). */
  dataset_version: string | null;
  /** Rows rejected (a row with two problems counts once). */
  rejected_rows: number;
  /** Data rows read; rows that passed every check. */
  rows: number;
  valid: number;
  dry_run: boolean;
  imported: boolean;
  crs: string;
  /** Which column (heading) of a VN-2000 file was read as the northing, and in how many rows. */
  northing_read_from: Record<string, number>;
  rejected_file: string | null;
}

export const reportEntry = (p: Problem): ReportEntry => ({ row: p.row, column: p.column, value: p.value, code: p.code, message: p.message.vi, message_en: p.message.en });

export const closingLine = (accepted: number, rejectedRows: number) => `accepted ${accepted}, rejected ${rejectedRows}`;

export function writeReport(file: string, report: ImportReport): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  writeFileSync(temp, `${JSON.stringify(report, null, 2)}\n`);
  renameSync(temp, file);
}

/** What the command prints on stdout: the outcome in words, then the closing line (always last). */
export function outcomeLines(r: ImportReport): string[] {
  const lines = Object.entries(r.northing_read_from).map(([column, n]) => `VN-2000: column "${column}" read as the northing (X) in ${n} rows`);
  if (r.imported) lines.push(`Imported ${r.accepted} ${r.kind} into data set version ${r.dataset_version} (now active).`);
  else if (r.dry_run && r.accepted > 0) lines.push(`Dry run: ${r.accepted} ${r.kind} would be imported; nothing changed.`);
  else if (r.valid > 0 && r.rejected_rows > 0) lines.push(`Nothing imported: ${r.valid} valid rows, but one bad row rejects the file (use --accept-valid to import the valid rows).`);
  else lines.push('Nothing imported.');
  lines.push(closingLine(r.accepted, r.rejected_rows));
  return lines;
}
