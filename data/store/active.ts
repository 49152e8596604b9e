/** The ACTIVE pointer: which version the server serves. Replaced atomically (temp + rename, fsync). */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileDurably } from './durable-file';
import { ACTIVE_FILE, versionDir } from './layout';
import { isVersionId } from './version-id';

/** The active version id, or undefined when the store has none (or the pointer is unreadable). */
export function readActiveVersion(store: string): string | undefined {
  try {
    const version = readFileSync(path.join(store, ACTIVE_FILE), 'utf8').trim();
    return isVersionId(version) ? version : undefined;
  } catch {
    return undefined;
  }
}

/** The directory of the active version, or undefined when there is none on disk. */
export function activeVersionDir(store: string): string | undefined {
  const version = readActiveVersion(store);
  if (!version) return undefined;
  const dir = versionDir(store, version);
  return existsSync(dir) ? dir : undefined;
}

/** Points ACTIVE at `version` (which must already be complete under versions/). */
export function writeActiveVersion(store: string, version: string): void {
  if (!existsSync(versionDir(store, version))) throw new Error(`version ${version} is not in ${store}`);
  writeFileDurably(path.join(store, ACTIVE_FILE), `${version}\n`);
}
