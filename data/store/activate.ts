/** Rollback (or roll forward): make another complete version of the store the active one. */
import { readManifest } from './read-manifest';
import { writeActiveVersion } from './active';
import { recordActivation } from './history';
import { versionDir } from './layout';
import { acquireStoreLock } from './lock';
import { verifyVersion, damagedMessage } from './verify';
import { isVersionId } from './version-id';

export type ActivationResult = { ok: true; version: string } | { ok: false; code: 'VERSION_INVALID' | 'VERSION_MISSING' | 'VERSION_DAMAGED'; message: string };

export async function activateVersion(store: string, version: string, by: string, log: (line: string) => void = () => {}): Promise<ActivationResult> {
  if (!isVersionId(version)) return { ok: false, code: 'VERSION_INVALID', message: `"${version}" is not a version id (e.g. 20261201T223512Z-1a2b3c4d).` };
  const lock = await acquireStoreLock(store, log);
  try {
    if (!readManifest(versionDir(store, version))) return { ok: false, code: 'VERSION_MISSING', message: `Version ${version} is not in ${store}.` };
    const check = await verifyVersion(versionDir(store, version));
    if (!check.ok) return { ok: false, code: 'VERSION_DAMAGED', message: damagedMessage(version, check) };
    writeActiveVersion(store, version);
    recordActivation(store, { version, at: new Date().toISOString(), by, reason: 'activate' });
    return { ok: true, version };
  } finally {
    lock.release();
  }
}
