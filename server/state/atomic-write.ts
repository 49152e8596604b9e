/**
 * Whole-file writes that never leave a half-written file: write a temp file beside it, flush it,
 * then rename it over the old one. `beforeCommit` runs between the two (the audit entry of the
 * change): when it throws, the temp file goes and the old file stays as it was.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface AtomicWriteOptions {
  mode?: number;
  beforeCommit?: () => Promise<void>;
}

export async function writeFileAtomic(file: string, content: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temp, content, { mode: options.mode ?? 0o600, flush: true });
    await options.beforeCommit?.();
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
