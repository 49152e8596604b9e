/**
 * kill -9 at any moment of an import leaves the active version whole: an import child process
 * is killed while it reads the rows, writes the tables, derives the rollup, writes the manifest
 * and while it makes the new version active; after each kill the active version still loads in
 * the server's loader and every output's sha256 matches its manifest. The next import then
 * cleans up what the killed one left (temp directory, lock) and succeeds.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sha256OfFile } from '../../data/store/file-hash';
import { activeVersionDir, readActiveVersion } from '../../data/store/active';
import { LOCK_DIR, TEMP_PREFIX } from '../../data/store/layout';
import { readManifest } from '../../data/store/read-manifest';
import { listVersions } from '../../data/store/versions';
import { loadDataset } from '../../server/dataset/dataset';
import { exportDemoGroupsCsv } from './support/demo-export';
import { freshStore, runImportCli, scratchDir, startImportCli } from './support/stores';

let store: string;
let file: string;

beforeAll(async () => {
  store = await freshStore('kill');
  file = path.join(scratchDir('kill'), 'groups.csv');
  await exportDemoGroupsCsv(activeVersionDir(store)!, file);
});

/** Starts an import and SIGKILLs it when its stderr shows `moment`; resolves once it is dead. */
function importKilledAt(moment: RegExp): Promise<{ seen: boolean; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    const child = startImportCli(store, ['groups', file]);
    let stderr = '';
    let seen = false;
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (!seen && moment.test(stderr)) {
        seen = true;
        child.kill('SIGKILL');
      }
    });
    child.stdout!.resume();
    child.once('exit', (_code, signal) => resolve({ seen, signal }));
  });
}

async function expectActiveWhole(): Promise<string> {
  const version = readActiveVersion(store)!;
  const dir = activeVersionDir(store)!;
  const manifest = readManifest(dir)!;
  expect(manifest.version).toBe(version);
  for (const output of manifest.outputs) expect(await sha256OfFile(path.join(dir, output.file)), output.file).toBe(output.sha256);
  const dataset = await loadDataset(dir);
  try {
    expect(dataset.version).toBe(version);
    expect(dataset.communes).toHaveLength(137);
  } finally {
    dataset.db.close();
  }
  return version;
}

const MOMENTS: [string, RegExp][] = [
  ['reading the rows', /checking the rows of groups\.csv …/],
  ['writing the tables', /writing tlg\.duckdb and Parquet tables …/],
  ['deriving the rollup', /deriving the daily per-commune rollup in tlg\.duckdb …/],
  ['writing the manifest', /writing manifest …/],
  ['making the new version active', /making \S+ the active version …/],
];

describe('kill -9 during an import', () => {
  it.each(MOMENTS)('given an import killed while %s, when the store is read, then the active version loads and its manifest sha256s verify', async (_label, moment) => {
    const before = readActiveVersion(store);
    const { seen, signal } = await importKilledAt(moment);
    expect(seen).toBe(true);
    expect(signal).toBe('SIGKILL');
    const after = await expectActiveWhole();
    // Killed before the ACTIVE pointer moved: the old version; killed just after: the new, complete one.
    expect(after === before || listVersions(store).some((v) => v.version === after && !v.synthetic)).toBe(true);
  });

  it('given the leftovers of the killed imports, when the next import runs to the end, then it takes over the stale lock, removes the temp directories and succeeds', async () => {
    const result = await runImportCli(store, ['groups', file]);
    expect(result.code).toBe(0);
    expect(result.last).toBe('accepted 10762, rejected 0');
    expect(readdirSync(store).filter((e) => e.startsWith(TEMP_PREFIX))).toEqual([]);
    expect(existsSync(path.join(store, LOCK_DIR))).toBe(false);
    await expectActiveWhole();
  });
});
