/**
 * Append-only audit log (JSON lines): who asked for which aggregate or export, who logged in or
 * was refused, who changed which account, when, with which filters. Never holds passwords,
 * cookies or tokens: only the route, the validated query parameters and the outcome.
 *
 * It fails closed: `record` resolves only once the entry is on disk (write, then fdatasync) and
 * rejects with AuditUnavailableError otherwise, so a caller can refuse to answer.
 *
 * Group commit: entries that arrive while a write is on its way to the disk are written together
 * in one write() and one fdatasync(), so 128 concurrent requests cost a few disk flushes, not 128.
 *
 * Never torn: a batch is one write() of whole lines to an O_APPEND descriptor. A short write (a
 * full disk) is cut back off the file before the batch is refused. A process killed in the middle
 * of a write can still leave part of a batch (Linux stops a write between pages on a fatal
 * signal); those entries were never acknowledged, and the torn tail is cut off when the log is
 * next opened, in an entry that says how many bytes went. (Command-line tools append to the same
 * file, each entry in one write(); only a log opened in the very microseconds another process
 * writes a line across a page boundary could mistake that line for a torn tail.)
 */
import { constants } from 'node:fs';
import { mkdir, open, rename, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

/** Rotate at 10 MB: a year of a busy office fits in a handful of files that open in any editor. */
export const AUDIT_ROTATE_BYTES = 10 * 1024 * 1024;

/** At most this many entries in one write: bounds the batch a crash can tear (about 150 KB). */
const MAX_BATCH_ENTRIES = 512;

/** How far back a torn tail is searched for the last whole line; entries are far shorter. */
const MAX_TAIL_SEARCH_BYTES = 1024 * 1024;

const NEWLINE = 0x0a;

export interface AuditEntry {
  at: string;
  user: string | null;
  role: string | null;
  /** read, export, login, login.failed, login.throttled, logout, deny, user.add, user.remove, audit.repair, … */
  action: string;
  /** The HTTP request, or null for entries that come from no request (the command line, the log itself). */
  method: string | null;
  path: string | null;
  params: Record<string, string>;
  status: number | null;
  /** The client address of the request, when there was one. */
  address?: string;
  /** The error code of a refused request. */
  code?: string;
}

export type AuditRecord = Omit<AuditEntry, 'at'>;

/** Parameters never written to the log whatever the route. */
const SECRET_PARAMS = new Set(['password', 'token', 'csrf', 'csrf_token', 'session']);

export class AuditUnavailableError extends Error {
  readonly code = 'audit_unavailable';
  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    super(`the audit log ${file} cannot be written: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

interface Pending {
  line: string;
  resolve: () => void;
  reject: (error: AuditUnavailableError) => void;
}

/** The log while a run of batches writes to it: its length, and a note to write first. */
interface OpenLog {
  handle: FileHandle;
  size: number;
  /** The `audit.repair` entry of a torn tail cut off when the log was opened, or ''. */
  repair: string;
}

export const auditDir = (stateDir: string): string => path.join(stateDir, 'audit');

export class AuditLog {
  private pending: Pending[] = [];
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly dir: string,
    private readonly rotateBytes = AUDIT_ROTATE_BYTES,
  ) {}

  get file(): string {
    return path.join(this.dir, 'audit.log');
  }

  /** Resolves once the entry is on disk; rejects with AuditUnavailableError when it cannot be. */
  record(entry: AuditRecord): Promise<void> {
    const line = lineOf(entry);
    return new Promise((resolve, reject) => {
      this.pending.push({ line, resolve, reject });
      this.flushing ??= this.flush();
    });
  }

  private async flush(): Promise<void> {
    while (this.pending.length > 0) await this.writePending();
    this.flushing = null;
  }

  /**
   * Writes batches on one descriptor until none is waiting, then closes it before the last batch
   * is acknowledged: a busy server opens the log once per run of requests, an idle one holds no
   * descriptor (outside tools may move the log, and a state directory that became read-only is
   * noticed at the next entry).
   */
  private async writePending(): Promise<void> {
    let log: OpenLog | null = null;
    try {
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0, MAX_BATCH_ENTRIES);
        try {
          log ??= await this.openLog();
          log = await this.commit(log, batch.map((p) => p.line).join(''));
          if (this.pending.length === 0) {
            await log.handle.close().catch(() => {});
            log = null;
          }
          for (const p of batch) p.resolve();
        } catch (cause) {
          await log?.handle.close().catch(() => {});
          log = null;
          const error = new AuditUnavailableError(this.file, cause);
          console.error(`audit log: ${error.message}; ${batch.length} request(s) refused`);
          for (const p of batch) p.reject(error);
        }
      }
    } finally {
      await log?.handle.close().catch(() => {});
    }
  }

  /**
   * One batch: rotate when full, one write, fdatasync; a short write is cut back off before
   * failing. Returns the log to write the next batch to; on failure, closes what it opened.
   */
  private async commit(open: OpenLog, lines: string): Promise<OpenLog> {
    if (open.size > 0 && open.size + Buffer.byteLength(open.repair + lines) > this.rotateBytes) {
      await open.handle.close();
      await this.rotate();
      const rotated = await this.openLog();
      try {
        return await this.append(rotated, lines);
      } catch (error) {
        await rotated.handle.close().catch(() => {});
        throw error;
      }
    }
    return this.append(open, lines);
  }

  private async append(log: OpenLog, lines: string): Promise<OpenLog> {
    const bytes = Buffer.from(log.repair + lines);
    const { bytesWritten } = await log.handle.write(bytes, 0, bytes.length);
    if (bytesWritten !== bytes.length) {
      // Cut back exactly what this write added (another process may have appended before it).
      await log.handle.truncate((await log.handle.stat()).size - bytesWritten);
      await log.handle.datasync();
      throw new Error(`only ${bytesWritten} of ${bytes.length} bytes could be written (disk full?)`);
    }
    await log.handle.datasync();
    return { handle: log.handle, size: log.size + bytes.length, repair: '' };
  }

  /** The log opened for appending, its length in whole lines, and the note of a torn tail cut off. */
  private async openLog(): Promise<OpenLog> {
    const handle = await openCreating(this.file, this.dir);
    try {
      const { size } = await handle.stat();
      if (size === 0) await syncDirectory(this.dir);
      const whole = await wholeLinesLength(handle, size);
      if (whole === size) return { handle, size, repair: '' };
      await handle.truncate(whole);
      const repair = lineOf({ user: null, role: null, action: 'audit.repair', method: null, path: null, params: { dropped_bytes: String(size - whole) }, status: null });
      return { handle, size: whole, repair };
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  /** Moves the full log aside under a name no other file has, so no old log is ever overwritten. */
  private async rotate(): Promise<void> {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    let target = path.join(this.dir, `audit-${stamp}.log`);
    for (let n = 1; await exists(target); n++) target = path.join(this.dir, `audit-${stamp}-${n}.log`);
    await rename(this.file, target);
    await syncDirectory(this.dir);
  }
}

/** Opens `file` for appending, creating it (and, the first time, its folder, owner-only). */
async function openCreating(file: string, dir: string): Promise<FileHandle> {
  const flags = constants.O_RDWR | constants.O_APPEND | constants.O_CREAT;
  try {
    return await open(file, flags, 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    await mkdir(dir, { recursive: true, mode: 0o700 });
    return open(file, flags, 0o600);
  }
}

function lineOf(entry: AuditRecord): string {
  const params = Object.fromEntries(Object.entries(entry.params).filter(([k]) => !SECRET_PARAMS.has(k.toLowerCase())));
  return `${JSON.stringify({ at: new Date().toISOString(), ...entry, params })}\n`;
}

/** The length of the file up to and including its last newline (all of it when it ends in one). */
async function wholeLinesLength(handle: FileHandle, size: number): Promise<number> {
  if (size === 0) return 0;
  const last = Buffer.alloc(1);
  await handle.read(last, 0, 1, size - 1);
  if (last[0] === NEWLINE) return size;
  const start = Math.max(0, size - MAX_TAIL_SEARCH_BYTES);
  const tail = Buffer.alloc(size - start);
  await handle.read(tail, 0, tail.length, start);
  const end = tail.lastIndexOf(NEWLINE);
  return end === -1 ? start : start + end + 1;
}

/** A new or renamed file survives a crash only once its folder is flushed too. */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, constants.O_RDONLY);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
