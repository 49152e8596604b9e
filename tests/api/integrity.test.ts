/**
 * A data set proves it is whole before it is served: every file its manifest lists must match
 * the recorded sha256. A damaged version is refused at start (503 naming the file and the fix),
 * refused on a switch (the previous version stays served), and refused by --activate.
 */
import { cpSync, mkdtempSync, openSync, rmSync, statSync, writeSync, closeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { activateVersion } from '../../data/store/activate';
import { readActiveVersion, writeActiveVersion } from '../../data/store/active';
import { versionDir } from '../../data/store/layout';
import { BUILD_FILES } from '../../data/schema';
import { configFromEnv } from '../../server/config';
import { startServer, type RunningServer } from '../../server/main';
import { expectApiError } from './support/error-shape';

/** What the outside check did: 256 KiB of random bytes written into the middle of tlg.duckdb. */
function damage(file: string): void {
  const size = statSync(file).size;
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, randomBytes(256 * 1024), 0, 256 * 1024, Math.floor(size / 2));
  } finally {
    closeSync(fd);
  }
}

/** A private copy of the test store. */
function copyStore(): string {
  const store = path.join(mkdtempSync(path.join(os.tmpdir(), 'tlg-integrity-')), 'store');
  cpSync(inject('dataDir'), store, { recursive: true, filter: (source) => !path.basename(source).startsWith('.') });
  return store;
}

async function start(store: string, log: string[] = []): Promise<RunningServer> {
  const stateDir = mkdtempSync(path.join(os.tmpdir(), 'tlg-integrity-state-'));
  const running = await startServer({ ...configFromEnv(), dataDir: store, port: 0, stateDir, demoPassword: 'integrity-password', logRequests: false }, (line) => log.push(line));
  await running.ready.catch(() => {});
  return running;
}

const stores: string[] = [];
const servers: RunningServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.close();
  for (const store of stores) rmSync(path.dirname(store), { recursive: true, force: true });
});

describe('a damaged data set', () => {
  let store: string;
  beforeAll(() => {
    store = copyStore();
    stores.push(store);
  });

  it('given random bytes in the active tlg.duckdb (same size), when the server starts, then it serves nothing and says which file is damaged', async () => {
    damage(path.join(versionDir(store, readActiveVersion(store)!), BUILD_FILES.database));
    const running = await start(store);
    servers.push(running);
    const health = await fetch(`${running.url}/api/health`);
    expect(health.status).toBe(503);
    expect(((await health.json()) as { status: string }).status).toBe('error');
    const login = await fetch(`${running.url}/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'demo-viewer', password: 'integrity-password' }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const summary = await fetch(`${running.url}/api/summary`, { headers: { cookie } });
    const body = await expectApiError(summary, 503, 'data_unavailable');
    expect(body.error.message).toContain(BUILD_FILES.database);
    expect(body.error.message).toContain('--activate');
  });

  it('given a damaged version, when --activate names it, then it is refused and the active version stays', async () => {
    const before = readActiveVersion(store)!;
    const result = await activateVersion(store, before, 'test');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe('VERSION_DAMAGED');
      expect(result.message).toContain(BUILD_FILES.database);
    }
  });
});

describe('a switch to a damaged version', () => {
  it('keeps the previous version served and logs why', async () => {
    const store = copyStore();
    stores.push(store);
    const log: string[] = [];
    const running = await start(store, log);
    servers.push(running);
    const served = readActiveVersion(store)!;
    // A damaged copy of the served version under a newer id.
    const damaged = served.replace(/^\d{8}T\d{6}Z/, '20300101T000000Z');
    cpSync(versionDir(store, served), versionDir(store, damaged), { recursive: true });
    damage(path.join(versionDir(store, damaged), BUILD_FILES.database));
    writeActiveVersion(store, damaged);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const health = (await (await fetch(`${running.url}/api/health`)).json()) as { status: string; dataset: { version: string } };
    expect(health).toMatchObject({ status: 'ok', dataset: { version: served } });
    expect(log.some((line) => line.includes(damaged) && line.includes('damaged') && line.includes(BUILD_FILES.database))).toBe(true);
    const res = await fetch(`${running.url}/api/summary`);
    await expectApiError(res, 401, 'unauthenticated');
  });
});
