/**
 * One `npm run import -- <kind> <file>`: under the store lock (a dry run needs none), read and
 * check every row against the active data set, then — all-or-nothing by default, the valid rows
 * with --accept-valid — write a new version and make it active. Returns the exit status:
 * 0 imported (or a clean dry run), 1 rejected (nothing changed).
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { sha256OfFile } from '../store/file-hash';
import { loadReference } from '../pipeline/reference/load-reference';
import { hashFiles, referenceSourceFiles } from '../pipeline/sources/files';
import { createProgress, type Progress } from '../pipeline/support/progress';
import type { RecordKind } from '../schema';
import { removeTempLeftovers } from '../store/commit';
import { actingUser } from '../store/history';
import { acquireStoreLock } from '../store/lock';
import { keepVersionsFromEnv } from '../store/prune';
import { activeData, knownGroups, type ActiveData } from './active-data';
import { Gazetteer } from './communes/gazetteer';
import { readUnitChanges, UNIT_CHANGES_FILE, unitChangesPath } from './communes/unit-changes';
import type { Crs } from './coordinates/crs';
import { PointPlacer } from './coordinates/placement';
import { placeRecords } from './place-records';
import type { Problem } from './problems';
import { openSource } from './readers/open-source';
import { SourceError, type InputFormat } from './readers/types';
import { defaultRejectedPath, writeRejectedRows } from './rejected-file';
import { outcomeLines, reportEntry, writeReport, type ImportReport } from './report';
import { todayInVietnam } from './values/dates';
import { validateFile, type ContextWithoutColumns, type Validation } from './validate';
import { orphanWarnings, writeImport } from './write';

export interface ImportOptions {
  store: string;
  kind: RecordKind;
  file: string;
  format: InputFormat;
  crs: Crs;
  sheet?: string;
  dryRun: boolean;
  acceptValid: boolean;
  reportFile?: string;
  rejectedFile?: string;
  by?: string;
  /** Progress and problems (stderr). */
  log: (line: string) => void;
  /** Results; the last line is the closing line (stdout). */
  out: (line: string) => void;
}

/** How many problems are listed on the terminal; the report has them all. */
const PROBLEMS_SHOWN = 20;

function showProblems(log: (line: string) => void, title: string, problems: readonly Problem[]): void {
  if (problems.length === 0) return;
  log(`${title} (${problems.length}):`);
  for (const p of problems.slice(0, PROBLEMS_SHOWN)) log(`  dòng ${p.row}, cột "${p.column}"${p.value ? ` (${p.value})` : ''}: [${p.code}] ${p.message.vi}`);
  if (problems.length > PROBLEMS_SHOWN) log(`  … ${problems.length - PROBLEMS_SHOWN} more in the report (--report FILE)`);
}

export async function runImport(o: ImportOptions): Promise<number> {
  const lock = o.dryRun ? undefined : await acquireStoreLock(o.store, o.log);
  try {
    if (lock) removeTempLeftovers(o.store);
    return await importUnderLock(o);
  } finally {
    lock?.release();
  }
}

/** The reference layer and everything the row rules check against. */
async function checkContext(o: ImportOptions, active: ActiveData, progress: Progress) {
  const { reference, gazetteer, placer } = await progress.step('reading the reference layer (boundaries, census, crosswalk, unit changes)', () => {
    const ref = loadReference();
    const gaz = new Gazetteer(ref, readUnitChanges());
    return { reference: ref, gazetteer: gaz, placer: new PointPlacer(ref, gaz) };
  });
  const groups = o.kind === 'tips' || o.kind === 'events' ? await knownGroups(active) : new Map();
  return { reference, base: { gazetteer, placer, crs: o.crs, today: todayInVietnam(), groups, groupsVersion: active.real?.manifest.version } };
}

