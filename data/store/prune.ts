/** Keeps the newest versions (TLG_KEEP_VERSIONS, default 10) and never removes the active one. */
import { rmSync } from 'node:fs';
import { versionDir } from './layout';
import { listVersions } from './versions';

export const DEFAULT_KEEP_VERSIONS = 10;

export function keepVersionsFromEnv(): number {
  const raw = process.env.TLG_KEEP_VERSIONS;
  if (raw === undefined || raw === '') return DEFAULT_KEEP_VERSIONS;
  const keep = Number(raw);
  if (!Number.isInteger(keep) || keep < 1) throw new Error(`TLG_KEEP_VERSIONS must be a whole number ≥ 1, got "${raw}"`);
  return keep;
}

/** Removes the oldest versions beyond `keep`; returns the removed ids. */
export function pruneVersions(store: string, keep: number): string[] {
  const versions = listVersions(store);
  const surplus = versions.length - keep;
  if (surplus <= 0) return [];
  const removed = versions.filter((v) => !v.active).slice(0, surplus).map((v) => v.version);
  for (const version of removed) rmSync(versionDir(store, version), { recursive: true, force: true });
  return removed;
}
