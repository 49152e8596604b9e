/**
 * A running server follows the store: after an import (or an --activate) /api/health shows the
 * new version within 5 s without a restart, `synthetic: false` for real data; a version that
 * fails to load is logged and the previous one stays served.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_FILES } from '../../data/schema';
import { activeVersionDir, readActiveVersion, writeActiveVersion } from '../../data/store/active';
import { versionDir } from '../../data/store/layout';
import { configFromEnv } from '../../server/config';
import { startServer, type RunningServer } from '../../server/main';
import { writeCsv } from './fixtures/write-files';
import { freshStore, runImportChild, runImportCli, scratchDir } from './support/stores';

/** The contract: a running server serves the new active version within 5 s. */
const SWITCH_DEADLINE_MS = 5_000;

let store: string;
/** The demo version the store served before any import. */
let demoVersion: string;
let server: RunningServer;
let stateDir: string;
const log: string[] = [];

async function health(): Promise<{ status: string; dataset: { version: string; synthetic: boolean } }> {
  return (await fetch(`${server.url}/api/health`)).json() as Promise<{ status: string; dataset: { version: string; synthetic: boolean } }>;
}

async function waitForVersion(version: string): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < SWITCH_DEADLINE_MS * 2) {
    if ((await health()).dataset.version === version) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 100));
  }
  return Infinity;
}

beforeAll(async () => {
  store = await freshStore('server');
  demoVersion = readActiveVersion(store)!;
  stateDir = mkdtempSync(path.join(os.tmpdir(), 'tlg-import-server-state-'));
  server = await startServer({ ...configFromEnv(), dataDir: store, port: 0, stateDir, demoPassword: 'import-test-password', logRequests: false }, (line) => log.push(line));
  await server.ready;
});
afterAll(async () => {
  await server?.close();
  rmSync(stateDir, { recursive: true, force: true });
});

describe('the server follows the active version', () => {
  it('given a server on the demo data, when groups are imported, then /api/health shows the new real version within 5 s', async () => {
    const demo = await health();
    expect(demo.dataset).toEqual({ version: readActiveVersion(store), synthetic: true });
    const file = path.join(scratchDir('server'), 'groups.csv');
    writeCsv(file, ['id', 'commune', 'founded_on', 'households'], [['G1', 'Bá Hiến', '15/03/2018', 20]]);
    // As a deployment runs it: another process, while this one's server keeps answering.
    const result = await runImportChild(store, ['groups', file]);
    expect(result.status, result.stderr).toBe(0);
    const imported = readActiveVersion(store)!;
    expect(await waitForVersion(imported)).toBeLessThan(SWITCH_DEADLINE_MS);
    expect((await health()).dataset).toEqual({ version: imported, synthetic: false });
  });

  it('given the real version served, when the demo version is activated again, then the server switches back within 5 s', async () => {
    const listed = JSON.parse((await runImportCli(store, ['--list', '--json'])).out.at(-1)!) as { version: string; synthetic: boolean }[];
    expect(listed.find((v) => v.version === demoVersion)?.synthetic).toBe(true);
    expect((await runImportChild(store, ['--activate', demoVersion])).status).toBe(0);
    expect(await waitForVersion(demoVersion)).toBeLessThan(SWITCH_DEADLINE_MS);
    expect((await health()).dataset.synthetic).toBe(true);
  });

  it('given ACTIVE pointing at a version whose database is missing, when the server polls, then it logs the failure and keeps serving the previous version', async () => {
    const served = (await health()).dataset.version;
    const broken = '20300101T000000Z-0badc0de';
    mkdirSync(versionDir(store, broken), { recursive: true });
    cpSync(path.join(activeVersionDir(store)!, BUILD_FILES.manifest), path.join(versionDir(store, broken), BUILD_FILES.manifest));
    writeActiveVersion(store, broken);
    await new Promise((r) => setTimeout(r, 3_000));
    expect((await health()).dataset.version).toBe(served);
    expect(log.some((line) => line.includes(broken) && line.includes('could not be loaded'))).toBe(true);
    writeActiveVersion(store, served);
  });
});
