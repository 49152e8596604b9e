/**
 * The data set versions of the store as the admin screen lists them (`--list --json` plus who
 * built or imported each, its period, its imports and when it was last made active), and the
 * activation of one, answered once this server serves it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { activateVersion } from '../../data/store/activate';
import type { ActivationEntry } from '../../data/store/history';
import { HISTORY_FILE, versionDir } from '../../data/store/layout';
import { readManifest } from '../../data/store/read-manifest';
import { listVersions } from '../../data/store/versions';
import type { VersionResponse } from '#contract/api';
import type { DatasetHolder } from '../dataset/holder';
import { ApiError } from '../errors';

/** The server follows ACTIVE within about a second and loads a version in one or two: 10 s is ample. */
const SERVED_WAIT_MS = 10_000;
const SERVED_POLL_MS = 100;

/** The last activation of each version, from the store's append-only history. */
function lastActivations(store: string): Map<string, ActivationEntry> {
  const last = new Map<string, ActivationEntry>();
  let text = '';
  try {
    text = readFileSync(path.join(store, HISTORY_FILE), 'utf8');
  } catch {
    return last;
  }
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const entry = JSON.parse(line) as ActivationEntry;
      if (typeof entry.version === 'string') last.set(entry.version, entry);
    } catch {
      // A line cut short by a crash while it was appended: the entries before it still count.
    }
  }
  return last;
}

const servedVersion = (holder: DatasetHolder) => (holder.state.status === 'ready' ? holder.state.dataset.version : undefined);

export function versionsOf(store: string, holder: DatasetHolder): VersionResponse[] {
  const activations = lastActivations(store);
  const served = servedVersion(holder);
  return listVersions(store).flatMap((v) => {
    const manifest = readManifest(versionDir(store, v.version));
    if (!manifest) return [];
    const activated = activations.get(v.version);
    return [
      {
        ...v,
        served: v.version === served,
        built_by: manifest.built_by,
        period: manifest.period,
        imports: manifest.imports.map(({ kind, file, accepted, rejected, imported_at, imported_by }) => ({ kind, file, accepted, rejected, imported_at, imported_by })),
        last_activated: activated ? { at: activated.at, by: activated.by, reason: activated.reason } : null,
      },
    ];
  });
}

/** Activates `version` for `by`, then waits until this server serves it (or the wait runs out). */
export async function activate(store: string, holder: DatasetHolder, version: string, by: string): Promise<VersionResponse> {
  const result = await activateVersion(store, version, by);
  if (!result.ok) throw new ApiError(result.code === 'VERSION_MISSING' ? 404 : 400, 'unknown_version', `There is no data set version ${version} in the store.`, { version });
  const deadline = Date.now() + SERVED_WAIT_MS;
  while (servedVersion(holder) !== version && Date.now() < deadline) await sleep(SERVED_POLL_MS);
  const entry = versionsOf(store, holder).find((v) => v.version === version);
  if (!entry) throw new ApiError(404, 'unknown_version', `Version ${version} disappeared from the store.`, { version });
  return entry;
}
