/**
 * Uploads of register files and the importer runs they start: an upload is streamed to disk
 * under the state directory, checked by a dry run of the importer (its report and rejected
 * rows kept), then imported on request — all-or-nothing or the valid rows — into a new data set
 * version. The importer runs as a child process, one at a time (imports hold the store's lock
 * anyway, and a validation of 200,000 rows keeps a core busy); the others wait in a queue.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { parseCrs, SUPPORTED_CRS_CODES } from '../../data/import/coordinates/crs';
import type { RecordKind } from '../../data/schema';
import { REGISTER_KINDS, type DownloadFormat, type RegisterFormat, type RegisterKind, type UploadErrorCode, type UploadState } from '#contract';
import type { ImportReportResponse, UploadResponse } from '#contract/api';
import { ApiError, badRequest } from '../errors';
import { runImporter, type ImporterRun } from './imports-cli';
import { progressAfter, type ImporterProgress } from './imports-progress';
import { rejectedRowsFile } from './imports-rejected';
import { readReport, toReportResponse } from './imports-report';
import { receiveFile } from './imports-upload-file';

// The contract's registers are the importer's record kinds (checked by the compiler).
REGISTER_KINDS satisfies readonly RecordKind[];

/** Uploads waiting for the importer at most; more are refused until some are done (429). */
export const MAX_WAITING_UPLOADS = 10;
/** An upload nobody imported or cancelled is removed after a day: registers are police data. */
export const UPLOAD_TTL_MS = 24 * 60 * 60 * 1000;
/** Lines of the importer's output kept for the server log when a run fails. */
const OUTPUT_TAIL_LINES = 20;

/** File name endings of each format (the importer picks its reader by the ending). */
const ENDINGS: Record<RegisterFormat, readonly string[]> = { xlsx: ['.xlsx'], csv: ['.csv'], geojson: ['.geojson', '.json'], parquet: ['.parquet'] };

/** Something the audit log must hold that happened outside a request: a validation or an import finished. */
export interface ImportEvent {
  user: string;
  action: string;
  path: string;
  params: Record<string, string>;
  status: number;
}

export interface UploadRequest {
  kind: RegisterKind;
  format: RegisterFormat;
  crs?: string;
  sheet?: string;
  filename?: string;
  by: string;
  body: ReadableStream<Uint8Array> | null;
  maxBytes: number;
}

interface Upload {
  id: string;
  kind: RegisterKind;
  format: RegisterFormat;
  filename: string;
  bytes: number;
  crs: string | null;
  sheet: string | null;
  uploadedBy: string;
  uploadedAt: number;
  dir: string;
  file: string;
  state: UploadState;
  progress: ImporterProgress;
  report: ImportReportResponse | null;
  acceptValid: boolean | null;
  imported: UploadResponse['imported'];
  error: { code: UploadErrorCode; message: { vi: string; en: string } } | null;
  /** The importer's XLSX of the rejected rows (validation, then import), when there are any. */
  rejectedXlsx: string | null;
  rejectedCsv: Promise<string> | null;
  run: ImporterRun | null;
}

const IDLE: ImporterProgress = { step: null, rowsRead: 0 };
const FAILED_MESSAGE = {
  vi: 'Trình nhập dữ liệu dừng giữa chừng; lỗi đã được ghi ở máy chủ. Dữ liệu đang dùng không thay đổi. Sửa: thử lại; nếu vẫn lỗi, báo quản trị hệ thống.',
  en: 'The importer stopped before the end; the error was logged on the server. The data set in use is unchanged. Fix: try again; if it fails again, tell the system administrator.',
};
const REJECTED_MESSAGE = {
  vi: 'Khi nhập, tệp bị từ chối (xem báo cáo); dữ liệu đang dùng không thay đổi.',
  en: 'The import refused the file (see the report); the data set in use is unchanged.',
};

