/**
 * How a finished data set enters the store: it is written into `.tmp-*`, flushed, renamed into
 * versions/ (one rename: a version directory is complete or absent) and only then made active.
 * A process killed at any moment leaves the active version as it was; what it left in `.tmp-*`
 * is removed by the next run (which holds the lock, so no temp directory can be in use).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { writeActiveVersion } from './active';
import { fsyncPath, fsyncTree } from './durable-file';
import { TEMP_PREFIX, versionDir, versionsDir } from './layout';

export function createTempDir(store: string): string {
  mkdirSync(store, { recursive: true });
  const dir = path.join(store, `${TEMP_PREFIX}${process.pid}-${randomBytes(4).toString('hex')}`);
  mkdirSync(dir);
  return dir;
}

/** Removes what crashed builds left behind; call while holding the store lock. */
export function removeTempLeftovers(store: string): void {
  if (!existsSync(store)) return;
  for (const entry of readdirSync(store)) {
    if (entry.startsWith(TEMP_PREFIX)) rmSync(path.join(store, entry), { recursive: true, force: true });
  }
}

/** Moves a finished temp directory to versions/<version> and makes it the active version. */
export function commitVersion(store: string, tempDir: string, version: string): string {
  const target = versionDir(store, version);
  if (existsSync(target)) throw new Error(`version ${version} already exists in ${store}`);
  mkdirSync(versionsDir(store), { recursive: true });
  fsyncTree(tempDir);
  renameSync(tempDir, target);
  fsyncPath(versionsDir(store));
  writeActiveVersion(store, version);
  return target;
}
