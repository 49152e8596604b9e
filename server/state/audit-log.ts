/**
 * Append-only audit log (JSON lines): who asked for which aggregate or export, when, with which
 * filters. Rotated by size. Never holds passwords, cookies or tokens: only the route, the
 * validated query parameters and the outcome.
 */
import { appendFile, mkdir, rename, stat } from 'node:fs/promises';
import path from 'node:path';

/** Rotate at 10 MB: a year of a busy office fits in a handful of files that open in any editor. */
export const AUDIT_ROTATE_BYTES = 10 * 1024 * 1024;

export interface AuditEntry {
  at: string;
  user: string | null;
  role: string | null;
  action: string;
  method: string;
  path: string;
  params: Record<string, string>;
  status: number;
}

/** Parameters never written to the log whatever the route. */
const SECRET_PARAMS = new Set(['password', 'token', 'csrf', 'csrf_token', 'session']);

export class AuditLog {
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly dir: string,
    private readonly rotateBytes = AUDIT_ROTATE_BYTES,
  ) {}

  get file(): string {
    return path.join(this.dir, 'audit.log');
  }

  /** Appends in order; failures are reported on stderr, never to the client. */
  record(entry: Omit<AuditEntry, 'at'>): Promise<void> {
    const params = Object.fromEntries(Object.entries(entry.params).filter(([k]) => !SECRET_PARAMS.has(k.toLowerCase())));
    const line = `${JSON.stringify({ at: new Date().toISOString(), ...entry, params })}\n`;
    this.queue = this.queue.then(() => this.append(line)).catch((error: unknown) => {
      console.error(`audit log: could not write ${this.file}: ${(error as Error).message}`);
    });
    return this.queue;
  }

  private async append(line: string): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    try {
      const { size } = await stat(this.file);
      if (size + line.length > this.rotateBytes) {
        await rename(this.file, path.join(this.dir, `audit-${new Date().toISOString().replace(/[:.]/g, '-')}.log`));
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    await appendFile(this.file, line, { mode: 0o600 });
  }
}
