/**
 * Once per test project (api, e2e): prepare the demo data set if missing or stale, build the web
 * app for the browser tests, and start one real server on a free port with a fresh state
 * directory. Tests reach it through `inject('baseUrl')`, the store through `inject('dataDir')` and
 * the files of its active version through `inject('datasetDir')`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { DEFAULT_SEED, ensureDataset } from '../../data/pipeline/ensure';
import { activeVersionDir } from '../../data/store/active';
import { ensureWebBuild } from '../../scripts/lib/web-build';
import { configFromEnv } from '../../server/config';
import { startServer } from '../../server/main';

export const TEST_DEMO_PASSWORD = 'test-demo-password-2022';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    demoPassword: string;
    /** The data store (TLG_DATA_DIR) the server reads. */
    dataDir: string;
    /** The store's active version directory (manifest.json, tlg.duckdb, *.parquet, *.geojson). */
    datasetDir: string;
  }
}

export default async function setup(project: TestProject) {
  const log = (line: string) => console.log(`[setup] ${line}`);
  const config = configFromEnv();
  // The tests check the published totals: always the default seed at scale 1.
  await ensureDataset({ store: config.dataDir, seed: DEFAULT_SEED, scale: 1, log });
  if (project.name === 'e2e') ensureWebBuild(log);

  const stateDir = mkdtempSync(path.join(os.tmpdir(), 'tlg-test-state-'));
  const running = await startServer(
    { ...config, port: 0, stateDir, demoPassword: TEST_DEMO_PASSWORD, logRequests: false },
    () => {},
  );
  await running.ready;
  project.provide('baseUrl', running.url);
  project.provide('demoPassword', TEST_DEMO_PASSWORD);
  project.provide('dataDir', config.dataDir);
  project.provide('datasetDir', activeVersionDir(config.dataDir)!);
  return async () => {
    await running.close();
    rmSync(stateDir, { recursive: true, force: true });
  };
}