/** The file's name as given, made safe to store (no folders, no control characters), with an ending its format allows. */
function storedName(filename: string | undefined, kind: RegisterKind, format: RegisterFormat): string {
  if (filename === undefined) return `${kind}.${format}`;
  const base = filename.split(/[\\/]/).pop() ?? '';
  const safe = base.normalize('NFC').replace(/[^\p{L}\p{N}._() -]/gu, '_').replace(/^[.\s]+/, '').trim();
  if (!ENDINGS[format].includes(path.extname(safe).toLowerCase())) {
    throw new ApiError(415, 'media_type_mismatch', `The file "${base}" does not end as a .${format} file should (${ENDINGS[format].join(' or ')}), but was sent as ${format}.`, {
      filename: base,
      format,
    });
  }
  return safe === path.extname(safe) ? `${kind}${safe}` : safe;
}

export class ImportJobs {
  private readonly uploads = new Map<string, Upload>();
  private queue: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly store: string,
    private readonly uploadsDir: string,
    private readonly record: (event: ImportEvent) => Promise<void>,
    private readonly log: (line: string) => void,
  ) {
    // Uploads of an earlier server process cannot be followed any more: their files go.
    rmSync(uploadsDir, { recursive: true, force: true });
  }

  async receive(request: UploadRequest): Promise<UploadResponse> {
    if (request.crs !== undefined && !parseCrs(request.crs)) {
      throw badRequest('unknown_value', `Invalid request: crs must be wgs84, vn2000 or one of ${SUPPORTED_CRS_CODES.join(', ')}.`, {
        parameter: 'crs',
        allowed: ['wgs84', 'vn2000', ...SUPPORTED_CRS_CODES],
      });
    }
    if (request.sheet !== undefined && request.format !== 'xlsx') throw badRequest('sheet_needs_xlsx', 'Invalid request: sheet applies to XLSX files only.', { parameter: 'sheet' });
    const filename = storedName(request.filename, request.kind, request.format);
    await this.sweep();
    if ([...this.uploads.values()].filter((u) => u.state === 'queued').length >= MAX_WAITING_UPLOADS) {
      throw new ApiError(429, 'too_many_uploads', `${MAX_WAITING_UPLOADS} uploads are already waiting for the importer; try again when some are done.`);
    }
    const id = randomBytes(8).toString('hex');
    const dir = path.join(this.uploadsDir, id);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const file = path.join(dir, filename);
    let bytes: number;
    try {
      bytes = await receiveFile(request.body, file, request.maxBytes);
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      throw error;
    }
    const upload: Upload = {
      id,
      kind: request.kind,
      format: request.format,
      filename,
      bytes,
      crs: request.crs ?? null,
      sheet: request.sheet ?? null,
      uploadedBy: request.by,
      uploadedAt: Date.now(),
      dir,
      file,
      state: 'queued',
      progress: { step: 'waiting', rowsRead: 0 },
      report: null,
      acceptValid: null,
      imported: null,
      error: null,
      rejectedXlsx: null,
      rejectedCsv: null,
      run: null,
    };
    this.uploads.set(id, upload);
    this.enqueue(upload, () => this.validate(upload));
    return this.describe(upload);
  }

  list(): UploadResponse[] {
    return [...this.uploads.values()].sort((a, b) => b.uploadedAt - a.uploadedAt).map((u) => this.describe(u));
  }

  get(id: string): UploadResponse {
    return this.describe(this.find(id));
  }

  /** Queues the import of a validated upload. */
  commit(id: string, acceptValid: boolean, by: string): UploadResponse {
    const upload = this.find(id);
    if (upload.state !== 'validated' || !upload.report) {
      throw new ApiError(409, 'upload_not_validated', `The upload is ${upload.state}; only a validated upload can be imported.`, { state: upload.state });
    }
    const { report } = upload;
    if (report.file_problem || report.valid === 0) throw new ApiError(409, 'nothing_to_import', 'No row of this file passed every check: there is nothing to import.');
    if (report.rejected_rows > 0 && !acceptValid) {
      throw new ApiError(409, 'rejected_rows', `${report.rejected_rows} rows were rejected: fix them, or import the valid rows only (accept_valid).`, { rejected_rows: report.rejected_rows });
    }
    upload.acceptValid = acceptValid;
    upload.state = 'queued';
    upload.progress = { step: 'waiting', rowsRead: 0 };
    this.enqueue(upload, () => this.import(upload, by));
    return this.describe(upload);
  }

  /** Cancels an upload: stops its validation, forgets it and removes its files. An import that has started finishes. */
  async remove(id: string): Promise<void> {
    const upload = this.find(id);
    if (upload.state === 'importing') throw new ApiError(409, 'import_running', 'The import has started and finishes in a moment; activate the previous version to undo it.');
    this.uploads.delete(id);
    upload.run?.stop();
    await upload.run?.exited;
    await rm(upload.dir, { recursive: true, force: true });
  }

  /** The rejected rows in `format`, and the name to download them as. */
  async rejectedRows(id: string, format: DownloadFormat): Promise<{ file: string; filename: string }> {
    const upload = this.find(id);
    const xlsx = upload.rejectedXlsx;
    if (!xlsx) throw new ApiError(404, 'no_rejected_rows', 'This upload has no rejected rows (or is not validated yet).');
    let file = xlsx;
    if (format === 'csv') {
      upload.rejectedCsv ??= rejectedRowsFile(xlsx, 'csv');
      try {
        file = await upload.rejectedCsv;
      } catch (error) {
        upload.rejectedCsv = null;
        throw error;
      }
    }
    return { file, filename: `${path.basename(upload.filename, path.extname(upload.filename))}.rejected.${format}` };
  }

  /** Whether an import runs now (activating another version meanwhile would be undone by it). */
  importing(): boolean {
    return [...this.uploads.values()].some((u) => u.state === 'importing');
  }

  /** Stops the running importer and starts no other (server shutdown). */
  close(): void {
    this.closed = true;
    for (const upload of this.uploads.values()) upload.run?.stop();
  }

  private find(id: string): Upload {
    const upload = this.uploads.get(id);
    if (!upload) throw new ApiError(404, 'unknown_upload', `There is no upload ${id} (cancelled, expired, or made before the server restarted).`, { id });
    return upload;
  }

  /** Runs `task` after the tasks queued before it, unless the upload was cancelled meanwhile. */
  private enqueue(upload: Upload, task: () => Promise<void>): void {
    this.queue = this.queue
      .then(() => (this.closed || this.uploads.get(upload.id) !== upload ? undefined : task()))
      .catch((error: unknown) => {
        this.log(`import job ${upload.id} failed: ${(error as Error).message}`);
        this.fail(upload, 'import_failed');
      });
  }

  private options(upload: Upload): string[] {
    return [...(upload.crs === null ? [] : ['--crs', upload.crs]), ...(upload.sheet === null ? [] : ['--sheet', upload.sheet])];
  }

  /** One run of the importer for this upload, its progress followed; the report it wrote, if any. */
  private async runFor(upload: Upload, args: string[], reportFile: string) {
    upload.progress = { ...IDLE };
    const tail: string[] = [];
    const run = runImporter(this.store, args, (line, stream) => {
      if (stream === 'stderr') upload.progress = progressAfter(line, upload.progress);
      tail.push(line);
      if (tail.length > OUTPUT_TAIL_LINES) tail.shift();
    });
    upload.run = run;
    const code = await run.exited;
    upload.run = null;
    const report = await readReport(reportFile);
    upload.progress = { step: null, rowsRead: report?.rows ?? upload.progress.rowsRead };
    if (!report && this.uploads.get(upload.id) === upload && !this.closed) {
      this.log(`importer for upload ${upload.id} exited with ${code} and no report:\n  ${tail.join('\n  ')}`);
    }
    return { code, report };
  }

  private async validate(upload: Upload): Promise<void> {
    upload.state = 'validating';
    const reportFile = path.join(upload.dir, 'validation.json');
    const rejected = path.join(upload.dir, 'rejected.xlsx');
    const { report } = await this.runFor(upload, [upload.kind, upload.file, '--dry-run', '--report', reportFile, '--rejected', rejected, ...this.options(upload)], reportFile);
    if (this.uploads.get(upload.id) !== upload) return;
    if (!report) return this.fail(upload, 'import_failed');
    upload.rejectedXlsx = existsSync(rejected) ? rejected : null;
    upload.report = toReportResponse(report, upload.rejectedXlsx !== null);
    upload.state = 'validated';
    const refused = upload.report.file_problem || upload.report.rejected_rows > 0;
    await this.note(upload, upload.uploadedBy, refused ? 'import.upload_rejected' : 'import.validated', '/api/admin/uploads', 200);
  }

  private async import(upload: Upload, by: string): Promise<void> {
    upload.state = 'importing';
    const reportFile = path.join(upload.dir, 'import.json');
    const rejected = path.join(upload.dir, 'import-rejected.xlsx');
    const args = [upload.kind, upload.file, '--report', reportFile, '--by', by, ...(upload.acceptValid ? ['--accept-valid', '--rejected', rejected] : []), ...this.options(upload)];
    const { code, report } = await this.runFor(upload, args, reportFile);
    if (!report) return this.fail(upload, 'import_failed');
    upload.rejectedXlsx = existsSync(rejected) ? rejected : null;
    upload.rejectedCsv = null;
    upload.report = toReportResponse(report, upload.rejectedXlsx !== null);
    const route = `/api/admin/uploads/${upload.id}/import`;
    if (code === 0 && report.imported && report.dataset_version) {
      upload.state = 'imported';
      upload.imported = { dataset_version: report.dataset_version, accepted: report.accepted, rejected_rows: report.rejected_rows, at: new Date().toISOString() };
      await this.note(upload, by, 'import.completed', route, 200);
    } else {
      upload.state = 'failed';
      upload.error = { code: 'import_rejected', message: REJECTED_MESSAGE };
      await this.note(upload, by, 'import.failed', route, 409);
    }
  }

  private fail(upload: Upload, code: UploadErrorCode): void {
    upload.state = 'failed';
    upload.error = { code, message: code === 'import_rejected' ? REJECTED_MESSAGE : FAILED_MESSAGE };
  }

  /** An audit entry for an outcome; a failure to write it is logged (the outcome itself stands). */
  private async note(upload: Upload, user: string, action: string, at: string, status: number): Promise<void> {
    const report = upload.report;
    const params: Record<string, string> = {
      upload: upload.id,
      kind: upload.kind,
      filename: upload.filename,
      ...(report ? { rows: String(report.rows), valid: String(report.valid), rejected_rows: String(report.rejected_rows) } : {}),
      ...(upload.imported ? { dataset_version: upload.imported.dataset_version, accept_valid: String(upload.acceptValid) } : {}),
    };
    try {
      await this.record({ user, action, path: at, params, status });
    } catch (error) {
      this.log(`audit entry ${action} for upload ${upload.id} could not be written: ${(error as Error).message}`);
    }
  }

  /** Removes uploads older than a day that nothing runs for. */
  private async sweep(): Promise<void> {
    const old = [...this.uploads.values()].filter((u) => Date.now() - u.uploadedAt > UPLOAD_TTL_MS && !u.run && u.state !== 'queued');
    for (const upload of old) {
      this.uploads.delete(upload.id);
      await rm(upload.dir, { recursive: true, force: true });
    }
  }

  private describe(u: Upload): UploadResponse {
    const importable = u.state === 'validated' && u.report !== null && !u.report.file_problem && u.report.valid > 0;
    return {
      id: u.id,
      kind: u.kind,
      format: u.format,
      filename: u.filename,
      bytes: u.bytes,
      crs: u.crs ?? 'wgs84',
      sheet: u.sheet,
      uploaded_by: u.uploadedBy,
      uploaded_at: new Date(u.uploadedAt).toISOString(),
      state: u.state,
      progress: { step: u.progress.step, rows_read: u.progress.rowsRead },
      report: u.report,
      can_import: importable && u.report!.rejected_rows === 0,
      can_import_valid: importable,
      accept_valid: u.acceptValid,
      imported: u.imported,
      error: u.error,
    };
  }
}
