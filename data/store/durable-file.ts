/**
 * Writes that survive a crash at any moment: a temp file beside the target, flushed to disk,
 * renamed over it, and the directory flushed so the rename itself is on disk. A reader sees
 * the old content or the new, never a mix.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { TEMP_PREFIX } from './layout';

export function fsyncPath(target: string): void {
  const fd = openSync(target, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function writeFileDurably(file: string, content: string): void {
  // Named like the store's temp directories, so a temp file left by a crash is cleaned up with them.
  const temp = path.join(path.dirname(file), `${TEMP_PREFIX}${path.basename(file)}-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    const fd = openSync(temp, 'w', 0o644);
    try {
      writeFileSync(fd, content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
    fsyncPath(path.dirname(file));
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** Flushes every file of a finished directory (and the directory) before it is renamed into place. */
export function fsyncTree(dir: string): void {
  for (const entry of readdirSync(dir)) {
    const file = path.join(dir, entry);
    if (statSync(file).isDirectory()) fsyncTree(file);
    else fsyncPath(file);
  }
  fsyncPath(dir);
}
