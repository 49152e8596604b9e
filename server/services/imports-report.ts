/**
 * The importer's JSON report (`--report FILE`, data/import/report.ts) as the admin API shows it:
 * every message split into the problem and its fix ("… Sửa: …" / "… Fix: …"), at most
 * REPORT_ENTRIES_SHOWN entries of each list with the totals, and no server paths.
 */
import { readFile } from 'node:fs/promises';
import { FILE_PROBLEM_CODES } from '../../data/import/problems';
import type { ImportReport, ReportEntry as CliEntry } from '../../data/import/report';
import { REPORT_ENTRIES_SHOWN } from '#contract';
import type { ImportReportResponse, ReportEntry } from '#contract/api';

const FIX_VI = ' Sửa: ';
const FIX_EN = ' Fix: ';

function split(message: string, marker: string): { problem: string; fix: string | null } {
  const at = message.indexOf(marker);
  return at < 0 ? { problem: message, fix: null } : { problem: message.slice(0, at), fix: message.slice(at + marker.length) };
}

export function reportEntry(entry: CliEntry): ReportEntry {
  const vi = split(entry.message, FIX_VI);
  const en = split(entry.message_en, FIX_EN);
  return {
    row: entry.row,
    column: entry.column,
    value: entry.value,
    code: entry.code,
    problem: { vi: vi.problem, en: en.problem },
    fix: vi.fix === null && en.fix === null ? null : { vi: vi.fix ?? '', en: en.fix ?? '' },
  };
}

const fileProblemCodes: ReadonlySet<string> = new Set(FILE_PROBLEM_CODES);

export function toReportResponse(report: ImportReport, rejectedFile: boolean): ImportReportResponse {
  return {
    rows: report.rows,
    valid: report.valid,
    rejected_rows: report.rejected_rows,
    file_problem: report.rejected.some((e) => fileProblemCodes.has(e.code)),
    problems: report.rejected.slice(0, REPORT_ENTRIES_SHOWN).map(reportEntry),
    problems_total: report.rejected.length,
    warnings: report.warnings.slice(0, REPORT_ENTRIES_SHOWN).map(reportEntry),
    warnings_total: report.warnings.length,
    crs: report.crs,
    northing_read_from: report.northing_read_from,
    rejected_file: rejectedFile,
  };
}

/** The report the importer wrote, or undefined when it wrote none (it stopped before the end). */
export async function readReport(file: string): Promise<ImportReport | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as ImportReport;
  } catch {
    return undefined;
  }
}