/** Reads and checks every row; a file that cannot be opened is a file problem like any other. */
async function readAndCheck(o: ImportOptions, base: ContextWithoutColumns, progress: Progress, started: number): Promise<Validation> {
  const rate = (rows: number) => Math.round(rows / ((performance.now() - started) / 1000)).toLocaleString('en-US');
  try {
    const source = await openSource(o.file, o.format, { ...(o.sheet ? { sheet: o.sheet } : {}), projected: o.crs.kind === 'vn2000' });
    return await progress.step(`checking the rows of ${path.basename(o.file)}`, () =>
      validateFile(o.kind, source, base, (rows) => o.log(`  ${rows.toLocaleString('en-US')} rows read (${rate(rows)} rows/s)`)),
    );
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    const fileProblem: Problem = { row: error.row, column: '', value: '', code: error.code, message: error.detail };
    return { headings: [], drafts: [], rejected: [], warnings: [], rows: 0, fileProblem, pointColumns: { kind: 'none' }, northingColumns: {} };
  }
}

async function importUnderLock(o: ImportOptions): Promise<number> {
  const started = performance.now();
  const progress = createProgress(o.log);
  const active = activeData(o.store);
  const { reference, base } = await checkContext(o, active, progress);
  const validation = await readAndCheck(o, base, progress, started);

  const rejectedRows = validation.fileProblem ? validation.rows : validation.rejected.length;
  const problems = validation.fileProblem ? [validation.fileProblem] : validation.rejected.flatMap((r) => r.problems);
  const noValidRow = !validation.fileProblem && validation.drafts.length === 0;
  const blocked = validation.fileProblem !== undefined || noValidRow || (rejectedRows > 0 && !o.acceptValid);
  const warnings = [...validation.warnings];
  let datasetVersion = active.activeVersion ?? null;
  let rejectedFile: string | null = null;

  showProblems(o.log, 'Rejected', problems);
  if (noValidRow) o.log('No row passed every check: nothing to import.');

  const imported = !blocked && !o.dryRun;
  if (imported) {
    const manifest = await writeImport({
      store: o.store,
      kind: o.kind,
      rows: placeRecords(validation.drafts, base.gazetteer, base.placer),
      count: validation.drafts.length,
      active,
      reference,
      inputs: hashFiles([...referenceSourceFiles(), { label: `sources/${UNIT_CHANGES_FILE}`, absolutePath: unitChangesPath() }]),
      provenance: {
        kind: o.kind,
        file: path.basename(o.file),
        sha256: await sha256OfFile(o.file),
        bytes: statSync(o.file).size,
        imported_at: new Date().toISOString(),
        imported_by: actingUser(o.by),
        accepted: validation.drafts.length,
        rejected: rejectedRows,
      },
      options: { crs: o.crs.label, sheet: o.sheet ?? null, accept_valid: o.acceptValid },
      keepVersions: keepVersionsFromEnv(),
      progress,
    });
    datasetVersion = manifest.version;
    warnings.push(...orphanWarnings(manifest));
  }
  // After an --accept-valid import, or a dry run asked for them (the admin screen offers them before importing).
  const writesRejected = validation.rejected.length > 0 && ((imported && o.acceptValid) || (o.dryRun && o.rejectedFile !== undefined));
  if (writesRejected) {
    rejectedFile = o.rejectedFile ?? defaultRejectedPath(o.file, o.format);
    await writeRejectedRows(rejectedFile, o.format, validation.headings, validation.rejected, validation.delimiter);
    o.log(`Rejected rows written to ${rejectedFile}: fix them there and import that file.`);
  }
  showProblems(o.log, 'Warnings', warnings);

  const report: ImportReport = {
    kind: o.kind,
    file: o.file,
    accepted: blocked ? 0 : validation.drafts.length,
    rejected: problems.map(reportEntry),
    warnings: warnings.map(reportEntry),
    dataset_version: datasetVersion,
    rejected_rows: rejectedRows,
    rows: validation.rows,
    valid: validation.drafts.length,
    dry_run: o.dryRun,
    imported,
    crs: o.crs.label,
    northing_read_from: validation.northingColumns,
    rejected_file: rejectedFile,
  };
  if (o.reportFile) writeReport(o.reportFile, report);
  const seconds = (performance.now() - started) / 1000;
  o.log(`${validation.rows.toLocaleString('en-US')} rows in ${seconds.toFixed(1)} s (${Math.round(validation.rows / seconds).toLocaleString('en-US')} rows/s)`);
  for (const line of outcomeLines(report)) o.out(line);
  return blocked ? 1 : 0;
}
