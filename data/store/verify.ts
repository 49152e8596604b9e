/**
 * Whether a version is whole: every output its manifest lists is present with the size and the
 * sha256 recorded when it was written. Checked before a data set is served (at start and on every
 * switch) and before --activate, so a damaged file is refused instead of answered from.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import type { Manifest } from '../schema';
import { sha256OfFile } from './file-hash';
import { readManifest } from './read-manifest';

export type VersionCheck = { ok: true; manifest: Manifest; bytes: number } | { ok: false; file: string; problem: string };

export async function verifyVersion(dir: string): Promise<VersionCheck> {
  const manifest = readManifest(dir);
  if (!manifest) return { ok: false, file: 'manifest.json', problem: 'is missing or unreadable' };
  let bytes = 0;
  for (const output of manifest.outputs) {
    const file = path.join(dir, output.file);
    const size = statSync(file, { throwIfNoEntry: false })?.size;
    if (size === undefined) return { ok: false, file: output.file, problem: 'is missing' };
    if (size !== output.bytes) return { ok: false, file: output.file, problem: `has ${size} bytes, the manifest says ${output.bytes}` };
    if ((await sha256OfFile(file)) !== output.sha256) return { ok: false, file: output.file, problem: 'does not match the sha256 in its manifest (the file was altered or damaged)' };
    bytes += size;
  }
  return { ok: true, manifest, bytes };
}

/** The sentence an operator reads when a version is damaged. */
export function damagedMessage(version: string, check: Extract<VersionCheck, { ok: false }>): string {
  return `Data set ${version} is damaged: ${check.file} ${check.problem}. It is not served. Activate another version (npm run import -- --list, then --activate <version>) or rebuild the demo data (npm run data -- --force).`;
}
