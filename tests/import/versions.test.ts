/**
 * The store around imports: each import of a kind is a full snapshot that replaces that kind
 * and carries the others over; dissolved groups stop counting in the rollup on their
 * dissolution day; the demo build never replaces an active real data set; pruning never
 * removes the active version.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureDataset } from '../../data/pipeline/ensure';
import { DUCKDB_OFFLINE_OPTIONS } from '../../data/pipeline/output/duckdb';
import { BUILD_FILES } from '../../data/schema';
import { activeVersionDir, readActiveVersion, writeActiveVersion } from '../../data/store/active';
import { pruneVersions } from '../../data/store/prune';
import { readManifest } from '../../data/store/read-manifest';
import { listVersions } from '../../data/store/versions';
import { writeCsv } from './fixtures/write-files';
import { demoStore, freshStore, runImportCli, scratchDir } from './support/stores';

let store: string;
let dir: string;
const HEADINGS = ['id', 'commune', 'founded_on', 'dissolved_on', 'households'];

async function groupsOnDay(day: string): Promise<{ n: number; households: number }> {
  const instance = await DuckDBInstance.create(path.join(activeVersionDir(store)!, BUILD_FILES.database), { ...DUCKDB_OFFLINE_OPTIONS, access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(`SELECT groups_n::INTEGER AS n, groups_households::INTEGER AS households FROM commune_day WHERE commune_code = '08944' AND day = $1::DATE`, [day]);
    return reader.getRowObjectsJS()[0] as { n: number; households: number };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

beforeAll(async () => {
  store = await freshStore('versions');
  dir = scratchDir('versions');
  writeCsv(path.join(dir, 'groups.csv'), HEADINGS, [
    ['G1', 'Bá Hiến', '01/03/2018', '', 20],
    ['G2', 'Bá Hiến', '01/06/2019', '15/09/2021', 30],
  ]);
  expect((await runImportCli(store, ['groups', path.join(dir, 'groups.csv')])).code).toBe(0);
});

describe('dissolutions in the rollup', () => {
  it('given a group dissolved on 15/09/2021, when the rollup is read, then it counts on 14 Sep and not from 15 Sep on (founded_on ≤ t < dissolved_on)', async () => {
    expect(await groupsOnDay('2018-03-01')).toEqual({ n: 1, households: 20 });
    expect(await groupsOnDay('2019-05-31')).toEqual({ n: 1, households: 20 });
    expect(await groupsOnDay('2019-06-01')).toEqual({ n: 2, households: 50 });
    expect(await groupsOnDay('2021-09-14')).toEqual({ n: 2, households: 50 });
    expect(await groupsOnDay('2021-09-15')).toEqual({ n: 1, households: 20 });
    const manifest = readManifest(activeVersionDir(store)!)!;
    expect(manifest.totals['to_lien_gia.total_active']).toBe(1);
    expect(manifest.totals['records.groups']).toBe(2);
    expect(manifest.period).toEqual({ from: '2018-03-01', to: '2021-09-15' });
  });
});

describe('snapshots and carry-over', () => {
  it('given real groups, when models are imported and then groups again, then each import replaces its own kind only', async () => {
    writeCsv(path.join(dir, 'models.csv'), ['id', 'name', 'setting', 'commune', 'founded_on'], [['M1', 'UBND xã Bá Hiến', 'agency', 'Bá Hiến', '2020-01-01']]);
    expect((await runImportCli(store, ['models', path.join(dir, 'models.csv')])).code).toBe(0);
    writeCsv(path.join(dir, 'groups2.csv'), HEADINGS, [['G3', 'Tích Sơn', '01/03/2018', '', 25]]);
    expect((await runImportCli(store, ['groups', path.join(dir, 'groups2.csv')])).code).toBe(0);
    const manifest = readManifest(activeVersionDir(store)!)!;
    expect(manifest.rows).toMatchObject({ groups: 1, models: 1, tips: 0, events: 0 });
    const [models, groups] = ['models', 'groups'].map((k) => manifest.imports.find((i) => i.kind === k)!);
    expect(models!.file).toBe('models.csv');
    expect(groups!.file).toBe('groups2.csv');
    expect(models!.version).not.toBe(manifest.version);
    expect(groups!.version).toBe(manifest.version);
  });

  it('given an active real data set, when the demo build is ensured (npm start, npm run data), then it is left alone', async () => {
    const before = listVersions(store).map((v) => v.version);
    const lines: string[] = [];
    const manifest = await ensureDataset({ store, log: (l) => lines.push(l) });
    expect(manifest.synthetic).toBe(false);
    expect(listVersions(store).map((v) => v.version)).toEqual(before);
    expect(lines.join('\n')).toContain('leaves it alone');
  });

  it('given the oldest version active, when pruned to one, then the active one is kept and the newer ones go', () => {
    const versions = listVersions(store);
    const active = readActiveVersion(store)!;
    writeActiveVersion(store, versions[0]!.version);
    const removed = pruneVersions(store, 1);
    expect(removed).toEqual(versions.slice(1).map((v) => v.version));
    expect(listVersions(store).map((v) => v.version)).toEqual([versions[0]!.version]);
    expect(active).not.toBe(versions[0]!.version);
  });
});

describe('a data set written directly into data/build by earlier code', () => {
  it('given a flat build (manifest.json at the top of the store), when the demo is ensured, then its files are removed and the demo becomes a version', async () => {
    const legacy = path.join(mkdtempSync(path.join(os.tmpdir(), 'tlg-import-legacy-')), 'build');
    cpSync(activeVersionDir(await demoStore())!, legacy, { recursive: true });
    const manifest = await ensureDataset({ store: legacy });
    expect(readdirSync(legacy).sort()).toEqual(['ACTIVE', 'history.jsonl', 'versions']);
    expect(readActiveVersion(legacy)).toBe(manifest.version);
  });
});
