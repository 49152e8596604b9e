/** The versions in a store, oldest first, as `npm run import -- --list [--json]` shows them. */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { readActiveVersion } from './active';
import { versionsDir } from './layout';
import { readManifest } from './read-manifest';
import { isVersionId } from './version-id';

export interface VersionInfo {
  version: string;
  active: boolean;
  synthetic: boolean;
  built_at: string;
  /** Rows per table, from the manifest. */
  rows: Record<string, number>;
}

export function listVersions(store: string): VersionInfo[] {
  const dir = versionsDir(store);
  if (!existsSync(dir)) return [];
  const active = readActiveVersion(store);
  return readdirSync(dir)
    .filter(isVersionId)
    .sort()
    .flatMap((version) => {
      const manifest = readManifest(path.join(dir, version));
      // A directory without a readable manifest is not a version (never written by a commit).
      return manifest ? [{ version, active: version === active, synthetic: manifest.synthetic, built_at: manifest.built_at, rows: manifest.rows }] : [];
    });
}
